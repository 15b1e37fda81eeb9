package org.aerobench.bench;

import java.util.Arrays;

/**
 * The reference's per-combination statistics (§2.2 step 4), all in milliseconds: mean, linear
 * interpolation percentiles, sample standard deviation, cv = stddev / mean, min, max, tps =
 * concurrency / mean wall time of an iteration (seconds), found ratio = found / keys. Empty inputs
 * give zeros, as in the reference.
 */
public record ComboStatistics(
    double meanMs,
    double p50Ms,
    double p90Ms,
    double p95Ms,
    double p99Ms,
    double minMs,
    double maxMs,
    double stddevMs,
    double cv,
    double tps,
    double foundRatio) {

  /** Computes the statistics of one combination's samples. */
  public static ComboStatistics of(ComboSamples samples, int concurrency) {
    return of(
        samples.latenciesMs(), samples.wallTimesMs(), samples.found(), samples.keys(), concurrency);
  }

  /** Computes the statistics from call latencies and iteration wall times in milliseconds. */
  public static ComboStatistics of(
      double[] latenciesMs, double[] wallTimesMs, long found, long keys, int concurrency) {
    double[] sorted = latenciesMs.clone();
    Arrays.sort(sorted);
    double mean = mean(sorted);
    double stddev = sampleStddev(sorted, mean);
    double meanWallSeconds = mean(wallTimesMs) / 1000.0;
    return new ComboStatistics(
        mean,
        Percentiles.linear(sorted, 50),
        Percentiles.linear(sorted, 90),
        Percentiles.linear(sorted, 95),
        Percentiles.linear(sorted, 99),
        sorted.length == 0 ? 0 : sorted[0],
        sorted.length == 0 ? 0 : sorted[sorted.length - 1],
        stddev,
        mean > 0 ? stddev / mean : 0,
        meanWallSeconds > 0 ? concurrency / meanWallSeconds : 0,
        keys > 0 ? (double) found / keys : 0);
  }

  private static double mean(double[] values) {
    return values.length == 0 ? 0 : Arrays.stream(values).sum() / values.length;
  }

  // Python's statistics.stdev: the sample (n - 1) standard deviation, 0 below two values.
  private static double sampleStddev(double[] values, double mean) {
    if (values.length < 2) {
      return 0;
    }
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}
