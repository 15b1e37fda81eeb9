package org.aerobench.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.compare.Comparison.Noise;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.ServerTotal;
import org.aerobench.report.stats.Bootstrap;

/**
 * One run against an earlier one of the same simulation: per request name the change in p95 and
 * throughput, p95 flagged when the bootstrap interval on the server-times distributions excludes 0.
 *
 * @param run the later run's folder name
 * @param against the earlier run's folder name
 * @param rows request names present in both runs
 * @param notes how to read the columns; requests present in only one run
 */
public record RunDiff(
    String run, String against, String simulation, List<Row> rows, List<String> notes) {

  /** The verdict of a p95 whose within-run interval lies above 0: a hint, not a regression. */
  public static final String WORSE =
      "worse beyond within-run noise only (not a regression claim: use the gate)";

  /** The same below 0. */
  public static final String BETTER =
      "better beyond within-run noise only (not a regression claim: use the gate)";

  /**
   * One request name.
   *
   * @param p95Source "gatling" (whole ms) or "server" (total_ms)
   * @param noise interval of the server p95 difference (after − before), null without samples
   * @param verdict {@link #WORSE}, {@link #BETTER}, "within noise", "too few samples" or "no server
   *     samples": never a plain "beyond noise", because the interval holds one run's noise a side
   *     and not the noise between runs, which the gate study measured to be far larger
   * @param rpsBefore requests per second in the earlier run, from {@link Throughput} (per phase
   *     when both runs recorded the phase's window, else Gatling's Cnt/s in both)
   * @param rpsAfter the same in the later run
   */
  public record Row(
      String request,
      Double p95Before,
      Double p95After,
      Double p95ChangePercent,
      String p95Source,
      Noise noise,
      String verdict,
      double rpsBefore,
      double rpsAfter,
      Double rpsChangePercent) {}

  /**
   * Compares {@code run} with the earlier {@code baseline}.
   *
   * @throws ReportInputException when they are runs of different simulations
   */
  public static RunDiff of(RunData run, RunData baseline, Bootstrap bootstrap) {
    if (!run.simulation().equals(baseline.simulation())) {
      throw new ReportInputException(
          baseline.folder()
              + " is a run of "
              + baseline.simulation()
              + " but "
              + run.folder()
              + " is a run of "
              + run.simulation()
              + ": expected two runs of the same simulation");
    }
    boolean gatlingP95 =
        run.gatling().percentiles().contains(95.0)
            && baseline.gatling().percentiles().contains(95.0);
    List<Row> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Throughput.Change> changes = new ArrayList<>();
    for (RequestStats after : run.gatling().requests()) {
      Optional<RequestStats> before = baseline.gatling().request(after.name());
      if (before.isEmpty()) {
        notes.add("'" + after.name() + "' is new in " + run.name() + ": nothing to compare.");
        continue;
      }
      ServerTotal histBefore = ServerTotal.of(baseline.serverTimes(), after.name());
      ServerTotal histAfter = ServerTotal.of(run.serverTimes(), after.name());
      Double p95Before;
      Double p95After;
      if (gatlingP95) {
        p95Before = toDouble(before.get().percentile(95.0));
        p95After = toDouble(after.percentile(95.0));
      } else {
        p95Before = histBefore == null ? null : histBefore.percentileMs(95);
        p95After = histAfter == null ? null : histAfter.percentileMs(95);
      }
      Noise noise = null;
      String verdict = "no server samples";
      if (histBefore != null && histAfter != null) {
        Bootstrap.Interval[] intervals = histAfter.minus(histBefore, bootstrap, 0.95);
        if (intervals == null) {
          verdict = "too few samples (< " + Bootstrap.MIN_SAMPLES + ")";
        } else {
          Bootstrap.Interval interval = intervals[0];
          noise =
              Noise.of(
                  interval,
                  1,
                  "i.i.d. bootstrap of server total_ms requests; within each run only, run-to-run"
                      + " variance not included: use the gate for a regression claim");
          verdict = !interval.beyondNoise() ? "within noise" : interval.low() > 0 ? WORSE : BETTER;
        }
      }
      Throughput.Change rps =
          Throughput.change(baseline.throughput(before.get()), run.throughput(after));
      changes.add(rps);
      rows.add(
          new Row(
              after.name(),
              p95Before,
              p95After,
              change(p95Before, p95After),
              gatlingP95 ? "gatling" : "server",
              noise,
              verdict,
              rps.before().perSecond(),
              rps.after().perSecond(),
              rps.percent()));
    }
    for (RequestStats old : baseline.gatling().requests()) {
      if (run.gatling().request(old.name()).isEmpty()) {
        notes.add("'" + old.name() + "' is gone in " + run.name() + ".");
      }
    }
    notes.add(
        "p95 change uses "
            + (gatlingP95 ? "Gatling's p95 column (whole ms)" : "the server times (total_ms)")
            + "; the noise verdict always comes from a bootstrap of the server-times total_ms"
            + " p95 difference.");
    notes.addAll(Throughput.changeNotes(changes, run.name(), baseline.name()));
    notes.add(
        "req/s is one number per run and phase, so no interval: treat changes under a few"
            + " percent as noise, and a change in users, pauses or arrival rate as a different"
            + " experiment.");
    return new RunDiff(run.name(), baseline.name(), run.simulation(), rows, notes);
  }

  private static Double change(Double before, Double after) {
    if (before == null || after == null || before == 0) {
      return null;
    }
    return (after - before) / before * 100;
  }

  private static Double toDouble(Long v) {
    return v == null ? null : v.doubleValue();
  }
}
