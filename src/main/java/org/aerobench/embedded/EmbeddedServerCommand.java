package org.aerobench.embedded;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

  private final CountDownLatch stopped = new CountDownLatch(1);

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
    EmbeddedConfig config = config();
    PrintWriter out = spec.commandLine().getOut();
    EmbeddedAerospike server;
    try {
      server = EmbeddedAerospike.start(config);
    } catch (UncheckedIOException e) {
      spec.commandLine().getErr().println("embedded-server: " + e.getMessage());
      return 1;
    }
    Thread shutdownHook =
        new Thread(
            () -> {
              server.close();
              stopped.countDown();
            },
            "embedded-server-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    out.printf(
        "Embedded Aerospike listening on %s:%d (namespaces %s, latency %s). Ctrl-C stops it.%n",
        server.host(), server.port(), config.namespaces(), config.latency().describe());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
      try {
        // Embedded in a longer-lived JVM (tests, the app), the hook would otherwise pin the server.
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already exiting: the hook runs and close() is idempotent
      }
    }
    return 0;
  }

  public static void main(String[] args) {
    int code = new CommandLine(new EmbeddedServerCommand()).execute(args);
    if (code != 0) {
      System.exit(code); // on Ctrl-C the JVM is already exiting; calling exit there would block
    }
  }
}
