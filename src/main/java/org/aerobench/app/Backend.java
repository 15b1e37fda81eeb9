package org.aerobench.app;

import com.aerospike.client.cluster.ClusterStats;
import java.util.Map;
import java.util.Optional;
import org.aerobench.app.pipeline.Scorer;
import org.aerobench.client.ClientStyle;
import org.aerobench.data.RequestFixture;

/**
 * What the HTTP app serves from: the client styles over one Aerospike connection, the request
 * fixture and the model. {@link AerospikeBackend} is the real one; owning it here lets {@link
 * TargetApp} close everything in order.
 */
public interface Backend extends AutoCloseable {

  /** Client styles by name ({@code sync}, {@code async}, {@code virtual}). */
  Map<String, ClientStyle> styles();

  RequestFixture fixture();

  Scorer scorer();

  /** True while the client sees at least one live cluster node. */
  boolean connected();

  /** True once the model's weights are built and it has run once. */
  boolean modelLoaded();

  /** Why the model will not load (its warm-up failed), if so; /ready then says this. */
  default Optional<String> modelFailure() {
    return Optional.empty();
  }

  /**
   * One small read of the cluster, blocking at most the configured total timeout: /ready's probe. A
   * key that is not found is a success (the server answered).
   *
   * @throws RuntimeException (the client's AerospikeException) when the cluster did not answer
   */
  void probeRead();

  /**
   * What the client sees of the cluster now, for /info: {@code nodes} (names), {@code node_count},
   * and the server's {@code build} and {@code edition} from the info protocol ("unknown" when no
   * node answers). Blocks at most the connect timeout.
   */
  Map<String, Object> describeCluster();

  /**
   * Each AerospikeClient's own connection/event-loop state, read at scrape time: by style name when
   * every style has its own client, else one entry {@code shared}.
   */
  Map<String, ClusterStats> clusterStats();

  /** Closes styles, client and event loops, model. */
  @Override
  void close();
}
