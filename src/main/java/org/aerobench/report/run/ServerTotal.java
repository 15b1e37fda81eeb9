package org.aerobench.report.run;

import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.aerobench.report.stats.Bootstrap;
import org.aerobench.report.stats.ValueCounts;

/**
 * One request's server-measured total time (the {@link Stage#TOTAL} histogram, µs) and the same
 * distribution in milliseconds as the bootstrap resamples it. The one place the reports, the gate
 * and the run diff get "the request's total_ms" from.
 */
public record ServerTotal(Histogram micros, ValueCounts millis) {

  private static final double MICROS_TO_MS = 0.001;

  /** The request's total, or null when there are no server times or no samples for it. */
  public static ServerTotal of(Optional<ServerTimes> times, String request) {
    if (times.isEmpty()) {
      return null;
    }
    Histogram h = times.get().total(request);
    return h == null ? null : new ServerTotal(h, ValueCounts.of(h, MICROS_TO_MS));
  }

  /** Mean in ms. */
  public double meanMs() {
    return micros.getMean() * MICROS_TO_MS;
  }

  /**
   * Percentile {@code p} (0..100) in ms, nearest-rank on the value counts: the definition the
   * bootstrap's Δ and interval use, so a shown p95 and its Δ agree (HdrHistogram's
   * getValueAtPercentile reports the bucket's highest equivalent value instead).
   */
  public double percentileMs(double p) {
    return millis.quantile(p / 100);
  }

  /**
   * Bootstrap intervals of (this − {@code baseline}) at each quantile (0..1); null when either side
   * has too few samples.
   */
  public Bootstrap.Interval[] minus(ServerTotal baseline, Bootstrap bootstrap, double... q) {
    return bootstrap.differences(baseline.millis, millis, q);
  }
}
