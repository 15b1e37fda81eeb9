package org.aerobench.bench;

import java.util.Arrays;
import org.aerobench.report.envA.ComboResult;
import org.aerobench.report.stats.Percentiles;

/**
 * The reference's per-combination statistics (§2.2 step 4), in milliseconds: mean, linear
 * interpolation percentiles (idx = (n − 1) · p / 100), sample standard deviation, cv = stddev /
 * mean, min, max, tps = concurrency / mean wall time of an iteration in seconds, found ratio =
 * found / keys. No samples give zeros, as in the reference.
 */
public final class ComboResults {

  private ComboResults() {}

  /** The result row of one measured combination. */
  public static ComboResult of(
      ComboKey key, int concurrency, int iterations, ComboSamples samples) {
    return of(
        key,
        concurrency,
        iterations,
        samples.latenciesMs(),
        samples.wallTimesMs(),
        samples.found(),
        samples.keys());
  }

  /** The result row from call latencies and iteration wall times in milliseconds. */
  public static ComboResult of(
      ComboKey key,
      int concurrency,
      int iterations,
      double[] latenciesMs,
      double[] wallTimesMs,
      long found,
      long keys) {
    double[] sorted = latenciesMs.clone();
    Arrays.sort(sorted);
    double mean = sorted.length == 0 ? 0 : Percentiles.mean(sorted);
    double stddev = Percentiles.stddev(sorted);
    double meanWallSeconds = wallTimesMs.length == 0 ? 0 : Percentiles.mean(wallTimesMs) / 1000.0;
    return new ComboResult(
        key.client().wireName(),
        key.set().setName(),
        key.batchSize(),
        concurrency,
        iterations,
        mean,
        percentile(sorted, 50),
        percentile(sorted, 90),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted.length == 0 ? 0 : sorted[0],
        sorted.length == 0 ? 0 : sorted[sorted.length - 1],
        stddev,
        mean > 0 ? stddev / mean : 0,
        keys > 0 ? (double) found / keys : 0,
        meanWallSeconds > 0 ? concurrency / meanWallSeconds : 0);
  }

  private static double percentile(double[] sorted, double p) {
    return sorted.length == 0 ? 0 : Percentiles.linear(sorted, p);
  }
}
