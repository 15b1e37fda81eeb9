package org.aerobench.report.envA;

import java.util.Arrays;
import org.aerobench.report.stats.Percentiles;

/**
 * One (client, set, batch size) combination of the environment A benchmark, as the reference's
 * {@code summary.csv} row. Times are milliseconds; {@code tps = concurrency / mean wall time of an
 * iteration}; {@code cv = stddev / mean}; {@code foundRatio} in 0..1.
 */
public record ComboResult(
    String client,
    String set,
    int batchSize,
    int concurrency,
    int iterations,
    double mean,
    double p50,
    double p90,
    double p95,
    double p99,
    double min,
    double max,
    double stddev,
    double cv,
    double foundRatio,
    double tps) {

  /**
   * The reference's statistics (§2.2) from one combination's raw measurements.
   *
   * @param latenciesMs every call's own latency (concurrency × iterations samples)
   * @param wallTimesSeconds one wall time per measured iteration (all concurrent calls)
   * @param found records found over all calls
   * @param keys keys asked for over all calls
   * @throws IllegalArgumentException when there are no samples or a wall time is not positive
   */
  public static ComboResult of(
      String client,
      String set,
      int batchSize,
      int concurrency,
      int iterations,
      double[] latenciesMs,
      double[] wallTimesSeconds,
      long found,
      long keys) {
    if (latenciesMs.length == 0 || wallTimesSeconds.length == 0) {
      throw new IllegalArgumentException(
          client + "/" + set + "/" + batchSize + ": no samples were recorded");
    }
    double[] sorted = latenciesMs.clone();
    Arrays.sort(sorted);
    double mean = Percentiles.mean(sorted);
    double stddev = Percentiles.stddev(sorted);
    double meanWall = Percentiles.mean(wallTimesSeconds);
    if (!(meanWall > 0)) {
      throw new IllegalArgumentException(
          client
              + "/"
              + set
              + "/"
              + batchSize
              + ": mean wall time "
              + meanWall
              + " s is not positive");
    }
    return new ComboResult(
        client,
        set,
        batchSize,
        concurrency,
        iterations,
        mean,
        Percentiles.linear(sorted, 50),
        Percentiles.linear(sorted, 90),
        Percentiles.linear(sorted, 95),
        Percentiles.linear(sorted, 99),
        sorted[0],
        sorted[sorted.length - 1],
        stddev,
        mean == 0 ? 0 : stddev / mean,
        keys == 0 ? 0 : (double) found / keys,
        concurrency / meanWall);
  }
}
