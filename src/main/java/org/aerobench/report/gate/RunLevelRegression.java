package org.aerobench.report.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aerobench.report.compare.RequestName;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.stats.Bootstrap;
import org.aerobench.report.stats.HierarchicalBootstrap;
import org.aerobench.report.stats.SecondSeries;
import org.aerobench.report.stats.StudentT;

/**
 * The p95 regression rule on run-level noise: candidate runs vs baseline runs of one request name,
 * client-side µs, nearest-rank p95 of each side's pooled samples. The interval comes from the runs
 * (hierarchical bootstrap, 2+ runs a side) and, where a calibration of this machine and experiment
 * exists, from its between-run spread (the wider of the two). One run a side without a calibration
 * is no evidence: never a FAIL, always a note saying so.
 */
final class RunLevelRegression {

  /**
   * @param change p95 change in percent (ratio of ratios with a control)
   * @param interval of the change, null when no run-level interval can be had
   * @param basis method, runs and samples behind the interval, or why there is none
   */
  record Judged(double change, Bootstrap.Interval interval, String basis, String measured) {}

  private final HierarchicalBootstrap bootstrap;
  private final Optional<NoiseCalibration> calibration;

  RunLevelRegression(HierarchicalBootstrap bootstrap, Optional<NoiseCalibration> calibration) {
    this.bootstrap = bootstrap;
    this.calibration = calibration;
  }

  /** Empty when a run lacks client times for the request (or its control). */
  Optional<Judged> judge(
      List<RunData> baseline, List<RunData> candidate, String request, String control) {
    Optional<List<SecondSeries>> base = series(baseline, request, control);
    Optional<List<SecondSeries>> cand = series(candidate, request, control);
    if (base.isEmpty() || cand.isEmpty()) {
      return Optional.empty();
    }
    boolean relative = control != null;
    double b = HierarchicalBootstrap.pooled(base.get(), 0.95, relative);
    double c = HierarchicalBootstrap.pooled(cand.get(), 0.95, relative);
    double change = (c / b - 1) * 100;
    String measured =
        relative
            ? String.format(
                Locale.ROOT,
                "client p95 (µs log, nearest-rank) relative to '%s': ratio %.4f → %.4f",
                control,
                b,
                c)
            : String.format(
                Locale.ROOT,
                "client p95 (µs log, nearest-rank) %.3f → %.3f ms",
                b / 1000,
                c / 1000);
    List<Bootstrap.Interval> intervals = new ArrayList<>();
    List<String> bases = new ArrayList<>();
    if (base.get().size() >= 2 && cand.get().size() >= 2) {
      intervals.add(bootstrap.percentChange(base.get(), cand.get(), 0.95, relative));
      bases.add(bootstrap.basis(base.get(), cand.get()));
    }
    if (calibration.isPresent()) {
      double sd = relative ? calibration.get().relativeP95LogSd() : calibration.get().p95LogSd();
      if (Double.isFinite(sd)) {
        intervals.add(calibrated(change, sd, base.get().size(), cand.get().size()));
        bases.add(
            String.format(
                Locale.ROOT,
                "between-run spread of %s, %d+%d runs, %d+%d samples",
                calibration.get().describe(relative),
                base.get().size(),
                cand.get().size(),
                samples(base.get()),
                samples(cand.get())));
      }
    }
    if (intervals.isEmpty()) {
      return Optional.of(
          new Judged(
              change,
              null,
              String.format(
                  Locale.ROOT,
                  "%d+%d runs and no calibration of this machine and experiment: one run a side"
                      + " cannot support a regression claim (give 2+ runs a side, or run"
                      + " `aerobench calibrate`)",
                  base.get().size(),
                  cand.get().size()),
              measured));
    }
    // The wider interval decides: neither source of run-to-run noise may be left out.
    int widest = 0;
    for (int i = 1; i < intervals.size(); i++) {
      if (width(intervals.get(i)) > width(intervals.get(widest))) {
        widest = i;
      }
    }
    return Optional.of(new Judged(change, intervals.get(widest), bases.get(widest), measured));
  }

  /**
   * The change's interval from the calibrated spread s of ln p95 of one run: ln ratio ± z × s⁺ ×
   * √(1/k_base + 1/k_candidate), where s⁺ is s raised to its one-sided 95 % chi-squared bound over
   * the calibration's runs ({@link NoiseCalibration#trustedSd}): a spread seen in 4 consecutive
   * runs understates the spread of runs made hours apart, as the gate study measured.
   */
  private Bootstrap.Interval calibrated(double change, double sd, int kBase, int kCand) {
    double log = Math.log1p(change / 100);
    double half =
        StudentT.normalTwoSided(0.95)
            * calibration.get().trustedSd(sd)
            * Math.sqrt(1.0 / kBase + 1.0 / kCand);
    return new Bootstrap.Interval(
        change, Math.expm1(log - half) * 100, Math.expm1(log + half) * 100, 0.95);
  }

  private static double width(Bootstrap.Interval i) {
    return i.high() - i.low();
  }

  private static long samples(List<SecondSeries> runs) {
    return runs.stream().mapToLong(r -> r.samples(0)).sum();
  }

  private static Optional<List<SecondSeries>> series(
      List<RunData> runs, String request, String control) {
    List<SecondSeries> all = new ArrayList<>();
    for (RunData run : runs) {
      Optional<SecondSeries> s =
          control == null ? run.clientSeries(request) : run.clientSeries(request, control);
      if (s.isEmpty()) {
        return Optional.empty();
      }
      all.add(s.get());
    }
    return Optional.of(all);
  }

  /** The control request of a request under {@code regression.relative.to}, or null. */
  static String controlOf(String request, String relativeTo) {
    RequestName name = RequestName.parse(request);
    if (relativeTo == null || name.client().equals(relativeTo)) {
      return null;
    }
    return name.mode() + " " + relativeTo;
  }
}
