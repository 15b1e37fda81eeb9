package org.aerobench.report.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.aerobench.report.compare.Comparison.Advantage;
import org.aerobench.report.compare.Comparison.MetricRow;
import org.aerobench.report.compare.Comparison.ModeComparison;
import org.aerobench.report.compare.Comparison.Noise;
import org.aerobench.report.compare.Comparison.PromRow;
import org.aerobench.report.compare.Comparison.StageRow;
import org.aerobench.report.gatling.GatlingStats;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.RunConditions;
import org.aerobench.report.run.ServerTotal;
import org.aerobench.report.run.Stage;
import org.aerobench.report.stats.BlockBootstrap;
import org.aerobench.report.stats.Bootstrap;
import org.aerobench.report.stats.PromHistogram;
import org.aerobench.report.stats.PromText;
import org.aerobench.report.stats.ValueCounts;

/** Turns a loaded run into a {@link Comparison}: the numbers, no formatting. */
public final class ComparisonBuilder {

  static final String PREDICT = "predict_duration_seconds";
  static final String BATCH_READ_ALL = "aerospike_batch_read_all_duration_seconds";
  private static final double MICROS_TO_MS = 0.001;
  private static final double[] SERVER_PERCENTILES = {50, 90, 95, 99};

  /** The server rows' intervals treat requests as independent: kept, and labelled so. */
  private static final String SERVER_BASIS =
      "i.i.d. bootstrap of server total_ms requests, 1 run; ignores time structure, see the client"
          + " rows";

  private final String baseline;
  private final Bootstrap bootstrap;
  private final BlockBootstrap blocks;
  private final java.util.Set<String> tooFew = new java.util.LinkedHashSet<>();

  public ComparisonBuilder(String baseline, Bootstrap bootstrap) {
    this.baseline = baseline;
    this.bootstrap = bootstrap;
    this.blocks =
        new BlockBootstrap(bootstrap.resamples(), bootstrap.confidence(), Bootstrap.DEFAULT_SEED);
  }

  public Comparison build(RunData run) {
    List<String> notes = new ArrayList<>(run.notes());
    Design design = new Design(run);
    Design.LoadModel load = design.loadModel();
    GatlingStats gatling = run.gatling();
    if (!gatling.percentiles().contains(90.0)) {
      notes.add(
          "Gatling's page shows the percentiles "
              + gatling.percentiles().stream().map(ComparisonBuilder::pct).toList()
              + " (gatling.conf charting.indicators); p90 comes from the server times"
              + " (source 'server').");
    }
    notes.addAll(Throughput.notes(gatling.requests().stream().map(run::throughput).toList()));
    Map<String, List<RequestName>> byMode = new LinkedHashMap<>();
    for (RequestStats request : gatling.requests()) {
      RequestName name = RequestName.parse(request.name());
      byMode.computeIfAbsent(name.mode(), m -> new ArrayList<>()).add(name);
    }
    List<String> clientsFound =
        byMode.values().stream().flatMap(List::stream).map(RequestName::client).distinct().toList();
    if (!clientsFound.contains(baseline)) {
      throw new org.aerobench.report.ReportInputException(
          "baseline client '"
              + baseline
              + "' has no requests in "
              + gatling.file()
              + "; expected one of the clients found there: "
              + clientsFound
              + " (request names are '<mode> <client>')");
    }
    notes.add(
        "Gatling's columns cover OK and KO requests together; server times cover successful"
            + " responses only.");
    List<String> clientOrder =
        run.conditions().map(RunConditions::clients).orElse(List.of(baseline));
    List<ModeComparison> modes = new ArrayList<>();
    for (var mode : byMode.entrySet()) {
      List<RequestName> names = new ArrayList<>(mode.getValue());
      names.sort(Comparator.comparingInt(n -> rank(n.client(), clientOrder)));
      modes.add(mode(mode.getKey(), names, run, load));
      if (names.size() > 1 && !names.get(0).client().equals(baseline)) {
        notes.add(
            "Mode '"
                + mode.getKey()
                + "' has no '"
                + baseline
                + "' requests: no advantages computed for it.");
      }
    }
    if (!tooFew.isEmpty()) {
      notes.add(
          "No noise interval for mode(s) "
              + tooFew
              + ": fewer than "
              + Bootstrap.MIN_SAMPLES
              + " server-time samples on a side.");
    }
    List<Distribution> distributions = new ArrayList<>();
    for (ModeComparison mode : modes) {
      List<RequestName> names = mode.requests().stream().map(RequestName::parse).toList();
      Distribution distribution = Distribution.of(mode.mode(), names, run);
      if (distribution != null) {
        distributions.add(distribution);
      }
    }
    List<String> clients = new ArrayList<>(List.of(baseline));
    clientOrder.stream().filter(c -> !clients.contains(c)).forEach(clients::add);
    // The capacity study's verdict (Capacity runs); null for other runs.
    org.aerobench.report.capacity.CapacityStudy capacity = capacity(run);
    List<String> verdict = new ArrayList<>(Verdict.of(baseline, modes, capacity));
    if (load.closed()) {
      // Said where the answer is read: these percentiles under-count what a stall does.
      verdict.add(CoordinatedOmission.verdict(modes));
    }
    // Data that changed during the run invalidates the comparison: said in the verdict too.
    FoundRatios.change(FoundRatios.of(run.scrapes()))
        .ifPresent(
            warning -> {
              notes.add(warning);
              verdict.add(warning);
            });
    List<PromRow> prometheus = prometheus(run);
    Timeline timeline = Timeline.of(run, clients);
    PromResolution.warning(prometheus).ifPresent(notes::add);
    return new Comparison(
        run.name(),
        gatling.file().toAbsolutePath().normalize().toString(),
        conditions(run),
        design.lines(),
        baseline,
        modes,
        prometheus,
        stages(run, modes.stream().flatMap(m -> m.requests().stream()).toList()),
        String.format(
            Locale.ROOT,
            "client rows: %1$.0f%% paired block bootstrap over the run's seconds (both arms"
                + " resampled on the same seconds, blocks of √seconds, Student's t on the number of"
                + " blocks), %2$d resamples, seed %3$d, on the client-times µs log; server rows:"
                + " %1$.0f%% i.i.d. percentile bootstrap of server total_ms requests (ignores time"
                + " structure); nearest-rank quantiles throughout",
            bootstrap.confidence() * 100,
            bootstrap.resamples(),
            Bootstrap.DEFAULT_SEED),
        notes,
        capacity,
        verdict,
        distributions,
        timeline,
        Saturation.of(run, timeline));
  }

  /**
   * The run's first client, the default baseline: the first the simulation's conditions list (the
   * order it was given) that has requests, else the client of Gatling's first request that is not a
   * warm-up's.
   */
  public static String firstClient(RunData run) {
    List<RequestName> names =
        run.gatling().requests().stream().map(r -> RequestName.parse(r.name())).toList();
    List<String> withRequests = names.stream().map(RequestName::client).distinct().toList();
    return run.conditions().map(RunConditions::clients).orElse(List.of()).stream()
        .filter(withRequests::contains)
        .findFirst()
        .or(
            () ->
                names.stream()
                    .filter(n -> !n.mode().equals("warmup"))
                    .map(RequestName::client)
                    .findFirst())
        .or(() -> withRequests.stream().findFirst())
        .orElseThrow(
            () ->
                new org.aerobench.report.ReportInputException(
                    run.gatling().file() + " has no requests: no client to use as the baseline"));
  }

  /** The capacity study's verdict when the run folder has a capacity.json (Capacity runs). */
  private static org.aerobench.report.capacity.CapacityStudy capacity(RunData run) {
    java.nio.file.Path file = new org.aerobench.report.run.RunFolder(run.folder()).capacity();
    if (!java.nio.file.Files.exists(file)) {
      return null;
    }
    try {
      return org.aerobench.report.capacity.CapacityVerdict.of(
          org.aerobench.report.capacity.CapacityRun.read(file));
    } catch (java.io.IOException e) {
      throw new org.aerobench.report.ReportInputException(e.getMessage(), e);
    }
  }

  private int rank(String client, List<String> order) {
    if (client.equals(baseline)) {
      return -1;
    }
    int index = order.indexOf(client);
    return index < 0 ? order.size() : index;
  }

  private ModeComparison mode(
      String mode, List<RequestName> names, RunData run, Design.LoadModel load) {
    boolean hasBaseline = !names.isEmpty() && names.get(0).client().equals(baseline);
    List<RequestStats> stats =
        names.stream().map(n -> run.gatling().request(n.full()).orElseThrow()).toList();
    List<MetricRow> rows = new ArrayList<>();
    rows.add(gatlingRow("avg", "ms", true, stats, s -> toDouble(s.mean()), names, hasBaseline));
    for (double p : run.gatling().percentiles()) {
      rows.add(
          gatlingRow(
              pct(p), "ms", true, stats, s -> toDouble(s.percentile(p)), names, hasBaseline));
    }
    rows.add(gatlingRow("max", "ms", true, stats, s -> toDouble(s.max()), names, hasBaseline));
    rows.add(
        gatlingRow(
            "requests/s",
            "req/s",
            false,
            stats,
            s -> run.throughput(s).perSecond(),
            names,
            hasBaseline));
    rows.add(
        new MetricRow(
            "errors (KO)",
            "requests",
            "gatling",
            true,
            stats.stream().map(s -> (double) s.ko()).toList(),
            nulls(names.size() - 1)));
    rows.add(
        new MetricRow(
            "error rate",
            "%",
            "gatling",
            true,
            stats.stream().map(RequestStats::koPercent).toList(),
            nulls(names.size() - 1)));
    rows.addAll(clientRows(run, names, hasBaseline));
    rows.addAll(CoordinatedOmission.rows(run, names, load, hasBaseline));
    rows.addAll(serverRows(run, names, hasBaseline, mode));
    return new ModeComparison(
        mode,
        names.stream().map(RequestName::client).toList(),
        names.stream().map(RequestName::full).toList(),
        rows);
  }

  private interface Metric {
    Double of(RequestStats stats);
  }

  private MetricRow gatlingRow(
      String metric,
      String unit,
      boolean lowerIsBetter,
      List<RequestStats> stats,
      Metric value,
      List<RequestName> names,
      boolean hasBaseline) {
    List<Double> values = stats.stream().map(value::of).toList();
    return new MetricRow(
        metric,
        unit,
        "gatling",
        lowerIsBetter,
        values,
        advantages(values, names, lowerIsBetter, hasBaseline, null));
  }

  /**
   * p50 and p95 of the client-times log (µs, nearest-rank), each challenger's difference judged by
   * the paired block bootstrap over the run's seconds: the samples the gate's rules decide on.
   */
  private List<MetricRow> clientRows(RunData run, List<RequestName> names, boolean hasBaseline) {
    var series = run.clientSeries(names.stream().map(RequestName::full).toArray(String[]::new));
    if (series.isEmpty()) {
      return List.of();
    }
    List<MetricRow> rows = new ArrayList<>();
    for (double q : new double[] {0.50, 0.95}) {
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        values.add(series.get().quantile(i, q) * MICROS_TO_MS);
      }
      List<Noise> noises = new ArrayList<>();
      for (int i = 1; i < names.size(); i++) {
        Bootstrap.Interval[] interval =
            hasBaseline ? blocks.differences(series.get(), 0, i, q) : null;
        noises.add(
            interval == null
                ? null
                : Noise.of(interval[0], MICROS_TO_MS, blocks.basis(series.get(), 0, i)));
      }
      rows.add(
          new MetricRow(
              pct(q * 100),
              "ms",
              "client",
              true,
              values,
              advantages(values, names, true, hasBaseline, noises)));
    }
    return rows;
  }

  private List<MetricRow> serverRows(
      RunData run, List<RequestName> names, boolean hasBaseline, String mode) {
    // Built once per request: the baseline's value counts serve every challenger.
    List<ServerTotal> totals = new ArrayList<>();
    for (RequestName name : names) {
      totals.add(ServerTotal.of(run.serverTimes(), name.full()));
    }
    if (totals.stream().allMatch(t -> t == null)) {
      return List.of();
    }
    Bootstrap.Interval[] noise = null;
    List<Bootstrap.Interval[]> perChallenger = new ArrayList<>();
    ServerTotal base = totals.get(0);
    for (int i = 1; i < names.size(); i++) {
      ServerTotal challenger = totals.get(i);
      noise =
          hasBaseline && base != null && challenger != null
              ? challenger.minus(base, bootstrap, 0.50, 0.95)
              : null;
      perChallenger.add(noise);
      if (noise == null && hasBaseline && base != null && challenger != null) {
        tooFew.add(mode);
      }
    }
    List<MetricRow> rows = new ArrayList<>();
    List<Double> means = totals.stream().map(t -> t == null ? null : t.meanMs()).toList();
    rows.add(
        new MetricRow(
            "avg", "ms", "server", true, means, advantages(means, names, true, hasBaseline, null)));
    for (double p : SERVER_PERCENTILES) {
      List<Double> values = totals.stream().map(t -> t == null ? null : t.percentileMs(p)).toList();
      int noiseIndex = p == 50 ? 0 : p == 95 ? 1 : -1;
      List<Noise> noises = new ArrayList<>();
      for (Bootstrap.Interval[] intervals : perChallenger) {
        noises.add(
            intervals == null || noiseIndex < 0
                ? null
                : Noise.of(intervals[noiseIndex], 1, SERVER_BASIS));
      }
      rows.add(
          new MetricRow(
              pct(p),
              "ms",
              "server",
              true,
              values,
              advantages(values, names, true, hasBaseline, noises)));
    }
    return rows;
  }

  static List<Advantage> advantages(
      List<Double> values,
      List<RequestName> names,
      boolean lowerIsBetter,
      boolean hasBaseline,
      List<Noise> noises) {
    List<Advantage> advantages = new ArrayList<>();
    for (int i = 1; i < values.size(); i++) {
      Double base = values.get(0);
      Double challenger = values.get(i);
      if (!hasBaseline || base == null || challenger == null || base == 0 || challenger == 0) {
        advantages.add(null);
        continue;
      }
      double percent = (challenger - base) / base * 100;
      double factor = lowerIsBetter ? base / challenger : challenger / base;
      advantages.add(
          new Advantage(
              names.get(i).client(), percent, factor, noises == null ? null : noises.get(i - 1)));
    }
    return advantages;
  }

  private List<PromRow> prometheus(RunData run) {
    List<PromRow> rows = new ArrayList<>();
    Map<String, Map<String, Double>> found = FoundRatios.of(run.scrapes());
    String previous = null;
    for (var scrape : run.scrapes().entrySet()) {
      String scenario = scrape.getKey();
      try {
        // The app labels its histograms with the read mode: when the scenario is one, keep its
        // series only (e.g. the warm-up's requests are not in "single"'s p95).
        Map<String, String> filter =
            PromText.labelValues(scrape.getValue(), PREDICT, "mode").contains(scenario)
                ? Map.of("mode", scenario)
                : Map.of();
        Map<String, PromHistogram> predict =
            PromText.histograms(scrape.getValue(), PREDICT, "client_type", filter);
        Map<String, PromHistogram> batch =
            PromText.histograms(scrape.getValue(), BATCH_READ_ALL, "client_type", filter);
        Map<String, PromHistogram> previousPredict =
            previous == null ? null : PromText.histograms(previous, PREDICT, "client_type", filter);
        Map<String, PromHistogram> previousBatch =
            previous == null
                ? null
                : PromText.histograms(previous, BATCH_READ_ALL, "client_type", filter);
        String prefix = filter.isEmpty() ? "" : "mode=" + scenario + ", ";
        var clients = new TreeMap<String, Boolean>();
        predict.keySet().forEach(c -> clients.put(c, true));
        batch.keySet().forEach(c -> clients.put(c, true));
        for (String client : clients.keySet()) {
          var p = window(predict.get(client), previousPredict, client);
          var b = window(batch.get(client), previousBatch, client);
          double observations = p.histogram() == null ? 0 : p.histogram().count();
          if (observations == 0 && (b.histogram() == null || b.histogram().count() == 0)) {
            continue; // this client did nothing during the scenario
          }
          rows.add(
              new PromRow(
                  scenario,
                  client,
                  p95Ms(p.histogram()),
                  p95Ms(b.histogram()),
                  observations,
                  prefix + (p.histogram() != null ? p.label() : b.label()),
                  found.getOrDefault(scenario, Map.of()).get(client),
                  PromResolution.oneBucket(p.histogram(), b.histogram())));
        }
      } catch (IllegalArgumentException e) {
        throw new org.aerobench.report.ReportInputException(
            new org.aerobench.report.run.RunFolder(run.folder()).metricsScrape(scenario)
                + ": not Prometheus text format: "
                + e.getMessage(),
            e);
      }
      previous = scrape.getValue();
    }
    return rows;
  }

  private record Windowed(PromHistogram histogram, String label) {}

  private static Windowed window(
      PromHistogram current, Map<String, PromHistogram> previousScrape, String client) {
    if (current == null) {
      return new Windowed(null, "");
    }
    if (previousScrape == null) {
      return new Windowed(current, "whole scrape (first)");
    }
    PromHistogram previous = previousScrape.get(client);
    if (previous == null) {
      return new Windowed(current, "since previous scrape");
    }
    if (current.isContinuationOf(previous)) {
      return new Windowed(current.minus(previous), "since previous scrape");
    }
    return new Windowed(current, "whole scrape (counters restarted)");
  }

  private static Double p95Ms(PromHistogram histogram) {
    if (histogram == null || histogram.count() == 0) {
      return null;
    }
    return histogram.quantile(0.95) * 1000;
  }

  /** Stage rows in the order the mode tables show the requests (others after, by name). */
  private static List<StageRow> stages(RunData run, List<String> order) {
    if (run.serverTimes().isEmpty()) {
      return List.of();
    }
    List<StageRow> rows = new ArrayList<>();
    for (var request : run.serverTimes().get().byRequest().entrySet()) {
      Map<String, Double> means = new LinkedHashMap<>();
      Map<String, Double> p95s = new LinkedHashMap<>();
      long samples = 0;
      for (Stage stage : Stage.values()) {
        Histogram h = request.getValue().get(stage);
        if (h == null || h.getTotalCount() == 0) {
          continue;
        }
        means.put(stageName(stage), h.getMean() * MICROS_TO_MS);
        // Nearest-rank, as the mode tables' server percentiles (ServerTotal.percentileMs).
        p95s.put(stageName(stage), ValueCounts.of(h, MICROS_TO_MS).quantile(0.95));
        if (stage == Stage.TOTAL) {
          samples = h.getTotalCount();
        }
      }
      rows.add(new StageRow(request.getKey(), samples, means, p95s));
    }
    rows.sort(
        Comparator.comparingInt(
            (StageRow r) ->
                order.contains(r.request()) ? order.indexOf(r.request()) : order.size()));
    return rows;
  }

  /** Display name of a stage, e.g. "key extraction". */
  public static String stageName(Stage stage) {
    return stage.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static Map<String, String> conditions(RunData run) {
    Map<String, String> c = new LinkedHashMap<>();
    GatlingStats g = run.gatling();
    c.put("simulation", run.simulation());
    c.put("run folder", run.name());
    c.put("Gatling", g.version());
    c.put("date", Optional.ofNullable(g.date()).orElse("?"));
    c.put("duration (Gatling)", Optional.ofNullable(g.duration()).orElse("?"));
    c.put("requests", g.all().total() + " (" + g.all().ko() + " KO)");
    injectors(run).ifPresent(n -> c.put("injectors", n));
    run.conditions()
        .ifPresent(
            rc -> {
              c.put("started at", rc.startedAt());
              c.put(
                  "measured duration", String.format(Locale.ROOT, "%.1f s", rc.durationSeconds()));
              c.put("clients", String.join(", ", rc.clients()));
              c.put("modes", String.join(", ", rc.modes()));
              c.put("inference", rc.inference() ? "on" : "off (skip_inference=true)");
              c.put("target", rc.baseUrl());
              c.put(
                  "Aerospike",
                  rc.embedded()
                      ? "embedded (in-memory)"
                      : "external" + rc.aerospikeBuild().map(b -> ", build " + b).orElse(""));
              c.put("latency injection", rc.latencyInjection());
              if (rc.cluster() != null) {
                RunConditions.Cluster cluster = rc.cluster();
                c.put(
                    "emulated cluster",
                    cluster.nodes()
                        + " nodes (ports "
                        + cluster.ports()
                        + "), replication factor "
                        + cluster.replicationFactor()
                        + ", node latency "
                        + cluster.nodeLatency()
                        + ", faults "
                        + cluster.faultSchedule()
                        + (cluster.faults().isEmpty()
                            ? ""
                            : " ("
                                + cluster.faults().stream().filter(f -> f.ok()).count()
                                + " of "
                                + cluster.faults().size()
                                + " played ok)"));
              }
              c.put("git commit", rc.gitCommit());
              c.put("JVM", rc.jvm());
              c.put("cores", String.valueOf(rc.cores()));
              c.put("CPU, load generator", cpu(rc.loadGeneratorCpuSeconds(), rc));
              c.put("CPU, target app", cpu(rc.targetCpuSeconds(), rc));
            });
    return c;
  }

  /** A merged run's injectors: how many, and which runs. */
  private static Optional<String> injectors(RunData run) {
    var files = new org.aerobench.report.run.RunFolder(run.folder());
    if (!java.nio.file.Files.exists(files.merge())) {
      return Optional.empty();
    }
    try {
      var manifest = org.aerobench.report.run.MergeManifest.read(files.merge());
      return Optional.of(
          manifest.injectors().size()
              + " (merged: "
              + String.join(", ", manifest.injectors())
              + "; phase starts at most "
              + manifest.maxSkewMillis()
              + " ms apart)");
    } catch (java.io.IOException e) {
      throw new org.aerobench.report.ReportInputException(e.getMessage(), e);
    }
  }

  private static String cpu(double seconds, RunConditions rc) {
    if (seconds < 0) {
      return "unknown";
    }
    if (rc.durationSeconds() <= 0 || rc.cores() <= 0) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    return String.format(
        Locale.ROOT,
        "%.1f s (%.0f%% of %d cores)",
        seconds,
        seconds / (rc.durationSeconds() * rc.cores()) * 100,
        rc.cores());
  }

  static List<Advantage> nulls(int n) {
    List<Advantage> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(null);
    }
    return list;
  }

  private static Double toDouble(Long value) {
    return value == null ? null : value.doubleValue();
  }

  /** "p95", "p99.9". */
  public static String pct(double p) {
    return p == Math.rint(p) ? "p" + (long) p : "p" + p;
  }
}
