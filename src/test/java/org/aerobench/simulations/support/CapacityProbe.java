package org.aerobench.simulations.support;

import static org.aerobench.simulations.support.SaturationSampler.label;
import static org.aerobench.simulations.support.SaturationSampler.series;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.aerobench.report.capacity.BreakRules;
import org.aerobench.report.capacity.CapacityRun;
import org.aerobench.report.capacity.CapacityVerdict;
import org.aerobench.report.capacity.Level;
import org.aerobench.report.stats.ValueCounts;
import org.aerobench.simulations.support.SaturationSampler.Sample;

/**
 * The capacity study's bookkeeping during the run: tallies every call of every level per client
 * (only what was sent after the level's settle window counts), judges each level when it ends with
 * the shared {@link BreakRules}, stops offering a broken client more load, and asks the run to stop
 * once every client of the last profile has broken.
 */
public final class CapacityProbe implements Recording.CallListener {

  private final CapacityPlan plan;
  private final Parameters params;
  private final RunHarness harness;
  private final BreakRules rules;
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
  private final Set<String> broken = ConcurrentHashMap.newKeySet(); // "<profile>|<client>"
  private final List<Level> levels = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile String stopReason;

  /** One (level, client): counts and the latencies of calls sent in the measured window. */
  private static final class Tally {
    final LongAdder sent = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder okInWindow = new LongAdder();
    final Histogram micros = new ConcurrentHistogram(3);
  }

  public CapacityProbe(CapacityPlan plan, Parameters params, RunHarness harness, BreakRules rules) {
    this.plan = plan;
    this.params = params;
    this.harness = harness;
    this.rules = rules;
  }

  /** False once the client broke at an earlier level of this profile: it is offered no more. */
  public boolean offers(String profile, String client) {
    return !broken.contains(profile + "|" + client);
  }

  /** Why the run should stop now, or null. */
  public String stopReason() {
    return stopReason;
  }

  @Override
  public void completed(
      String requestName, long sentMillis, long endMillis, long micros, boolean ok) {
    long start = harness.currentPhaseStartMillis();
    long windowStart = start + plan.settle().toMillis();
    long windowEnd = start + plan.step().toMillis();
    Tally tally = tallies.computeIfAbsent(requestName, n -> new Tally());
    if (ok && endMillis >= windowStart && endMillis <= windowEnd) {
      tally.okInWindow.increment();
    }
    if (sentMillis < windowStart || sentMillis > windowEnd) {
      return; // settling, or a straggler of the level's last second
    }
    tally.sent.increment();
    if (!ok) {
      tally.failed.increment();
    }
    tally.micros.recordValue(Math.max(0, micros));
  }

  /** Judges the level that just ended (called between phases; other labels are ignored). */
  public void levelEnded(String label) {
    int at = label.lastIndexOf('@');
    if (at < 0 || !plan.labels().contains(label)) {
      return;
    }
    String profile = label.substring(0, at);
    double offered = Double.parseDouble(label.substring(at + 1));
    PhaseTimes window = window(label);
    List<Sample> samples = harness.sampler().between(window.from(), window.to());
    double seconds = (plan.step().toMillis() - plan.settle().toMillis()) / 1000.0;
    for (String client : params.clients()) {
      if (!offers(profile, client)) {
        continue;
      }
      Tally tally = tallies.getOrDefault(PredictCalls.requestName(label, client), new Tally());
      long sent = tally.sent.sum();
      double errorRate = sent == 0 ? 0 : 100.0 * tally.failed.sum() / sent;
      double achieved = tally.okInWindow.sum() / seconds;
      Double p50 = percentileMs(tally.micros, 0.50);
      Double p95 = percentileMs(tally.micros, 0.95);
      Double p99 = percentileMs(tally.micros, 0.99);
      List<String> brokenBy = rules.brokenBy(client, offered, achieved, p95, errorRate);
      double machine =
          percent(
              SaturationSampler.delta(samples, k -> k.equals(SaturationSampler.MACHINE_BUSY)),
              SaturationSampler.delta(samples, k -> k.equals(SaturationSampler.MACHINE_TOTAL)));
      double generator = cpuPercent(samples, SaturationSampler.GENERATOR_CPU);
      Level level =
          new Level(
              label,
              client,
              profile,
              offered,
              achieved,
              p50,
              p95,
              p99,
              sent,
              errorRate,
              brokenBy,
              saturation(client, samples),
              machine,
              generator,
              rules.machineSaturated(machine),
              rules.generatorSaturated(generator));
      levels.add(level);
      if (level.broken()) {
        broken.add(profile + "|" + client);
      }
      System.out.printf(
          java.util.Locale.ROOT,
          "aerobench: level %s %s: achieved %.1f req/s, p95 %s ms, errors %.2f %%%s%n",
          label,
          client,
          achieved,
          p95 == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", p95),
          errorRate,
          brokenBy.isEmpty() ? "" : " -> broken: " + String.join("; ", brokenBy));
    }
    boolean lastProfile = plan.profiles().get(plan.profiles().size() - 1).name().equals(profile);
    boolean allBroken = params.clients().stream().noneMatch(c -> offers(profile, c));
    if (lastProfile && allBroken) {
      stopReason = "every client broke by level " + label + "; the climb stops here";
    }
  }

  private record PhaseTimes(long from, long to) {}

  private PhaseTimes window(String label) {
    long start =
        harness.phaseWindows().stream()
            .filter(w -> w.label().equals(label))
            .mapToLong(org.aerobench.report.run.PhaseWindow::startEpochMillis)
            .findFirst()
            .orElse(harness.currentPhaseStartMillis());
    return new PhaseTimes(start + plan.settle().toMillis(), start + plan.step().toMillis());
  }

  /** Per-level means (and maxima) of the saturation signals that concern this client. */
  private Map<String, Double> saturation(String client, List<Sample> samples) {
    Map<String, Double> out = new LinkedHashMap<>();
    // An arm (sync#2) is served by its style's instance: the metrics carry the style.
    String ct = label("client_type", BreakRules.style(client));
    for (String state : List.of("limit", "active", "queued")) {
      Predicate<String> workers = series("aerobench_style_workers", ct, label("state", state));
      put(out, "workers." + state, SaturationSampler.mean(samples, workers));
      if (!state.equals("limit")) {
        put(out, "workers." + state + ".max", SaturationSampler.max(samples, workers));
      }
    }
    for (String state : List.of("in_use", "waiting")) {
      Predicate<String> slots = series("predict_inflight_slots", ct, label("state", state));
      put(out, "inflight." + state, SaturationSampler.mean(samples, slots));
      put(out, "inflight." + state + ".max", SaturationSampler.max(samples, slots));
    }
    if (client.startsWith("async")) {
      for (String state : List.of("in_process", "queued")) {
        Predicate<String> loops =
            series("aerospike_client_event_loop_commands", label("state", state));
        put(out, "eventloop." + state, SaturationSampler.mean(samples, loops));
        put(out, "eventloop." + state + ".max", SaturationSampler.max(samples, loops));
      }
    }
    for (String state : List.of("active", "queued")) {
      Predicate<String> inference = series("aerobench_inference_executor", label("state", state));
      put(out, "inference." + state, SaturationSampler.mean(samples, inference));
      put(out, "inference." + state + ".max", SaturationSampler.max(samples, inference));
    }
    OptionalDouble reads =
        SaturationSampler.delta(samples, series("aerobench_style_reads_total", ct));
    OptionalDouble busy =
        SaturationSampler.delta(samples, series("aerobench_style_worker_busy_seconds_total", ct));
    OptionalDouble served =
        SaturationSampler.delta(
            samples, series("predict_requests_total", ct, label("status", "success")));
    if (reads.isPresent() && served.isPresent() && served.getAsDouble() > 0) {
      out.put(CapacityVerdict.READS_PER_REQUEST, reads.getAsDouble() / served.getAsDouble());
    }
    if (reads.isPresent() && busy.isPresent() && reads.getAsDouble() > 0) {
      out.put(CapacityVerdict.READ_MEAN_MS, busy.getAsDouble() / reads.getAsDouble() * 1000);
    }
    out.put("cpu.app.percent.of.core", cpuPercent(samples, SaturationSampler.APP_CPU));
    return out;
  }

  private static void put(Map<String, Double> out, String key, OptionalDouble value) {
    value.ifPresent(v -> out.put(key, v));
  }

  private static double cpuPercent(List<Sample> samples, String series) {
    Predicate<String> match = k -> k.equals(series);
    OptionalDouble delta = SaturationSampler.delta(samples, match);
    double span = SaturationSampler.span(samples, match);
    return delta.isPresent() && span > 0 ? delta.getAsDouble() / span * 100 : -1;
  }

  private static double percent(OptionalDouble part, OptionalDouble whole) {
    return part.isPresent() && whole.isPresent() && whole.getAsDouble() > 0
        ? part.getAsDouble() / whole.getAsDouble() * 100
        : -1;
  }

  private static Double percentileMs(Histogram micros, double q) {
    if (micros.getTotalCount() == 0) {
      return null;
    }
    return ValueCounts.of(micros, 0.001).quantile(q);
  }

  /** Writes what was measured to the run folder's {@code capacity.json}. */
  public void write(Path file) {
    List<CapacityRun.Profile> profiles = new ArrayList<>();
    plan.profiles()
        .forEach(p -> profiles.add(new CapacityRun.Profile(p.name(), p.latency().describe())));
    try {
      new CapacityRun(
              params.readMode(),
              params.inference(),
              plan.step().toMillis() / 1000.0,
              plan.settle().toMillis() / 1000.0,
              params.clients(),
              profiles,
              rules,
              levels)
          .write(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }
}
