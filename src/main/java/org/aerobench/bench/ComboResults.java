package org.aerobench.bench;

import org.aerobench.report.envA.ComboResult;

/**
 * Turns one combination's raw samples into its result row with the report's statistics ({@link
 * ComboResult#of}: the reference's §2.2 step 4, linear-interpolation percentiles, sample stddev,
 * tps = concurrency / mean iteration wall time).
 */
public final class ComboResults {

  private ComboResults() {}

  /** The result row of one measured combination. */
  public static ComboResult of(
      ComboKey key, int concurrency, int iterations, ComboSamples samples) {
    double[] wallSeconds = samples.wallTimesMs();
    for (int i = 0; i < wallSeconds.length; i++) {
      wallSeconds[i] /= 1000.0;
    }
    return ComboResult.of(
        key.client(),
        key.set().setName(),
        key.batchSize(),
        concurrency,
        iterations,
        samples.latenciesMs(),
        wallSeconds,
        samples.found(),
        samples.keys());
  }
}
