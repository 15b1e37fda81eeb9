package org.aerobench.report.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.compare.RequestName;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.compare.Throughput;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.ServerTotal;
import org.aerobench.report.stats.Bootstrap;

/** Checks a run (and optionally a baseline run) against a {@link GateConfig}. */
public final class Gate {

  /**
   * @param violations broken rules, one per line
   * @param checks number of rule checks made
   * @param notes requests skipped and why
   */
  public record Result(List<Violation> violations, int checks, List<String> notes) {
    public boolean passed() {
      return violations.isEmpty();
    }
  }

  private final GateConfig config;
  private final Bootstrap bootstrap;

  public Gate(GateConfig config, Bootstrap bootstrap) {
    this.config = config;
    this.bootstrap = bootstrap;
  }

  /**
   * @throws ReportInputException when a request's client has no SLO in the config and the config
   *     says {@code unknown.clients=error}, or a needed percentile is in neither Gatling's page nor
   *     the server times
   */
  public Result check(RunData run, Optional<RunData> baseline) {
    List<Violation> violations = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int checks = 0;
    for (RequestStats request : run.gatling().requests()) {
      RequestName name = RequestName.parse(request.name());
      if (config.ignoredModes().contains(name.mode())) {
        notes.add("'" + request.name() + "' skipped: mode '" + name.mode() + "' is ignored");
        continue;
      }
      Map<Double, Double> slos = config.slos().get(name.client());
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
    checks += relatives(run, violations, notes);
    if (baseline.isPresent()) {
      checks += regressions(run, baseline.get(), violations, notes);
    }
    return new Result(violations, checks, notes);
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
                        + " noise (Δ %.3f ms, CI %.3f..%.3f): not counted",
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

  private int regressions(
      RunData run, RunData baseline, List<Violation> violations, List<String> notes) {
    if (!run.simulation().equals(baseline.simulation())) {
      throw new ReportInputException(
          baseline.folder()
              + " is a run of "
              + baseline.simulation()
              + ", not of "
              + run.simulation()
              + ": the --baseline must be a run of the same simulation");
    }
    int checks = 0;
    List<Throughput.Change> changes = new ArrayList<>();
    for (RequestStats request : run.gatling().requests()) {
      RequestName name = RequestName.parse(request.name());
      Optional<RequestStats> before = baseline.gatling().request(request.name());
      if (config.ignoredModes().contains(name.mode()) || before.isEmpty()) {
        continue;
      }
      if (config.maxP95RegressionPercent() != null) {
        checks++;
        Measured now = percentile(run, request, 95);
        Measured then = percentile(baseline, before.get(), 95);
        double change = then.value() == 0 ? 0 : (now.value() - then.value()) / then.value() * 100;
        if (change > config.maxP95RegressionPercent()) {
          Bootstrap.Interval interval = regressionInterval(run, baseline, request.name());
          String noise = noiseVerdict(run, baseline, request.name(), interval);
          // One-sided, as the relative rule: only "slower beyond noise" (or no interval at all)
          // counts; a run whose server times are faster beyond noise is not a regression.
          if (config.regressionNeedsNoise() && interval != null && !(interval.low() > 0)) {
            notes.add(
                String.format(
                    Locale.ROOT,
                    "'%s' p95 +%.1f%% vs baseline but the server times do not show it slower"
                        + " beyond noise (%s): not counted",
                    request.name(),
                    change,
                    noise));
          } else {
            violations.add(
                new Violation(
                    "regression.p95.max.percent",
                    request.name(),
                    change,
                    config.maxP95RegressionPercent(),
                    "%",
                    String.format(
                        Locale.ROOT,
                        "p95 %s → %s ms, %s; %s",
                        then.value(),
                        now.value(),
                        now.source(),
                        noise)));
          }
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

  /** Interval of the server p95 difference (run − baseline); null without enough samples. */
  private Bootstrap.Interval regressionInterval(RunData run, RunData baseline, String request) {
    ServerTotal now = total(run, request);
    ServerTotal then = total(baseline, request);
    if (now == null || then == null) {
      return null;
    }
    Bootstrap.Interval[] intervals = now.minus(then, bootstrap, 0.95);
    return intervals == null ? null : intervals[0];
  }

  private String noiseVerdict(
      RunData run, RunData baseline, String request, Bootstrap.Interval interval) {
    if (interval != null) {
      String direction =
          !interval.beyondNoise()
              ? "within noise"
              : interval.low() > 0 ? "slower beyond noise" : "faster beyond noise";
      return String.format(
          Locale.ROOT,
          "server p95 %s (Δ %.3f ms, CI %.3f..%.3f)",
          direction,
          interval.observed(),
          interval.low(),
          interval.high());
    }
    return total(run, request) == null || total(baseline, request) == null
        ? "no server samples for a noise check"
        : "too few samples for a noise check";
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
