package org.aerobench.embedded;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.aerobench.embedded.cluster.ClusterConfig;
import org.aerobench.embedded.cluster.EmbeddedCluster;
import org.aerobench.embedded.cluster.NodeLatency;
import org.aerobench.embedded.cluster.StdinControl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the embedded Aerospike server standalone until Ctrl-C. */
@Command(
    name = "embedded-server",
    mixinStandardHelpOptions = true,
    description =
        "Start the in-memory Aerospike-compatible server and serve until Ctrl-C."
            + " The official client connects to it as to a one-node cluster.")
public final class EmbeddedServerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = EmbeddedConfig.DEFAULT_HOST,
      description = "Address to listen on. Default: ${DEFAULT-VALUE}")
  String host;

  @Option(
      names = "--port",
      defaultValue = "3000",
      description = "TCP port (0 = any free port). Default: ${DEFAULT-VALUE}")
  int port;

  @Option(
      names = "--namespace",
      defaultValue = "test",
      split = ",",
      description = "Namespace to serve; repeat or comma-separate for several. Default: test")
  List<String> namespaces;

  @Option(
      names = "--latency-fixed-ms",
      description = "Add this many milliseconds to every record command reply.")
  Double latencyFixedMs;

  @Option(
      names = "--latency-median-ms",
      description = "Log-normal added latency: median in ms (needs --latency-p99-ms).")
  Double latencyMedianMs;

  @Option(
      names = "--latency-p99-ms",
      description = "Log-normal added latency: 99th percentile in ms (needs --latency-median-ms).")
  Double latencyP99Ms;

  @Option(
      names = "--io-threads",
      defaultValue = "" + EmbeddedConfig.DEFAULT_IO_THREADS,
      description = "Selector threads serving all connections. Default: ${DEFAULT-VALUE}")
  int ioThreads;

  @Option(
      names = "--nsup-period",
      defaultValue = "" + NamespacePolicy.DEFAULT_NSUP_PERIOD_SECONDS,
      description =
          "Seconds between expired-record sweeps; 0 = none, and then a write with a TTL is"
              + " refused (FAIL_FORBIDDEN) as on a fresh CE namespace. Default: ${DEFAULT-VALUE}")
  int nsupPeriod;

  @Option(
      names = "--max-record-size",
      defaultValue = "" + NamespacePolicy.DEFAULT_MAX_RECORD_BYTES,
      description = "Largest record in bytes (RECORD_TOO_BIG beyond). Default: ${DEFAULT-VALUE}")
  int maxRecordSize;

  @Option(
      names = "--max-connections",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_CONNECTIONS,
      description =
          "Open connections (proto-fd-max); one more is closed at once. Default: ${DEFAULT-VALUE}")
  int maxConnections;

  @Option(
      names = "--idle-timeout-ms",
      defaultValue = "0",
      description =
          "Close a connection idle this long (proto-fd-idle-ms); 0 = never. Default:"
              + " ${DEFAULT-VALUE}")
  long idleTimeoutMs;

  @Option(
      names = "--nodes",
      defaultValue = "1",
      description =
          "Nodes of an emulated cluster (1..8), on --port and the ports after it unless --ports"
              + " lists them. Default: ${DEFAULT-VALUE}")
  int nodes;

  @Option(
      names = "--replication-factor",
      description = "Copies of each partition, 1..nodes. Default: min(2, nodes)")
  Integer replicationFactor;

  @Option(
      names = "--ports",
      split = ",",
      description = "Every node's port, comma-separated (0 = a free one); overrides --port.")
  List<Integer> ports;

  @Option(
      names = "--node-latency",
      split = ",",
      description =
          "One node's latency, <node>:<latency>, e.g. 3:median-ms=20;p99-ms=100 (also off,"
              + " <node>:fixed-ms=<ms>); repeat or comma-separate for several nodes.")
  List<String> nodeLatency;

  @Option(
      names = "--heartbeat-timeout-ms",
      defaultValue = "1500",
      description =
          "How long the others keep a stopped or frozen node before they take over its"
              + " partitions (a server's 150 ms x 10). Default: ${DEFAULT-VALUE}")
  long heartbeatTimeoutMs;

  private final CountDownLatch stopped = new CountDownLatch(1);

  /** The cluster options checked, or null for today's single server (no cluster option given). */
  ClusterConfig clusterConfig() {
    boolean asked = nodes != 1 || replicationFactor != null || ports != null || nodeLatency != null;
    if (!asked) {
      return null;
    }
    EmbeddedConfig node = config();
    try {
      int rf = replicationFactor != null ? replicationFactor : Math.min(2, nodes);
      if (nodes < 1 || nodes > ClusterConfig.MAX_NODES) {
        throw new IllegalArgumentException(
            "--nodes " + nodes + " is outside 1.." + ClusterConfig.MAX_NODES + "; e.g. --nodes 3");
      }
      if (rf < 1 || rf > nodes) {
        throw new IllegalArgumentException(
            "--replication-factor "
                + rf
                + " is outside 1..--nodes ("
                + nodes
                + "): a partition cannot have more copies than nodes; e.g. --nodes 3"
                + " --replication-factor 2");
      }
      if (ports != null && ports.size() != nodes) {
        throw new IllegalArgumentException(
            "--ports lists "
                + ports.size()
                + " ports for "
                + nodes
                + " nodes; give one per node, e.g. --ports 3000,3001,3002");
      }
      if (heartbeatTimeoutMs < 0 || heartbeatTimeoutMs > 60_000) {
        throw new IllegalArgumentException(
            "--heartbeat-timeout-ms " + heartbeatTimeoutMs + " is outside 0..60000, e.g. 1500");
      }
      String latencies = nodeLatency == null ? "" : String.join(",", nodeLatency);
      return new ClusterConfig(
          node,
          nodes,
          rf,
          ports,
          NodeLatency.parse("--node-latency", latencies, nodes),
          Duration.ofMillis(heartbeatTimeoutMs));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** Checks the options and builds the config; bad values raise a usage error naming them. */
  EmbeddedConfig config() {
    try {
      return new EmbeddedConfig(
          host,
          port,
          namespaces,
          latency(),
          ioThreads,
          EmbeddedConfig.DEFAULT_MAX_FRAME_BYTES,
          "embedded",
          NamespacePolicy.defaults()
              .withNsupPeriodSeconds(nsupPeriod)
              .withMaxRecordBytes(maxRecordSize),
          ServerLimits.defaults()
              .withMaxConnections(maxConnections)
              .withIdleTimeout(idleTimeoutMs(idleTimeoutMs)));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static Duration idleTimeoutMs(long ms) {
    if (ms < 0) {
      throw new IllegalArgumentException(
          "--idle-timeout-ms " + ms + " is negative; give 0 (never) or e.g. 60000");
    }
    return Duration.ofMillis(ms);
  }

  private Latency latency() {
    try {
      return Latency.fromMillis(latencyFixedMs, latencyMedianMs, latencyP99Ms);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(LATENCY_OPTIONS + ": " + e.getMessage(), e);
    }
  }

  private static final String LATENCY_OPTIONS =
      "--latency-fixed-ms/--latency-median-ms/--latency-p99-ms";

  @Override
  public Integer call() {
    ClusterConfig clusterConfig = clusterConfig();
    EmbeddedConfig config = clusterConfig != null ? clusterConfig.node() : config();
    PrintWriter out = spec.commandLine().getOut();
    AutoCloseable running;
    try {
      running =
          clusterConfig != null
              ? announce(EmbeddedCluster.start(clusterConfig), out)
              : announce(EmbeddedAerospike.start(config), config, out);
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println("embedded-server: " + e.getMessage());
      return 1;
    }
    serveUntilStopped(running);
    return 0;
  }

  private static AutoCloseable announce(
      EmbeddedAerospike server, EmbeddedConfig config, PrintWriter out) {
    out.printf(
        "Embedded Aerospike listening on %s:%d (namespaces %s, latency %s). Ctrl-C stops it.%n",
        server.host(), server.port(), config.namespaces(), config.latency().describe());
    out.flush();
    return server;
  }

  private static AutoCloseable announce(EmbeddedCluster cluster, PrintWriter out) {
    out.printf(
        "Embedded Aerospike cluster of %d nodes, replication factor %d. Ctrl-C stops it.%n",
        cluster.size(), cluster.replicationFactor());
    for (int n = 1; n <= cluster.size(); n++) {
      out.printf(
          "Embedded Aerospike node %d listening on %s:%d (id %s, latency %s)%n",
          n, cluster.host(), cluster.port(n), cluster.nodeId(n), cluster.latency(n).describe());
    }
    out.println(
        "Commands on standard input or info aerobench-cluster: status, stop <n>, start <n>,"
            + " freeze <n> [ms], thaw <n>");
    out.flush();
    StdinControl.start(cluster, System.in, out);
    return cluster;
  }

  /** Serves until Ctrl-C (the shutdown hook closes it) or until this thread is interrupted. */
  private void serveUntilStopped(AutoCloseable running) {
    Thread shutdownHook =
        new Thread(
            () -> {
              closeQuietly(running);
              stopped.countDown();
            },
            "embedded-server-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(running);
      try {
        // Embedded in a longer-lived JVM (tests, the app), the hook would otherwise pin the server.
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: the hook runs and close() is idempotent
      }
    }
  }

  private static void closeQuietly(AutoCloseable running) {
    try {
      running.close();
    } catch (Exception e) {
      // both close() methods are idempotent and log their own problems
    }
  }

  public static void main(String[] args) {
    int code = new CommandLine(new EmbeddedServerCommand()).execute(args);
    if (code != 0) {
      System.exit(code); // on Ctrl-C the JVM is already exiting; calling exit there would block
    }
  }
}
