package org.aerobench.report.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aerobench.client.Arm;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.compare.RequestName;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.compare.Throughput;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.ServerTotal;
import org.aerobench.report.stats.BlockBootstrap;
import org.aerobench.report.stats.Bootstrap;
import org.aerobench.report.stats.HierarchicalBootstrap;
import org.aerobench.report.stats.SecondSeries;

/** Checks a run (and optionally a baseline run) against a {@link GateConfig}. */
public final class Gate {

  /**
   * @param violations broken rules, one per line
   * @param checks number of rule checks made
   * @param notes requests skipped and why
   */
  public record Result(
      List<Violation> violations, int checks, List<String> notes, List<String> warnings) {
    public boolean passed() {
      return violations.isEmpty();
    }
  }

  private final GateConfig config;
  private final Bootstrap bootstrap;
  private final BlockBootstrap blocks;
  private final Optional<NoiseCalibration> calibration;

  public Gate(GateConfig config, Bootstrap bootstrap) {
    this(config, bootstrap, Optional.empty());
  }

  /**
   * @param calibration the between-run spread of {@code conf/noise.properties}, if any; used only
   *     when it was measured on this machine for this experiment (else a warning says why not)
   */
  public Gate(GateConfig config, Bootstrap bootstrap, Optional<NoiseCalibration> calibration) {
    this.config = config;
    this.bootstrap = bootstrap;
    this.blocks =
        new BlockBootstrap(bootstrap.resamples(), bootstrap.confidence(), Bootstrap.DEFAULT_SEED);
    this.calibration = calibration;
  }

  /** One run, optionally against one baseline run. */
  public Result check(RunData run, Optional<RunData> baseline) {
    return check(List.of(run), baseline.map(List::of).orElse(List.of()), false);
  }

  /**
   * @throws ReportInputException when a request's client has no SLO in the config and the config
   *     says {@code unknown.clients=error}, or a needed percentile is in neither Gatling's page nor
   *     the server times
   */
  public Result check(List<RunData> runs, List<RunData> baselines, boolean allowDifferent) {
    List<Violation> violations = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int checks = 0;
    for (RunData run : runs) {
      checks += absolutes(run, violations, notes);
      checks += relatives(run, violations, notes);
    }
    if (!baselines.isEmpty()) {
      List<RunData> all = new ArrayList<>(runs);
      all.addAll(baselines);
      Experiment.requireSame(all, allowDifferent, "--allow-different-conditions", notes);
      Optional<NoiseCalibration> usable = calibration;
      if (calibration.isPresent()) {
        // The calibration describes the baseline's experiment; a candidate that differs on
        // purpose (--allow-different-conditions, e.g. an injected slowdown) is judged against it.
        String mismatch = calibration.get().mismatch(baselines.get(0));
        if (mismatch != null) {
          warnings.add(
              calibration.get().file()
                  + " is not used: it was calibrated for "
                  + mismatch
                  + "; run `aerobench calibrate` on runs of this experiment on this machine");
          usable = Optional.empty();
        }
      }
      checks += regressions(runs, baselines, usable, violations, notes);
    }
    return new Result(violations, checks, notes, warnings);
  }

  private int absolutes(RunData run, List<Violation> violations, List<String> notes) {
    int checks = 0;
    for (RequestStats request : run.gatling().requests()) {
      RequestName name = RequestName.parse(request.name());
      if (config.ignoredModes().contains(name.mode())) {
        notes.add("'" + request.name() + "' skipped: mode '" + name.mode() + "' is ignored");
        continue;
      }
      // An A/A arm (sync#2) is held to its style's lines.
      Map<Double, Double> slos = config.slos().get(Arm.style(name.client()));
      if (!config.sloAppliesTo(name.mode())) {
        notes.add(
            "'"
                + request.name()
                + "': no absolute SLO (slo.modes leaves out '"
                + name.mode()
                + "')");
      } else if (slos == null) {
        if (config.unknownClients().equals("ignore")) {
          notes.add(
              "'" + request.name() + "' has no SLO: client '" + name.client() + "' not in config");
        } else {
          throw new ReportInputException(
              config.file()
                  + " has no slo."
                  + name.client()
                  + ".* rule for request '"
                  + request.name()
                  + "' of "
                  + run.gatling().file()
                  + "; expected a request name '<mode> <client>' with client one of "
                  + config.slos().keySet()
                  + " (add slo."
                  + name.client()
                  + ".p95=..., or set unknown.clients=ignore)");
        }
      } else {
        for (var slo : slos.entrySet()) {
          Measured m = percentile(run, request, slo.getKey());
          checks++;
          if (m.value() > slo.getValue()) {
            violations.add(
                new Violation(
                    "slo." + name.client() + "." + pct(slo.getKey()),
                    request.name(),
                    m.value(),
                    slo.getValue(),
                    "ms",
                    m.source()));
          }
        }
      }
      if (config.maxErrorPercent() != null) {
        checks++;
        double percent = request.total() == 0 ? 0 : 100.0 * request.ko() / request.total();
        if (percent > config.maxErrorPercent()) {
          violations.add(
              new Violation(
                  "errors.max.percent",
                  request.name(),
                  percent,
                  config.maxErrorPercent(),
                  "%",
                  "Gatling KO " + request.ko() + "/" + request.total()));
        }
      }
    }
    return checks;
  }

  private int relatives(RunData run, List<Violation> violations, List<String> notes) {
    int checks = 0;
    for (GateConfig.Relative rule : config.relatives()) {
      for (RequestStats request : run.gatling().requests()) {
        RequestName name = RequestName.parse(request.name());
        if (!name.client().equals(rule.challenger())
            || config.ignoredModes().contains(name.mode())) {
          continue;
        }
        String baseName = name.mode() + " " + rule.base();
        Optional<RequestStats> base = run.gatling().request(baseName);
        if (base.isEmpty()) {
          continue; // e.g. stress runs the challenger alone
        }
        var series = run.clientSeries(baseName, request.name());
        if (series.isPresent()) {
          checks++;
          relativeOnClientTimes(rule, request.name(), baseName, series.get(), violations, notes);
          continue;
        }
        Measured challenger = percentile(run, request, rule.percentile());
        Measured reference = percentile(run, base.get(), rule.percentile());
        checks++;
        double limit = rule.ratio() * reference.value();
        if (challenger.value() > limit && config.relativeNeedsNoise()) {
          Bootstrap.Interval interval =
              interval(run, baseName, request.name(), rule.percentile() / 100);
          if (interval != null && !(interval.low() > 0)) {
            notes.add(
                String.format(
                    Locale.ROOT,
                    "'%s' %s %s ms > %s × '%s' but the server times do not show it slower beyond"
                        + " noise (Δ %.3f ms, CI %.3f..%.3f; i.i.d. bootstrap of server"
                        + " requests, no client-times log): not counted",
                    request.name(),
                    pct(rule.percentile()),
                    challenger.value(),
                    rule.ratio(),
                    baseName,
                    interval.observed(),
                    interval.low(),
                    interval.high()));
            continue;
          }
        }
        if (challenger.value() > limit) {
          violations.add(
              new Violation(
                  String.format(
                      Locale.ROOT,
                      "relative.%s.%s.max.ratio.vs.%s=%s",
                      rule.challenger(),
                      pct(rule.percentile()),
                      rule.base(),
                      rule.ratio()),
                  request.name() + " vs " + baseName,
                  challenger.value(),
                  limit,
                  "ms",
                  challenger.source() + "; limit = ratio × " + reference.value() + " ms"));
        }
      }
    }
    return checks;
  }

  /**
   * A relative rule on the client-times log: both percentiles (nearest-rank, µs) and the noise
   * interval of their difference (paired block bootstrap) from the same samples.
   */
  private void relativeOnClientTimes(
      GateConfig.Relative rule,
      String request,
      String baseName,
      SecondSeries series,
      List<Violation> violations,
      List<String> notes) {
    double q = rule.percentile() / 100;
    double challenger = series.quantile(1, q) / 1000;
    double reference = series.quantile(0, q) / 1000;
    double limit = rule.ratio() * reference;
    if (!(challenger > limit)) {
      return;
    }
    Bootstrap.Interval[] interval = blocks.differences(series, 0, 1, q);
    String basis = blocks.basis(series, 0, 1);
    String noise =
        interval == null
            ? "too few samples for a noise check"
            : String.format(
                Locale.ROOT,
                "Δ %.3f ms, 95%% CI %.3f..%.3f, %s",
                interval[0].observed() / 1000,
                interval[0].low() / 1000,
                interval[0].high() / 1000,
                basis);
    if (config.relativeNeedsNoise() && interval != null && !(interval[0].low() > 0)) {
      notes.add(
          String.format(
              Locale.ROOT,
              "'%s' client %s %.3f ms > %s × '%s' but not slower beyond noise (%s): not counted",
              request,
              pct(rule.percentile()),
              challenger,
              rule.ratio(),
              baseName,
              noise));
      return;
    }
    violations.add(
        new Violation(
            String.format(
                Locale.ROOT,
                "relative.%s.%s.max.ratio.vs.%s=%s",
                rule.challenger(),
                pct(rule.percentile()),
                rule.base(),
                rule.ratio()),
            request + " vs " + baseName,
            challenger,
            limit,
            "ms",
            String.format(
                Locale.ROOT,
                "client %s (µs log, nearest-rank); limit = ratio × %.3f ms; %s",
                pct(rule.percentile()),
                reference,
                noise)));
  }

  private int regressions(
      List<RunData> runs,
      List<RunData> baselines,
      Optional<NoiseCalibration> usable,
      List<Violation> violations,
      List<String> notes) {
    RunData run = runs.get(0);
    RunData baseline = baselines.get(0);
    if (!run.simulation().equals(baseline.simulation())) {
      throw new ReportInputException(
          baseline.folder()
              + " is a run of "
              + baseline.simulation()
              + ", not of "
              + run.simulation()
              + ": the --baseline must be a run of the same simulation");
    }
    RunLevelRegression judge = new RunLevelRegression(HierarchicalBootstrap.standard(), usable);
    int checks = 0;
    List<Throughput.Change> changes = new ArrayList<>();
    for (RequestStats request : run.gatling().requests()) {
      RequestName name = RequestName.parse(request.name());
      Optional<RequestStats> before = baseline.gatling().request(request.name());
      if (config.ignoredModes().contains(name.mode()) || before.isEmpty()) {
        continue;
      }
      if (config.maxP95RegressionPercent() != null
          && name.client().equals(config.regressionRelativeTo())) {
        notes.add(
            "'"
                + request.name()
                + "' is the control arm (regression.relative.to): its own change is the"
                + " machine's, the other arms' p95 regressions are measured relative to it");
      } else if (config.maxP95RegressionPercent() != null) {
        checks++;
        String control =
            RunLevelRegression.controlOf(request.name(), config.regressionRelativeTo());
        var judged = judge.judge(baselines, runs, request.name(), control);
        if (judged.isEmpty()) {
          notes.add(
              "'"
                  + request.name()
                  + "' p95 regression not judged: a run has no client times for it"
                  + (control == null ? "" : " or its control '" + control + "'")
                  + " (aerobench/client-times.hlog, which the rule decides on)");
        } else {
          regression(request.name(), judged.get(), violations, notes);
        }
      }
      if (config.maxThroughputDropPercent() != null) {
        Throughput.Change change =
            Throughput.change(baseline.throughput(before.get()), run.throughput(request));
        changes.add(change);
        Double percent = change.percent();
        if (percent != null) {
          checks++;
          double drop = -percent;
          if (drop > config.maxThroughputDropPercent()) {
            violations.add(
                new Violation(
                    "regression.throughput.max.drop.percent",
                    request.name(),
                    drop,
                    config.maxThroughputDropPercent(),
                    "%",
                    String.format(
                        Locale.ROOT,
                        "req/s %.2f → %.2f; %s → %s",
                        change.before().perSecond(),
                        change.after().perSecond(),
                        change.before().basis(),
                        change.after().basis())));
          }
        }
      }
    }
    notes.addAll(Throughput.changeNotes(changes, run.name(), baseline.name()));
    return checks;
  }

  /** Interval of (challenger − base) at quantile q in one run's server times; null if unknown. */
  private Bootstrap.Interval interval(RunData run, String base, String challenger, double q) {
    ServerTotal b = total(run, base);
    ServerTotal c = total(run, challenger);
    if (b == null || c == null) {
      return null;
    }
    Bootstrap.Interval[] intervals = c.minus(b, bootstrap, q);
    return intervals == null ? null : intervals[0];
  }

  private void regression(
      String request,
      RunLevelRegression.Judged judged,
      List<Violation> violations,
      List<String> notes) {
    if (!(judged.change() > config.maxP95RegressionPercent())) {
      return;
    }
    Bootstrap.Interval interval = judged.interval();
    String noise =
        interval == null
            ? judged.basis()
            : String.format(
                Locale.ROOT,
                "%s (95%% CI %+.1f%%..%+.1f%%; %s)",
                interval.low() > 0
                    ? "slower beyond noise"
                    : interval.high() < 0 ? "faster beyond noise" : "within noise",
                interval.low(),
                interval.high(),
                judged.basis());
    // A regression is never declared on a within-run interval alone: without a run-level
    // interval it is a note, as it is when the interval does not show the candidate slower.
    if (interval == null || (config.regressionNeedsNoise() && !(interval.low() > 0))) {
      notes.add(
          String.format(
              Locale.ROOT,
              "'%s' p95 %+.1f%% vs baseline (%s) but %s: not counted",
              request,
              judged.change(),
              judged.measured(),
              noise));
      return;
    }
    violations.add(
        new Violation(
            "regression.p95.max.percent",
            request,
            judged.change(),
            config.maxP95RegressionPercent(),
            "%",
            judged.measured() + "; " + noise));
  }

  private record Measured(double value, String source) {}

  private Measured percentile(RunData run, RequestStats request, double p) {
    Long gatling = request.percentile(p);
    if (config.source().equals("gatling") && gatling != null) {
      return new Measured(gatling, "Gatling " + pct(p));
    }
    ServerTotal total = total(run, request.name());
    if (total != null) {
      return new Measured(total.percentileMs(p), "server total_ms " + pct(p));
    }
    throw new ReportInputException(
        run.gatling().file()
            + ": no "
            + pct(p)
            + " for '"
            + request.name()
            + "': Gatling's columns are "
            + run.gatling().percentiles()
            + " and the server times have no samples for it; expected one of them to have it"
            + " (set gatling.conf charting.indicators or record server times)");
  }

  private static ServerTotal total(RunData run, String request) {
    return ServerTotal.of(run.serverTimes(), request);
  }

  private static String pct(double p) {
    return p == Math.rint(p) ? "p" + (long) p : "p" + p;
  }
}
