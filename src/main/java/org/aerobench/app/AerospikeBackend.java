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
import org.aerobench.data.Fixtures;
import org.aerobench.data.RequestFixture;
import org.aerobench.data.SeedReport;
import org.aerobench.data.Seeder;
import org.aerobench.model.DlrmWeights;
import org.aerobench.model.Engines;

/**
 * The real backend: one {@link AerospikeConnection} (opened even while the cluster is down; the
 * client finds it when it comes back), the three client styles over it, the shipped fixture and the
 * DLRM with weights from the configured seed, warmed up once as the reference does.
 */
public final class AerospikeBackend implements Backend {

  private static final String PROBE_SET = "nccsh_adid";
  private static final String PROBE_KEY = "aerobench-ready-probe"; // never written: not found

  private final AerospikeConnection connection;
  private final Map<String, ClientStyle> styles;
  private final RequestFixture fixture;
  private final ModelScorer scorer;
  private final ModelWarmUp warmUp;

  private AerospikeBackend(
      AerospikeConnection connection,
      Map<String, ClientStyle> styles,
      RequestFixture fixture,
      ModelScorer scorer,
      ModelWarmUp warmUp) {
    this.connection = connection;
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
    AerospikeConnection connection;
    try {
      connection = AerospikeConnection.open(settings);
    } catch (RuntimeException e) {
      scorer.close();
      throw e;
    }
    Map<String, ClientStyle> styles;
    try {
      styles = ClientStyles.create(connection, settings);
    } catch (RuntimeException e) {
      connection.close();
      scorer.close();
      throw e;
    }
    try {
      scorer.warmUp(fixture); // the reference's one forward pass: the model works
    } catch (RuntimeException e) {
      ClientStyles.closeAll(styles);
      connection.close();
      scorer.close();
      throw e;
    }
    // Cold Vector API kernels take 100+ ms per call; /ready stays 503 until they are compiled.
    ModelWarmUp warmUp =
        config.model().warmUp()
            ? ModelWarmUp.start(scorer.name(), scorer::warmUpEngine)
            : ModelWarmUp.skipped();
    return new AerospikeBackend(connection, styles, fixture, scorer, warmUp);
  }

  /** The connection (for waiting on the cluster and for seeding). */
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
    return connection.isConnected();
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
    policy.socketTimeout = settings.socketTimeoutMs();
    policy.maxRetries = 0; // one attempt: the probe repeats anyway
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
  public ClusterStats clusterStats() {
    return connection.client().getClusterStats();
  }

  @Override
  public void close() {
    try {
      ClientStyles.closeAll(styles);
    } finally {
      try {
        connection.close();
      } finally {
        scorer.close();
      }
    }
  }
}
