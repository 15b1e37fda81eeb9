package org.aerobench.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.aerobench.app.config.AppConfig;
import org.aerobench.app.config.ConfigException;
import org.aerobench.app.config.ConfigLoader;
import org.aerobench.embedded.Latency;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aerobench serve}: starts the embedded Aerospike (unless {@code aerospike.hosts} is set),
 * seeds it, starts the target app and prints its URL. Ctrl-C stops the app, the client, the
 * executors and the embedded server.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the target app (GET /predict/{sync|async|virtual}/sample, /health, /ready, /metrics).",
      "Starts and seeds an embedded Aerospike unless aerospike.hosts is configured.",
      "Every config key can be overridden by env AEROBENCH_<KEY> (dots as underscores);",
      "credentials only from env AEROSPIKE_USER / AEROSPIKE_PASSWORD."
    })
public final class ServeCommand implements Callable<Integer> {

  /** Exit code for a refused config or a failed start. */
  public static final int EXIT_BAD_CONFIG = 2;

  public static final int EXIT_START_FAILED = 3;

  static final Path DEFAULT_CONFIG = Path.of("conf/app.properties");

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      description = "Config file (default: conf/app.properties; built-in defaults if it is absent)")
  Path config;

  @Option(names = "--port", description = "HTTP port, overrides http.port (0 = a free port)")
  Integer port;

  @Option(
      names = "--latency-fixed-ms",
      description = "Embedded server only: fixed latency per command (ms, fractions allowed)")
  Double latencyFixedMs;

  @Option(
      names = "--latency-median-ms",
      description = "Embedded server only: log-normal latency median (ms); needs --latency-p99-ms")
  Double latencyMedianMs;

  @Option(
      names = "--latency-p99-ms",
      description = "Embedded server only: log-normal latency p99 (ms)")
  Double latencyP99Ms;

  @Option(
      names = "--seed",
      description = "Also seed the configured external cluster (the embedded one is always seeded)")
  boolean seedExternal;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AppConfig appConfig;
    try {
      appConfig = resolveConfig(out);
    } catch (ConfigException e) {
      err.println("aerobench serve: refused config: " + e.getMessage());
      err.flush();
      return EXIT_BAD_CONFIG;
    }
    AppStack stack;
    try {
      stack = AppStack.start(appConfig, seedExternal, line -> println(out, line));
    } catch (RuntimeException e) {
      err.println("aerobench serve: cannot start: " + e.getMessage());
      err.flush();
      return EXIT_START_FAILED;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  println(out, "stopping: app, client, executors, embedded server");
                  stack.close();
                  stopped.countDown();
                },
                "serve-shutdown"));
    println(out, "aerobench app listening on " + stack.url());
    println(
        out,
        "try: curl -s '"
            + stack.url()
            + "/predict/async/sample?mode=single&skip_inference=false' | head -c 400");
    println(out, "Ctrl-C stops everything.");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The config the options and files describe (package-private for tests). */
  AppConfig resolveConfig(PrintWriter out) {
    AppConfig loaded;
    if (config != null) {
      loaded = ConfigLoader.load(config);
    } else if (Files.isRegularFile(DEFAULT_CONFIG)) {
      loaded = ConfigLoader.load(DEFAULT_CONFIG);
    } else {
      println(out, "no " + DEFAULT_CONFIG + " here; using built-in defaults");
      loaded = ConfigLoader.defaults(System.getenv());
    }
    if (port != null) {
      if (port < 0 || port > 65_535) {
        throw new ConfigException("--port " + port + " is outside 0..65535 (0 = a free port)");
      }
      loaded = loaded.withPort(port);
    }
    if (latencyFixedMs != null || latencyMedianMs != null || latencyP99Ms != null) {
      try {
        Latency.fromMillis(latencyFixedMs, latencyMedianMs, latencyP99Ms);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            "--latency-fixed-ms/--latency-median-ms/--latency-p99-ms: " + e.getMessage());
      }
      loaded =
          loaded.withEmbedded(
              loaded
                  .embedded()
                  .withLatency(
                      latencyFixedMs != null ? latencyFixedMs : 0,
                      latencyMedianMs != null ? latencyMedianMs : 0,
                      latencyP99Ms != null ? latencyP99Ms : 0));
    }
    return loaded;
  }

  private static void println(PrintWriter out, String line) {
    out.println(line);
    out.flush();
  }
}
