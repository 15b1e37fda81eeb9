package org.aerobench.app;

import com.aerospike.client.Info;
import com.aerospike.client.Key;
import com.aerospike.client.cluster.ClusterStats;
import com.aerospike.client.cluster.Node;
import com.aerospike.client.policy.InfoPolicy;
import com.aerospike.client.policy.Policy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.aerobench.app.config.AppConfig;
import org.aerobench.app.pipeline.ModelScorer;
import org.aerobench.app.pipeline.Scorer;
import org.aerobench.client.AerospikeConnection;
import org.aerobench.client.ClientSettings;
import org.aerobench.client.ClientStyle;
import org.aerobench.client.ClientStyles;
import org.aerobench.client.DelayedStyle;
import org.aerobench.data.Fixtures;
import org.aerobench.data.RequestFixture;
import org.aerobench.data.SeedReport;
import org.aerobench.data.Seeder;
import org.aerobench.model.DlrmWeights;
import org.aerobench.model.Engines;

/**
 * The real backend: the three client styles, each over an {@link AerospikeConnection} of its own
 * ({@code aerospike.client.per.style}, the default) or all over one shared connection (opened even
 * while the cluster is down; the client finds it when it comes back), the shipped fixture and the
 * DLRM with weights from the configured seed, warmed up once as the reference does. The first
 * connection also seeds, probes and describes the cluster.
 */
public final class AerospikeBackend implements Backend {

  private static final String PROBE_SET = "nccsh_adid";
  private static final String PROBE_KEY = "aerobench-ready-probe"; // never written: not found

  private final AerospikeConnection connection;
  private final Map<String, AerospikeConnection> connections; // by style, or "shared"
  private final Map<String, ClientStyle> styles;
  private final RequestFixture fixture;
  private final ModelScorer scorer;
  private final ModelWarmUp warmUp;

  private AerospikeBackend(
      Map<String, AerospikeConnection> connections,
      Map<String, ClientStyle> styles,
      RequestFixture fixture,
      ModelScorer scorer,
      ModelWarmUp warmUp) {
    this.connections = connections;
    this.connection = connections.values().iterator().next();
    this.styles = styles;
    this.fixture = fixture;
    this.scorer = scorer;
    this.warmUp = warmUp;
  }

  /** Opens the connection and styles, builds and warms the model. */
  public static AerospikeBackend open(AppConfig config) {
    RequestFixture fixture = Fixtures.load();
    ModelScorer scorer =
        new ModelScorer(
            Engines.create(config.model().engine(), DlrmWeights.random(config.model().seed())),
            fixture);
    ClientSettings settings = config.aerospike();
    Map<String, AerospikeConnection> connections = new LinkedHashMap<>();
    Map<String, ClientStyle> styles = new LinkedHashMap<>();
    try {
      for (String name : ClientStyles.names()) {
        String client = settings.clientPerStyle() ? name : SHARED;
        AerospikeConnection conn = connections.get(client);
        if (conn == null) {
          conn = AerospikeConnection.open(settings);
          connections.put(client, conn);
        }
        ClientStyle style = ClientStyles.create(name, conn, settings);
        styles.put(
            name,
            config.slowdown().active() && config.slowdown().style().equals(name)
                ? new DelayedStyle(style, config.slowdown().ms())
                : style);
      }
    } catch (RuntimeException e) {
      closeAll(styles, connections);
      scorer.close();
      throw e;
    }
    styles = java.util.Collections.unmodifiableMap(styles);
    try {
      scorer.warmUp(fixture); // the reference's one forward pass: the model works
    } catch (RuntimeException e) {
      closeAll(styles, connections);
      scorer.close();
      throw e;
    }
    // Cold Vector API kernels take 100+ ms per call; /ready stays 503 until they are compiled.
    ModelWarmUp warmUp =
        config.model().warmUp()
            ? ModelWarmUp.start(scorer.name(), scorer::warmUpEngine)
            : ModelWarmUp.skipped();
    return new AerospikeBackend(connections, styles, fixture, scorer, warmUp);
  }

  /** The label of the one client all styles share when there is no client per style. */
  public static final String SHARED = "shared";

  /**
   * Waits until every client sees the cluster and its partition map, or the timeout passes.
   *
   * @return whether all are connected
   */
  public boolean awaitConnected(java.time.Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (AerospikeConnection c : connections.values()) {
      long left = deadline - System.nanoTime();
      if (!c.awaitConnected(java.time.Duration.ofNanos(Math.max(0, left)))) {
        return false;
      }
    }
    return true;
  }

  private static void closeAll(
      Map<String, ClientStyle> styles, Map<String, AerospikeConnection> connections) {
    try {
      ClientStyles.closeAll(styles);
    } finally {
      connections.values().forEach(AerospikeConnection::close);
    }
  }

  /** The first connection (for seeding, the readiness probe and /info). */
  public AerospikeConnection connection() {
    return connection;
  }

  /** Writes the benchmark data set through this backend's client (idempotent). */
  public SeedReport seed(Seeder seeder) {
    return seeder.seed(connection.client(), connection.settings().namespace(), fixture);
  }

  @Override
  public Map<String, ClientStyle> styles() {
    return styles;
  }

  @Override
  public RequestFixture fixture() {
    return fixture;
  }

  @Override
  public Scorer scorer() {
    return scorer;
  }

  @Override
  public boolean connected() {
    return connections.values().stream().allMatch(AerospikeConnection::isConnected);
  }

  @Override
  public boolean modelLoaded() {
    return warmUp.done();
  }

  @Override
  public Optional<String> modelFailure() {
    return warmUp.failure();
  }

  @Override
  public void probeRead() {
    ClientSettings settings = connection.settings();
    Policy policy = new Policy(connection.client().getReadPolicyDefault());
    policy.totalTimeout = settings.totalTimeoutMs();
    // One attempt with the whole budget: the probe repeats anyway, and a socket timeout below the
    // total (there to let requests retry) would call a slow but answering cluster unreachable.
    policy.socketTimeout = settings.totalTimeoutMs();
    policy.maxRetries = 0;
    connection.client().exists(policy, new Key(settings.namespace(), PROBE_SET, PROBE_KEY));
  }

  @Override
  public Map<String, Object> describeCluster() {
    Node[] nodes = connection.client().getNodes();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nodes", Arrays.stream(nodes).map(Node::getName).toList());
    out.put("node_count", nodes.length);
    String build = "unknown";
    String edition = "unknown";
    if (nodes.length > 0) {
      InfoPolicy policy = new InfoPolicy();
      policy.timeout = connection.settings().connectTimeoutMs();
      try {
        Map<String, String> info = Info.request(policy, nodes[0], "build", "edition");
        build = info.getOrDefault("build", build);
        edition = info.getOrDefault("edition", edition);
      } catch (RuntimeException e) {
        build = "unknown (" + e.getMessage() + ")";
      }
    }
    out.put("build", build);
    out.put("edition", edition);
    return out;
  }

  @Override
  public Map<String, ClusterStats> clusterStats() {
    Map<String, ClusterStats> stats = new LinkedHashMap<>();
    connections.forEach((client, c) -> stats.put(client, c.client().getClusterStats()));
    return stats;
  }

  @Override
  public void close() {
    try {
      closeAll(styles, connections);
    } finally {
      scorer.close();
    }
  }
}
