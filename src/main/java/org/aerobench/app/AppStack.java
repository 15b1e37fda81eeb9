package org.aerobench.app;

import com.aerospike.client.Log;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.aerobench.app.config.AppConfig;
import org.aerobench.client.ClientLogging;
import org.aerobench.client.UnusedCredentials;
import org.aerobench.data.SeedReport;
import org.aerobench.data.Seeder;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.cluster.ClusterConfig;
import org.aerobench.embedded.cluster.EmbeddedCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code aerobench serve} runs, in start order: the embedded Aerospike server, or with
 * {@code embedded.nodes} above 1 an embedded cluster (only when no hosts are configured), the
 * backend, the seed data, the HTTP app. Closing stops them in reverse order. Tests and benchmarks
 * use it in-process.
 */
public final class AppStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AppStack.class);

  /** How long start waits for the client to see the cluster before seeding. */
  private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);

  private final EmbeddedNodes embedded; // null with external hosts
  private final AerospikeBackend backend;
  private final TargetApp app;
  private final SeedReport seedReport; // null when not seeded

  private AppStack(
      EmbeddedNodes embedded, AerospikeBackend backend, TargetApp app, SeedReport seedReport) {
    this.embedded = embedded;
    this.backend = backend;
    this.app = app;
    this.seedReport = seedReport;
  }

  /**
   * Starts the stack.
   *
   * @param seedExternal also seed configured external hosts (the embedded server is always seeded)
   * @param progress one line per step, e.g. {@code System.out::println}
   */
  public static AppStack start(AppConfig config, boolean seedExternal, Consumer<String> progress) {
    // The client's own tend failures and node errors into the app log; WARN and up only, since
    // at INFO the client logs every node it adds and removes.
    ClientLogging.toSlf4j(Log.Level.WARN);
    EmbeddedNodes embedded = null;
    AppConfig effective = config;
    if (config.embedded().enabled()) {
      embedded = startEmbedded(config);
      // Every node is a seed: the client finds the cluster whichever node it reaches first.
      effective = config.withHosts(embedded.seeds());
      progress.accept(startLine(embedded, config.embedded()));
    }
    AerospikeBackend backend = null;
    try {
      backend = AerospikeBackend.open(effective);
      SeedReport seeded = null;
      if (embedded != null || seedExternal) {
        if (!backend.awaitConnected(CONNECT_WAIT)) {
          throw new IllegalStateException(
              "cannot seed: no Aerospike node of "
                  + effective.aerospike().hosts()
                  + " answered within "
                  + CONNECT_WAIT.toSeconds()
                  + " s; check aerospike.hosts");
        }
        seeded = backend.seed(new Seeder(progress));
      }
      if (effective.aerospike().user() != null && backend.awaitConnected(CONNECT_WAIT)) {
        UnusedCredentials.check(backend.connection().client(), effective.aerospike())
            .ifPresent(log::warn);
      }
      if (embedded != null) {
        // Only now: 1,800 seed writes one by one behind an injected latency would take minutes.
        embedded.setLatency(config.embedded().latency(), config.embedded().nodeLatencies());
      }
      AerospikeBackend started = backend;
      backend = null; // from here TargetApp owns it, and closes it if it fails to start
      TargetApp app = TargetApp.start(effective, started, embedded);
      return new AppStack(embedded, started, app, seeded);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(backend, embedded);
      throw new IllegalStateException("interrupted while waiting for the cluster", e);
    } catch (RuntimeException e) {
      closeQuietly(backend, embedded);
      throw e;
    }
  }

  /** The embedded server's config for the app config (port, namespace, latency). */
  public static EmbeddedConfig embeddedConfig(AppConfig config) {
    return EmbeddedConfig.defaults()
        .withPort(config.embedded().port())
        .withNamespaces(List.of(config.aerospike().namespace()))
        .withLatency(config.embedded().latency());
  }

  /**
   * The embedded cluster's config for the app config: {@link #embeddedConfig} for every node, the
   * nodes, the replication factor and the per-node latency.
   */
  public static ClusterConfig clusterConfig(AppConfig config) {
    AppConfig.Embedded e = config.embedded();
    return ClusterConfig.of(embeddedConfig(config), e.nodes())
        .withReplicationFactor(e.replicas())
        .withNodeLatency(e.nodeLatencies());
  }

  /** Started without latency (none per node either): it is set once seeded. */
  private static EmbeddedNodes startEmbedded(AppConfig config) {
    EmbeddedConfig node = embeddedConfig(config).withLatency(Latency.NONE);
    int nodes = config.embedded().nodes();
    if (nodes == 1) {
      return EmbeddedNodes.of(EmbeddedAerospike.start(node));
    }
    return EmbeddedNodes.of(
        EmbeddedCluster.start(
            ClusterConfig.of(node, nodes).withReplicationFactor(config.embedded().replicas())));
  }

  private static String startLine(EmbeddedNodes nodes, AppConfig.Embedded config) {
    String latency = EmbeddedNodes.describe(config.latency(), config.nodeLatencies());
    String where =
        nodes.size() == 1
            ? "embedded Aerospike on " + nodes.seeds().get(0)
            : "embedded Aerospike cluster of "
                + nodes.size()
                + " nodes (replication factor "
                + nodes.replicationFactor()
                + ") on "
                + String.join(", ", nodes.seeds());
    return where + (latency.equals("off") ? "" : " (injected latency " + latency + " once seeded)");
  }

  public TargetApp app() {
    return app;
  }

  public AerospikeBackend backend() {
    return backend;
  }

  /** The one-node embedded server, or null when external hosts or a cluster are used. */
  public EmbeddedAerospike embedded() {
    return embedded instanceof EmbeddedNodes.Single single ? single.server() : null;
  }

  /** The embedded cluster ({@code embedded.nodes} above 1), or null. */
  public EmbeddedCluster cluster() {
    return embedded instanceof EmbeddedNodes.Cluster cluster ? cluster.cluster() : null;
  }

  /** The embedded server or cluster as numbered nodes, or null when external hosts are used. */
  public EmbeddedNodes embeddedNodes() {
    return embedded;
  }

  /** What start seeded, or null. */
  public SeedReport seedReport() {
    return seedReport;
  }

  /** http://host:port of the app. */
  public String url() {
    return "http://" + app.bindAddress() + ":" + app.port();
  }

  /** Stops the app (which closes the backend), then the embedded server or cluster. */
  @Override
  public void close() {
    try {
      app.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private static void closeQuietly(AerospikeBackend backend, EmbeddedNodes embedded) {
    if (backend != null) {
      backend.close();
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
