package org.aerobench.app;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.aerobench.app.config.AppConfig;
import org.aerobench.app.http.AppServer;
import org.aerobench.app.http.ErrorMapper;
import org.aerobench.app.http.HealthHandler;
import org.aerobench.app.http.PredictHandler;
import org.aerobench.app.http.PredictQuery;
import org.aerobench.app.http.Readiness;
import org.aerobench.app.metrics.AppMetrics;
import org.aerobench.app.metrics.ClientStatsCollector;
import org.aerobench.app.metrics.EmbeddedNodeCollector;
import org.aerobench.app.pipeline.InFlightLimiter;
import org.aerobench.app.pipeline.KeyPlanCache;
import org.aerobench.app.pipeline.PredictPipeline;
import org.aerobench.app.pipeline.ReadHealth;
import org.aerobench.data.FeatureSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running target app: HTTP server, pipeline, executors and the backend it owns. Used by the
 * serve command and, in-process, by tests and benchmarks: {@code try (TargetApp app =
 * TargetApp.start(config)) { ... app.port() ... }}.
 */
public final class TargetApp implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TargetApp.class);

  private final Javalin javalin;
  private final Backend backend;
  private final ThreadPoolExecutor compute;
  private final ScheduledExecutorService timer;
  private final ScheduledExecutorService prober;
  private final AppMetrics metrics;
  private final String bindAddress;

  private TargetApp(
      Javalin javalin,
      Backend backend,
      ThreadPoolExecutor compute,
      ScheduledExecutorService timer,
      ScheduledExecutorService prober,
      AppMetrics metrics,
      String bindAddress) {
    this.prober = prober;
    this.javalin = javalin;
    this.bindAddress = bindAddress;
    this.backend = backend;
    this.compute = compute;
    this.timer = timer;
    this.metrics = metrics;
  }

  /** Opens the real backend (Aerospike connection, styles, model) and starts serving. */
  public static TargetApp start(AppConfig config) {
    return start(config, AerospikeBackend.open(config));
  }

  /** Starts serving from the given backend (external: not started here), which it then owns. */
  public static TargetApp start(AppConfig config, Backend backend) {
    return start(config, backend, null);
  }

  /**
   * Starts serving from the given backend, which the app then owns and closes.
   *
   * @param embedded the embedded server or cluster this process started and the backend talks to,
   *     or null (for /info, whose latency injection is the config's, and the embedded-node metrics;
   *     the app does not close it)
   */
  public static TargetApp start(AppConfig config, Backend backend, EmbeddedNodes embedded) {
    AppConfig.Limits limits = config.limits();
    int threads = limits.computeThreads();
    ThreadPoolExecutor compute =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(limits.inferenceQueue()),
            Thread.ofPlatform().name("inference-", 0).daemon(true).factory());
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("inflight-timer").daemon(true).factory());
    // Its own thread: a probe blocks up to the Aerospike timeout, which must not delay the
    // admission timer's deadline expiries.
    ScheduledExecutorService prober =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ready-probe").daemon(true).factory());
    try {
      List<String> names = backend.styles().keySet().stream().sorted().toList();
      AppMetrics metrics = new AppMetrics(names);
      ClientStatsCollector.register(metrics.registry(), backend::clusterStats);
      if (embedded != null) {
        EmbeddedNodeCollector.register(metrics.registry(), () -> readings(embedded));
      }
      // One admission bound per style (AppConfig.Limits#admitted): a saturated style must not
      // shed or delay another style's requests.
      Map<String, InFlightLimiter> limiters = new LinkedHashMap<>();
      for (String name : names) {
        limiters.put(
            name,
            new InFlightLimiter(
                name,
                limits.admitted(name, config.aerospike()),
                limits.waiting(name, config.aerospike()),
                timer));
      }
      metrics.registerLimiters(limiters.values());
      ReadHealth health = new ReadHealth(config.ready().failureWindowMs());
      prober.scheduleWithFixedDelay(
          () -> probe(backend, health), 0, config.ready().probeIntervalMs(), TimeUnit.MILLISECONDS);
      metrics.registerWorkers(backend.styles());
      metrics.registerInferenceExecutor(compute);
      KeyPlanCache plans = new KeyPlanCache(backend.fixture(), config.aerospike().namespace());
      plans.plan(FeatureSet.count(), backend.fixture().size()); // the default plan, built up front
      PredictPipeline pipeline =
          new PredictPipeline(
              plans,
              backend.styles(),
              limiters,
              backend.scorer(),
              compute,
              limits.inferenceQueue(),
              metrics,
              health,
              limits.requestDeadlineMs());
      Readiness readiness =
          new Readiness(
              List.of(
                  new Readiness.Check(
                      "aerospike cluster not connected (hosts " + config.aerospike().hosts() + ")",
                      backend::connected),
                  new Readiness.Check(health::reason, health::healthy),
                  new Readiness.Check(
                      () ->
                          backend
                              .modelFailure()
                              .map(why -> "model warm-up failed: " + why)
                              .orElse("model not loaded (still warming up)"),
                      backend::modelLoaded)));
      Javalin javalin =
          AppServer.create(
              config.http(),
              new PredictHandler(pipeline, new PredictQuery(backend.fixture().size())),
              new HealthHandler(readiness, new AppInfo(config, backend, embedded)::snapshot),
              metrics,
              new ErrorMapper());
      javalin.start();
      return new TargetApp(
          javalin, backend, compute, timer, prober, metrics, config.http().bindAddress());
    } catch (RuntimeException e) {
      compute.shutdownNow();
      timer.shutdownNow();
      prober.shutdownNow();
      backend.close();
      throw e;
    }
  }

  /** Every embedded node's state and counters, read at scrape time. */
  private static List<EmbeddedNodeCollector.Reading> readings(EmbeddedNodes nodes) {
    List<EmbeddedNodeCollector.Reading> readings = new java.util.ArrayList<>(nodes.size());
    for (int n = 1; n <= nodes.size(); n++) {
      readings.add(new EmbeddedNodeCollector.Reading(n, nodes.up(n), nodes.stats(n)));
    }
    return readings;
  }

  /** One probe read; its outcome goes to the read health like a request's. Never throws. */
  private static void probe(Backend backend, ReadHealth health) {
    try {
      backend.probeRead();
      health.succeeded();
    } catch (RuntimeException e) {
      health.failed(e);
    }
  }

  /** The bound HTTP port (resolved when the config asked for 0). */
  public int port() {
    return javalin.port();
  }

  /** The address the app listens on. */
  public String bindAddress() {
    return bindAddress;
  }

  /** http://host:port of the app. */
  public String url() {
    return "http://" + bindAddress + ":" + port();
  }

  public AppMetrics metrics() {
    return metrics;
  }

  /** Stops HTTP first (no new work), then drains the executors, then closes the backend. */
  @Override
  public void close() {
    javalin.stop();
    prober.shutdownNow();
    compute.shutdown();
    timer.shutdownNow();
    try {
      if (!compute.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("inference executor still busy after 5 s; interrupting it");
        compute.shutdownNow();
      }
    } catch (InterruptedException e) {
      compute.shutdownNow();
      Thread.currentThread().interrupt();
    }
    backend.close();
  }
}
