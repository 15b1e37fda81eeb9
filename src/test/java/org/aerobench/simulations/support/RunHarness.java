package org.aerobench.simulations.support;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.RunFolders;
import org.aerobench.report.run.PhaseWindow;
import org.aerobench.report.run.RunConditions;
import org.aerobench.report.run.RunFolder;

/**
 * What every simulation does around its load, so the simulation files keep the Gatling demo's
 * shape: start the target (or use {@code -DbaseUrl}), warm it up, scrape {@code /metrics} after
 * every phase, measure who used the CPU, stop the target even when the run fails, and leave the
 * project's files beside Gatling's report ({@link RunFolder}).
 *
 * <p>The warm-up ({@code -Dwarmup}, at most {@code -DwarmupMax}) calls the read modes and clients
 * of the phases it precedes, with their inference, and goes on until it is steady ({@link
 * WarmupCheck}); {@code conditions.json} says whether it got there.
 *
 * <p>Files are written to a staging folder {@code target/aerobench-runs/<simulation>-<ts>/} while
 * the run goes (Gatling creates its run folder only after {@code before()}), then moved to {@code
 * <gatling run>/aerobench/} in {@code after()}.
 */
public final class RunHarness {

  /** Where comparison reports go, relative to the project folder. */
  public static final Path REPORTS = Path.of("reports");

  /** Users of the warm-up (reference §6.1: 2 VUs × 10 s). */
  public static final int WARMUP_USERS = 2;

  /**
   * What the warm-up calls: the read modes and clients of the phases it precedes, so that the code
   * they measure has been run (compiled, its pools and caches filled) before.
   */
  public record WarmupCalls(List<String> readModes, List<String> clients) {

    public WarmupCalls {
      readModes = List.copyOf(new LinkedHashSet<>(readModes));
      clients = List.copyOf(new LinkedHashSet<>(clients));
    }

    /** One read mode on the run's compared clients. */
    public static WarmupCalls of(String readMode, Parameters params) {
      return new WarmupCalls(List.of(readMode), params.clients());
    }
  }

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final String simulation;
  private final Parameters params;
  private final List<String> labels;
  private final int peakUsers;
  private final Path projectDir = Path.of("").toAbsolutePath();
  private final Instant createdAt = Instant.now();
  private final Path staging;
  private final AppProcess app;
  private final AppProcess database; // the embedded Aerospike's own JVM, null when there is none
  private final ClusterControl cluster; // its info commands, null without a database of its own
  private final FaultRunner faults; // null without a database of its own
  private final String baseUrl;
  private final MetricsScraper metrics;
  private final SaturationSampler sampler;
  private final WarmupCalls warmupCalls;
  private final WarmupCheck warmupCheck;
  private volatile RunConditions.LoadModel loadModel;
  private volatile RunConditions.Warmup warmupOutcome;
  private volatile java.util.function.Supplier<String> stopReason = () -> null;
  private volatile boolean stoppedEarly;
  private volatile java.util.function.Consumer<RunFolder> extraFiles = files -> {};
  private final Recording recording = Recording.create();
  private final List<PhaseWindow> phaseWindows = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile long phaseStartMillis;
  private volatile java.util.function.Consumer<String> afterPhase = label -> {};
  private final Set<String> scraped = ConcurrentHashMap.newKeySet();

  private Map<String, Object> appInfo; // the app's GET /info, null when it has none
  private List<org.aerobench.report.run.FaultEvent> playedFaults = List.of();
  private Instant loadStartedAt;
  private long loadStartNanos;
  private double gatlingCpuAtStart;
  private double targetCpuAtStart = -1;
  private double databaseCpuAtStart = -1;
  private long[] machineAtStart;

  /**
   * @param simulation simple class name of the simulation
   * @param labels the run's phase labels in order, warm-up excluded (e.g. {@code single})
   * @param peakUsers the most concurrent users any phase reaches (run conditions; recorded as 0
   *     with {@code -Dmodel=open}, whose load is a rate)
   * @param warmupCalls the read modes and clients of the phases the warm-up precedes
   */
  public RunHarness(
      String simulation,
      Parameters params,
      List<String> labels,
      int peakUsers,
      WarmupCalls warmupCalls) {
    this.simulation = simulation;
    this.warmupCalls = warmupCalls;
    this.warmupCheck = WarmupCheck.of(params);
    this.params = params;
    this.labels = List.copyOf(labels);
    this.peakUsers = params.model() == Parameters.Model.OPEN ? 0 : peakUsers;
    this.loadModel = loadModelOf(params, this.peakUsers);
    this.staging =
        projectDir.resolve(
            Path.of("target", "aerobench-runs", simulation + "-" + STAMP.format(createdAt)));
    this.database =
        params.selfContained()
                && params.database() == Parameters.DatabasePlace.OWN_JVM
                && AppProcess.appWouldStartEmbedded(params, projectDir, System.getenv())
            ? AppProcess.embeddedServer(params, projectDir, staging.resolve("db.log"))
            : null;
    this.cluster =
        database == null
            ? null
            : new ClusterControl(database.nodePorts(), ClusterControl.InfoChannel.AEROSPIKE);
    this.faults = cluster == null ? null : new FaultRunner(params.faults(), cluster);
    Path appLog = staging.resolve("app.log");
    this.app =
        !params.selfContained()
            ? null
            : database != null
                ? AppProcess.serveAgainst(params, projectDir, appLog, database.port())
                : AppProcess.serve(params, projectDir, appLog);
    this.baseUrl = app != null ? app.baseUrl() : params.baseUrl();
    this.metrics = new MetricsScraper(baseUrl);
    this.sampler = new SaturationSampler(metrics, this::targetCpuSecondsNow);
  }

  /** The load model {@code conditions.json} records for the steady phases of a run. */
  static RunConditions.LoadModel loadModelOf(Parameters params, int peakUsers) {
    return params.model() == Parameters.Model.OPEN
        ? new RunConditions.LoadModel("open", 0, params.rate(), 0, "none")
        : new RunConditions.LoadModel(
            "closed",
            peakUsers,
            0,
            params.pause().toMillis(),
            params.pauseDistribution().wireName());
  }

  /**
   * Records another load model than the parameters' (the capacity study's rate levels). Set before
   * the run starts.
   */
  public void describeLoad(RunConditions.LoadModel model) {
    this.loadModel = model;
  }

  /** Writes more files into the run folder with the harness's own (set before the run). */
  public void alsoWrite(java.util.function.Consumer<RunFolder> writer) {
    this.extraFiles = writer;
  }

  /** The 1 Hz saturation and CPU samples of this run. */
  public SaturationSampler sampler() {
    return sampler;
  }

  /** When the phase now running started (epoch ms). */
  public long currentPhaseStartMillis() {
    return phaseStartMillis;
  }

  /** The embedded Aerospike's port when this run started the app (0 otherwise). */
  public int embeddedPort() {
    return app == null ? 0 : app.embeddedPort();
  }

  /**
   * Sets the latency of every node of the embedded Aerospike this run started (a capacity
   * profile's), then again each node's own ({@code -DnodeLatency}), which a latency for all nodes
   * would otherwise replace. The database's own JVM takes the command on any node that answers.
   *
   * @return the reply
   * @throws IllegalStateException when there is no embedded Aerospike or it refuses
   */
  public String setLatency(org.aerobench.embedded.Latency latency) {
    String command = LatencySwitch.command(latency);
    if (cluster == null) {
      if (embeddedPort() <= 0) {
        throw new IllegalStateException("no embedded Aerospike port to set its latency on");
      }
      String reply = com.aerospike.client.Info.request("127.0.0.1", embeddedPort(), command);
      if (reply == null || reply.startsWith("ERROR")) {
        throw new IllegalStateException(
            "the embedded Aerospike refused '" + command + "': " + reply);
      }
      return reply;
    }
    String reply = cluster.send(command);
    params.nodeLatency().commands().forEach(cluster::send);
    return reply;
  }

  /**
   * Ends the run after the phase whose end makes {@code reason} return a message (e.g. every client
   * broke): Gatling's stopLoadGenerator, from the scrape between phases. Set before the run starts.
   */
  public void stopWhen(java.util.function.Supplier<String> reason) {
    this.stopReason = reason;
  }

  /** The target's URL: the started app's loopback port, or {@code -DbaseUrl}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Where the calls record each response's server stage times and client-side time. */
  public Recording recording() {
    return recording;
  }

  /** When each phase ran so far, in run order (the warm-up included). */
  public List<PhaseWindow> phaseWindows() {
    return List.copyOf(phaseWindows);
  }

  /**
   * The phases one after the other, after the warm-up ({@code -Dwarmup}, skipped when 0), with a
   * {@code /metrics} scrape after each.
   */
  public PopulationBuilder afterWarmup(Phase... phases) {
    List<Phase> all = new ArrayList<>();
    if (!params.warmup().isZero()) {
      all.add(warmup());
    }
    all.addAll(List.of(phases));
    // andThen starts its children when every user of the parent is done; nesting from the tail
    // gives a strict sequence: phase 1, scrape 1, phase 2, scrape 2, ...
    PopulationBuilder next = null;
    for (int i = all.size() - 1; i >= 0; i--) {
      PopulationBuilder scrape = scrapeAfter(all.get(i).label());
      PopulationBuilder tail = next == null ? scrape : scrape.andThen(next);
      next = all.get(i).load().andThen(tail);
    }
    return next;
  }

  /**
   * Warm-up: {@link #WARMUP_USERS} users loop over the warm-up's read modes, each iteration calling
   * every warm-up client in turn (named {@code warmup <client>}), until {@link WarmupCheck} says
   * stop.
   */
  private Phase warmup() {
    Parameters warm = params.withClients(warmupCalls.clients());
    Recording told = recording.withListener(warmupCheck);
    ChainBuilder iteration = null;
    for (String readMode : warmupCalls.readModes()) {
      ChainBuilder calls = PredictCalls.inTurn(WarmupCheck.LABEL, readMode, warm, told);
      iteration = iteration == null ? calls : iteration.exec(calls);
    }
    return new Phase(
        WarmupCheck.LABEL,
        scenario(WarmupCheck.LABEL)
            .asLongAs(session -> warmupCheck.keepGoing())
            .on(iteration)
            .injectOpen(atOnceUsers(WARMUP_USERS)));
  }

  /** Logs whether the warm-up reached a steady state, with a warning when it did not. */
  private void warmupEnded() {
    RunConditions.Warmup w = warmupCheck.outcome(warmupCalls.readModes());
    warmupOutcome = w;
    String p50s = String.valueOf(w.lastWindowsP50Ms());
    if (w.steady()) {
      say(
          String.format(
              java.util.Locale.ROOT,
              "warm-up steady after %.1f s (last two %.0f s windows' p50 ms within %.0f %%: %s)",
              w.seconds(),
              w.windowSeconds(),
              w.tolerance() * 100,
              p50s));
    } else {
      say(
          String.format(
              java.util.Locale.ROOT,
              "WARN: warm-up NOT steady after %.1f s (-DwarmupMax): the last two %.0f s windows'"
                  + " p50 ms differ by more than %.0f %% or rest on fewer than "
                  + WarmupCheck.MIN_CALLS_PER_WINDOW
                  + " calls of a client (-1) (%s); the first phase may still measure a warming"
                  + " app. Raise -Dwarmup/-DwarmupMax.",
              w.seconds(),
              w.windowSeconds(),
              w.tolerance() * 100,
              p50s));
    }
  }

  private PopulationBuilder scrapeAfter(String label) {
    return scenario("scrape metrics after " + label)
        .exec(
            session -> {
              // Blocking here is fine: nothing else runs between two phases.
              endPhase(label);
              return session;
            })
        .exec(
            stopLoadGeneratorIf(
                session -> "aerobench: " + stopReason.get(),
                session -> {
                  boolean stop = stopReason.get() != null;
                  stoppedEarly |= stop;
                  return stop;
                }))
        .injectOpen(atOnceUsers(1));
  }

  /** Starts the target when self-contained, then takes the start readings. Call in before(). */
  public void before() {
    say(
        simulation
            + " -> "
            + baseUrl
            + (app != null ? " (app started in its own JVM)" : " (-DbaseUrl)")
            + (database != null ? ", embedded Aerospike in a JVM of its own" : "")
            + ", clients "
            + String.join(",", params.clients())
            + (params.inference() ? "" : ", skip_inference=true")
            + (params.latency().isOff() ? "" : ", db latency " + params.latency().describe()));
    if (database != null) {
      say("starting the embedded Aerospike in its own JVM, log: " + database.log());
      database.start();
      say(
          params.emulatesCluster()
              ? "embedded Aerospike cluster ready: "
                  + params.nodes()
                  + " nodes on 127.0.0.1 ports "
                  + database.nodePorts()
                  + ", replication factor "
                  + params.replicationFactor()
              : "embedded Aerospike ready on 127.0.0.1:" + database.port());
    }
    if (app != null) {
      say("starting the target app, log: " + app.log());
      long started = System.nanoTime();
      app.start();
      say(String.format("target app ready in %.1f s", (System.nanoTime() - started) / 1e9));
    }
    if (database != null) {
      // once seeded, as serve does for the embedded server inside the app's JVM
      if (!params.latency().isOff()) {
        cluster.send(LatencySwitch.command(params.latency().latency()));
        say("embedded Aerospike latency now " + params.latency().describe());
      }
      if (!params.nodeLatency().isOff()) {
        params.nodeLatency().commands().forEach(cluster::send);
        say("embedded Aerospike node latency now " + params.nodeLatency().describe());
      }
    }
    if (!params.faults().isEmpty()) {
      say(
          "faults to play from the start of the measured load (after the warm-up): "
              + params.faults().spec());
      if (params.faults().someDataUnavailable()) {
        say(
            "WARN: -Dfaults has "
                + params.faults().mostNodesDown()
                + " nodes down at once with -DreplicationFactor="
                + params.replicationFactor()
                + ": some records have no live copy then, so errors are expected whatever the"
                + " client");
      }
    }
    appInfo = askAppInfo();
    expectFoundRatio();
    awaitStart();
    loadStartedAt = Instant.now();
    loadStartNanos = System.nanoTime();
    phaseStartMillis = loadStartedAt.toEpochMilli();
    gatlingCpuAtStart = CpuUsage.gatlingCpuSecondsNow();
    targetCpuAtStart = targetCpuSecondsNow();
    databaseCpuAtStart = databaseCpuSecondsNow();
    machineAtStart = CpuUsage.machineTicksNow();
    sampler.start();
    if (params.warmup().isZero()) {
      startFaults(phaseStartMillis);
    }
  }

  /**
   * Starts the fault clock at the start of the measured load: after the warm-up, whose length
   * varies (it runs until steady), so that {@code -Dfaults} offsets land in the measured phases.
   */
  private void startFaults(long measuredStartMillis) {
    if (faults != null) {
      faults.start(measuredStartMillis);
    }
  }

  /**
   * Waits for {@code -DstartAt}: injectors given one instant start their load together. A start
   * already past (a pod scheduled late) only warns; {@code compare --merge} refuses the runs when
   * their phases are further apart than its skew bound.
   */
  private void awaitStart() {
    if (params.startAt() == null) {
      return;
    }
    long waitMillis = params.startAt().toEpochMilli() - System.currentTimeMillis();
    if (waitMillis < 0) {
      say("WARN: -DstartAt=" + params.startAt() + " passed " + -waitMillis + " ms ago");
      return;
    }
    say("waiting " + waitMillis + " ms for -DstartAt=" + params.startAt());
    try {
      Thread.sleep(waitMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for -DstartAt", e);
    }
  }

  /**
   * Takes the end readings, stops the target, writes the run's files beside Gatling's report and
   * prints who used the CPU. Call in after().
   */
  public void after() {
    if (loadStartedAt == null) {
      sampler.close();
      if (faults != null) {
        faults.stop();
      }
      stopApp(); // before() failed half-way
      return;
    }
    double wall = (System.nanoTime() - loadStartNanos) / 1e9;
    double gatlingCpu = CpuUsage.gatlingCpuSecondsNow() - gatlingCpuAtStart;
    long[] machineAtEnd = CpuUsage.machineTicksNow();
    sampler.stopAndWrite(stagedRunFolder().saturation());
    for (String label : labels) {
      if (!scraped.contains(label) && !stoppedEarly) { // the run broke off before this scrape
        scrapeMetrics(label);
      }
    }
    double targetCpuAtEnd = targetCpuSecondsNow();
    double databaseCpuAtEnd = databaseCpuSecondsNow();
    // before the stack stops, so that no fault command meets a cluster shutting down
    playedFaults = faults == null ? List.of() : faults.stop();
    stopApp();
    double targetCpu =
        targetCpuAtStart >= 0 && targetCpuAtEnd >= 0 ? targetCpuAtEnd - targetCpuAtStart : -1;
    CpuUsage cpu =
        new CpuUsage(
            wall,
            Runtime.getRuntime().availableProcessors(),
            gatlingCpu,
            targetCpu,
            CpuUsage.busyBetween(machineAtStart, machineAtEnd),
            databaseCpuAtStart >= 0 && databaseCpuAtEnd >= 0
                ? databaseCpuAtEnd - databaseCpuAtStart
                : -1);
    cpu.summary().forEach(RunHarness::say);
    try {
      writeFiles(wall, cpu);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the run's files to " + staging, e);
    }
    Path folder = moveBesideGatlingReport();
    // The comparison reads Gatling's index.html, which Gatling writes after after(): it is built
    // when this JVM exits, into reports/<run>/, the first client as the baseline; a failure fails
    // the build.
    ComparisonOnExit.register(
        folder,
        REPORTS,
        new ComparisonReport.Options(
            params.clients().get(0), ComparisonReport.Options.defaults().resamples()));
  }

  /**
   * The app's own account of what it runs against ({@code GET /info}); null, with a warning, when
   * it does not answer (an older app).
   */
  private Map<String, Object> askAppInfo() {
    try {
      Map<String, Object> info =
          new ObjectMapper().readValue(metrics.fetch("/info"), new TypeReference<>() {});
      if (info.get("aerospike") instanceof Map<?, ?> aerospike) {
        say(
            "app reports Aerospike "
                + (Boolean.TRUE.equals(aerospike.get("embedded")) ? "embedded" : "external")
                + ", build "
                + aerospike.get("build")
                + ", nodes "
                + aerospike.get("nodes"));
      }
      return info;
    } catch (IOException e) {
      say(
          "WARN: "
              + baseUrl
              + "/info did not answer ("
              + e.getMessage()
              + "); conditions.json"
              + " says embedded only from whether this run started the app");
      return null;
    }
  }

  /**
   * Sets what every reply's found ratio must be: -DexpectFound, the seeded ratio for the embedded
   * server, or one lookup-only reply's ratio now (an external cluster). Before any load.
   */
  private void expectFoundRatio() {
    int batch = params.batchSize() > 0 ? params.batchSize() : PredictCalls.FIXTURE_BATCH_SIZE;
    double seeded = FoundRatioCheck.seededRatio(PredictCalls.FIXTURE_BATCH_SIZE, batch);
    double observed = Double.NaN;
    if (!embeddedAsReported()) {
      String path =
          "/predict/"
              + params.clients().get(0)
              + "/sample?skip_inference=true"
              + (params.batchSize() > 0 ? "&batch_size=" + params.batchSize() : "");
      try {
        PredictReply reply =
            PredictReply.parse(metrics.fetch(path).getBytes(StandardCharsets.UTF_8));
        observed = (double) reply.recordsFound() / reply.recordsTotal();
      } catch (IOException | RuntimeException e) {
        say("WARN: could not observe the found ratio (" + e.getMessage() + "); not checked");
      }
    }
    recording.found().expect(embeddedAsReported(), seeded, observed);
    say(recording.found().describe());
  }

  /**
   * Where the Aerospike ran: in a JVM of its own when this run started it there, inside the app's
   * JVM when the app reports the embedded server (or, without /info, when this run started the
   * app), else an external cluster at the app's seed hosts.
   */
  private RunConditions.Database database(double databaseCpuSeconds) {
    if (database != null) {
      return new RunConditions.Database(
          "own-jvm", "127.0.0.1:" + database.port(), databaseCpuSeconds);
    }
    Object seeds =
        appInfo != null && appInfo.get("aerospike") instanceof Map<?, ?> aerospike
            ? aerospike.get("seed_hosts")
            : null;
    String address =
        seeds instanceof List<?> hosts
            ? String.join(",", hosts.stream().map(String::valueOf).toList())
            : seeds != null
                ? String.valueOf(seeds)
                : app != null ? "127.0.0.1:" + embeddedPort() : null;
    return new RunConditions.Database(embeddedAsReported() ? "app-jvm" : "external", address, -1);
  }

  /** The emulated cluster and the faults played on it; null for one plain node (or none). */
  private RunConditions.Cluster clusterConditions() {
    if (database == null || !params.emulatesCluster()) {
      return null;
    }
    return new RunConditions.Cluster(
        params.nodes(),
        params.replicationFactor(),
        database.nodePorts(),
        params.nodeLatency().describe(),
        params.faults().toString(),
        playedFaults);
  }

  /** CPU seconds of the database's own JVM so far; -1 when there is none or the OS does not say. */
  private double databaseCpuSecondsNow() {
    return database == null ? -1 : database.cpuTime().map(d -> d.toNanos() / 1e9).orElse(-1.0);
  }

  /** Embedded as the app reports it; without /info, whether this run started the app. */
  private boolean embeddedAsReported() {
    if (database != null) {
      return true; // the app sees "a cluster", the embedded server this run started
    }
    if (appInfo != null && appInfo.get("aerospike") instanceof Map<?, ?> aerospike) {
      return Boolean.TRUE.equals(aerospike.get("embedded"));
    }
    return app != null;
  }

  private void stopApp() {
    if (app != null) {
      app.close();
    }
    if (database != null) {
      database.close(); // after the app, so that it never sees its database vanish
    }
  }

  /**
   * The target's CPU seconds so far: from its process when started here, else from its {@code
   * process_cpu_seconds_total}; -1 when unknown.
   */
  private double targetCpuSecondsNow() {
    if (app != null) {
      return app.cpuTime().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }
    try {
      return MetricsScraper.processCpuSeconds(metrics.scrape()).orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Ends a phase: its window closes now (every user of it has finished), its metrics are scraped,
   * and the next phase's window opens when the scrape is done.
   */
  private void endPhase(String label) {
    phaseWindows.add(new PhaseWindow(label, phaseStartMillis, System.currentTimeMillis()));
    if (WarmupCheck.LABEL.equals(label)) {
      warmupEnded();
    }
    sampler.sampleNow();
    scrapeMetrics(label);
    afterPhase.accept(label);
    phaseStartMillis = System.currentTimeMillis();
    if (WarmupCheck.LABEL.equals(label)) {
      startFaults(phaseStartMillis);
    }
  }

  /**
   * Runs {@code listener} with the label after each phase's scrape, before the next phase starts,
   * on Gatling's thread (a capacity level's verdict). Set it before the run starts.
   */
  public void afterEachPhase(java.util.function.Consumer<String> listener) {
    this.afterPhase = listener;
  }

  /** Scrapes {@code /metrics} into {@code metrics-<label>.prom}; a failure only warns. */
  private void scrapeMetrics(String label) {
    scraped.add(label);
    try {
      metrics.scrapeTo(stagedRunFolder().metricsScrape(label));
    } catch (IOException e) {
      say("WARN: could not scrape " + baseUrl + "/metrics after " + label + ": " + e.getMessage());
    }
  }

  /** The staging folder laid out like a Gatling run folder, so {@link RunFolder} names files. */
  private RunFolder stagedRunFolder() {
    return new RunFolder(staging.resolve("run"));
  }

  private void writeFiles(double wall, CpuUsage cpu) throws IOException {
    RunFolder files = stagedRunFolder();
    recording.server().write(files.serverTimes());
    recording.client().write(files.clientTimes());
    recording.errors().write(files.clientErrors());
    // Phase labels in run order, the warm-up included: the comparison report orders the
    // cumulative metrics-<label>.prom scrapes by this list to take their differences.
    List<String> phaseLabels = new ArrayList<>();
    if (!params.warmup().isZero()) {
      phaseLabels.add(WarmupCheck.LABEL);
    }
    phaseLabels.addAll(labels);
    new RunConditions(
            simulation,
            loadStartedAt.toString(),
            wall,
            peakUsers,
            params.clients(),
            phaseLabels,
            params.inference(),
            baseUrl,
            embeddedAsReported(),
            params.latency().describe(),
            gitCommit(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            cpu.cores(),
            cpu.gatlingCpuSeconds(),
            cpu.targetCpuSeconds(),
            params.model() == Parameters.Model.OPEN ? params.rate() : 0,
            phaseWindows(),
            appInfo,
            new RunConditions.CallOrder(params.order().wireName(), params.seed()),
            loadModel,
            warmupOutcome != null
                ? warmupOutcome
                : warmupCheck.outcome(warmupCalls.readModes()), // skipped, or broke off
            database(cpu.databaseCpuSeconds()),
            clusterConditions())
        .write(files.conditions());
    Files.writeString(files.parameters(), parameterLines(), StandardCharsets.UTF_8);
    extraFiles.accept(files);
    for (AppProcess process : java.util.Arrays.asList(app, database)) {
      if (process != null && Files.exists(process.log())) {
        Files.copy(
            process.log(),
            files.dir().resolve(process.log().getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Moves the staged files into {@code <gatling run>/aerobench/}; returns the run folder. */
  private Path moveBesideGatlingReport() {
    Path staged = stagedRunFolder().dir();
    var run =
        RunFolders.newest(
            GatlingResults.ofThisJvm(projectDir), simulation, createdAt.minusSeconds(2));
    if (run.isEmpty()) {
      say("WARN: Gatling's run folder not found; the run's files stay in " + staged);
      return null;
    }
    RunFolder target = new RunFolder(run.get());
    try {
      Files.createDirectories(target.dir());
      try (Stream<Path> files = Files.list(staged)) {
        for (Path file : files.toList()) {
          Files.move(
              file, target.dir().resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      deleteTree(staging);
    } catch (IOException e) {
      say("WARN: could not move " + staged + " to " + target.dir() + ": " + e.getMessage());
      return run.get();
    }
    say("server times, conditions, metrics: " + target.dir());
    return run.get();
  }

  private String parameterLines() {
    StringBuilder lines = new StringBuilder("# effective -D parameters of this run\n");
    for (RecordComponent c : Parameters.class.getRecordComponents()) {
      try {
        lines.append(c.getName()).append('=').append(c.getAccessor().invoke(params)).append('\n');
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    lines.append("baseUrlUsed=").append(baseUrl).append('\n');
    return lines.toString();
  }

  private String gitCommit() {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "HEAD")
              .directory(projectDir.toFile())
              .redirectErrorStream(true)
              .start();
      if (!git.waitFor(5, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return "unknown";
      }
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** One line of the project's own output, told apart from Gatling's. */
  private static void say(String line) {
    System.out.println("aerobench: " + line);
  }
}
