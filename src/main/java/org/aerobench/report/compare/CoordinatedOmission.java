package org.aerobench.report.compare;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.aerobench.report.compare.Comparison.MetricRow;
import org.aerobench.report.compare.Comparison.ModeComparison;

/**
 * How much a closed model's percentiles hide: a user waits for each response (and then its pause)
 * before its next request, so during a stall it sends one late request where an arrival process at
 * the same cadence would have sent one every pause. From the client-times log, per request name:
 * the responses that held their user back by more than its pause, and HdrHistogram's
 * expected-interval correction with interval = the pause ({@link
 * Histogram#copyCorrectedForCoordinatedOmission}), which adds for each response of {@code r > p}
 * the values {@code r − p, r − 2p, …} that the requests not sent meanwhile would have seen.
 */
final class CoordinatedOmission {

  /** Source of these rows in {@link MetricRow#source()}. */
  static final String SOURCE = "co";

  private CoordinatedOmission() {}

  /** The rows for one mode; none for an open or unknown model, a 0 pause or no client times. */
  static List<MetricRow> rows(
      RunData run, List<RequestName> names, Design.LoadModel load, boolean hasBaseline) {
    if (!load.closed() || load.pause() == null || run.clientTimes().isEmpty()) {
      return List.of();
    }
    long intervalMicros = load.pause().toNanos() / 1000;
    if (intervalMicros <= 0) {
      return List.of();
    }
    List<Double> delayed = new ArrayList<>();
    List<Double> omitted = new ArrayList<>();
    List<Double> p95 = new ArrayList<>();
    List<Double> p99 = new ArrayList<>();
    for (RequestName name : names) {
      Histogram measured = run.clientTimes().get().total(name.full());
      if (measured.getTotalCount() == 0) {
        delayed.add(null);
        omitted.add(null);
        p95.add(null);
        p99.add(null);
        continue;
      }
      Histogram corrected = measured.copyCorrectedForCoordinatedOmission(intervalMicros);
      delayed.add((double) longerThan(measured, intervalMicros));
      omitted.add((double) (corrected.getTotalCount() - measured.getTotalCount()));
      p95.add(corrected.getValueAtPercentile(95) / 1000.0);
      p99.add(corrected.getValueAtPercentile(99) / 1000.0);
    }
    String pause = Design.millis(load.pause());
    List<MetricRow> rows = new ArrayList<>();
    rows.add(count("responses > pause " + pause, delayed, names));
    rows.add(count("omitted (estimate)", omitted, names));
    rows.add(latency("p95 CO-corrected", p95, names, hasBaseline));
    rows.add(latency("p99 CO-corrected", p99, names, hasBaseline));
    return rows;
  }

  /** The closed model's caveat, with how many responses held their user back (when known). */
  static String verdict(List<ModeComparison> modes) {
    long delayed = 0;
    boolean counted = false;
    for (ModeComparison mode : modes) {
      if (mode.mode().equals("warmup")) {
        continue;
      }
      for (MetricRow row : mode.rows()) {
        if (row.source().equals(SOURCE)
            && row.unit().equals("requests")
            && row.metric().startsWith("responses > pause")) {
          counted = true;
          delayed +=
              row.values().stream().filter(v -> v != null).mapToLong(Double::longValue).sum();
        }
      }
    }
    return "Closed model: every percentile here is subject to coordinated omission (a stalled"
        + " response holds back its user's next requests, so the stall is measured once)"
        + (counted
            ? "; "
                + delayed
                + " responses held their user back by more than its pause (rows 'responses >"
                + " pause' and 'CO-corrected' per mode)."
            : "; no pause or client times recorded, so how much it hides is not estimated.");
  }

  /** Responses whose whole equivalence range lies above the interval. */
  static long longerThan(Histogram h, long micros) {
    long n = 0;
    for (HistogramIterationValue v : h.recordedValues()) {
      if (h.lowestEquivalentValue(v.getValueIteratedTo()) > micros) {
        n += v.getCountAtValueIteratedTo();
      }
    }
    return n;
  }

  private static MetricRow count(String metric, List<Double> values, List<RequestName> names) {
    return new MetricRow(
        metric, "requests", SOURCE, true, values, ComparisonBuilder.nulls(names.size() - 1));
  }

  private static MetricRow latency(
      String metric, List<Double> values, List<RequestName> names, boolean hasBaseline) {
    return new MetricRow(
        metric,
        "ms",
        SOURCE,
        true,
        values,
        ComparisonBuilder.advantages(values, names, true, hasBaseline, null));
  }
}
