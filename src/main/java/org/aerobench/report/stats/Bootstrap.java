package org.aerobench.report.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence intervals for the difference of a quantile between two recorded
 * distributions (challenger − baseline). Each resample draws n values with replacement from each
 * side's value counts; a fixed seed makes reports reproducible.
 */
public final class Bootstrap {

  /** Default resamples: enough for a stable 95% interval, fast for a few thousand samples. */
  public static final int DEFAULT_RESAMPLES = 1000;

  public static final long DEFAULT_SEED = 42;

  /**
   * Fewer samples than this on either side: no interval (a resampled quantile of 2 says nothing).
   */
  public static final int MIN_SAMPLES = 30;

  private final int resamples;
  private final double confidence;
  private final long seed;

  public Bootstrap(int resamples, double confidence, long seed) {
    if (resamples < 100) {
      throw new IllegalArgumentException("resamples " + resamples + " is below 100");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence " + confidence + " is not in (0, 1)");
    }
    this.resamples = resamples;
    this.confidence = confidence;
    this.seed = seed;
  }

  /** 1,000 resamples, 95%, seed 42. */
  public static Bootstrap standard() {
    return new Bootstrap(DEFAULT_RESAMPLES, 0.95, DEFAULT_SEED);
  }

  public double confidence() {
    return confidence;
  }

  public int resamples() {
    return resamples;
  }

  /**
   * Intervals for the difference of each quantile in {@code quantiles} (0..1), computed from the
   * same resamples. Returns one {@link Interval} per quantile, in order; null when either side has
   * fewer than {@link #MIN_SAMPLES} samples.
   */
  public Interval[] differences(ValueCounts baseline, ValueCounts challenger, double... quantiles) {
    if (baseline.size() < MIN_SAMPLES || challenger.size() < MIN_SAMPLES) {
      return null;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] diffs = new double[quantiles.length][resamples];
    long[] baseCounts = new long[baseline.distinct()];
    long[] challengerCounts = new long[challenger.distinct()];
    for (int r = 0; r < resamples; r++) {
      resample(baseline, baseCounts, random);
      resample(challenger, challengerCounts, random);
      for (int k = 0; k < quantiles.length; k++) {
        diffs[k][r] =
            challenger.quantileOfCounts(challengerCounts, quantiles[k])
                - baseline.quantileOfCounts(baseCounts, quantiles[k]);
      }
    }
    Interval[] intervals = new Interval[quantiles.length];
    double tail = (1 - confidence) / 2 * 100;
    for (int k = 0; k < quantiles.length; k++) {
      Arrays.sort(diffs[k]);
      double observed = challenger.quantile(quantiles[k]) - baseline.quantile(quantiles[k]);
      intervals[k] =
          new Interval(
              observed,
              Percentiles.linear(diffs[k], tail),
              Percentiles.linear(diffs[k], 100 - tail),
              confidence);
    }
    return intervals;
  }

  private static void resample(ValueCounts from, long[] counts, SplittableRandom random) {
    Arrays.fill(counts, 0);
    int[] table = from.rankTable();
    if (table != null) {
      int n = table.length;
      for (int i = 0; i < n; i++) {
        counts[table[random.nextInt(n)]]++;
      }
      return;
    }
    long n = from.size();
    for (long i = 0; i < n; i++) {
      counts[from.indexOfRank(random.nextLong(n))]++;
    }
  }

  /**
   * A difference (challenger − baseline) with its confidence interval.
   *
   * @param observed difference of the full samples
   * @param low lower bound
   * @param high upper bound
   * @param confidence e.g. 0.95
   */
  public record Interval(double observed, double low, double high, double confidence) {

    /** True when the interval excludes 0: the difference is not explained by resampling noise. */
    public boolean beyondNoise() {
      return low > 0 || high < 0;
    }

    /** "beyond noise" or "within noise". */
    public String verdict() {
      return beyondNoise() ? "beyond noise" : "within noise";
    }
  }
}
