package org.aerobench.report.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Paired circular block bootstrap over time for the difference of a quantile between two arms of
 * one run. A resample draws blocks of consecutive seconds (the same seconds for both arms: the
 * pairing), sums each arm's samples of those seconds and takes each arm's nearest-rank quantile;
 * the interval is the percentile interval of the resampled differences.
 *
 * <p>Why: requests of one run are not independent. Neighbouring seconds share JIT state, GC and
 * whatever else the machine is doing, so an i.i.d. bootstrap of requests treats a few slow seconds
 * as many independent slow samples and its interval is too narrow. Resampling whole seconds keeps
 * the dependence within a second; blocks of several seconds keep most of the dependence between
 * neighbouring seconds; drawing the same seconds for both arms keeps what they share (conditions
 * common to both cancel in the difference instead of being counted twice).
 */
public final class BlockBootstrap {

  private final int resamples;
  private final double confidence;
  private final long seed;

  public BlockBootstrap(int resamples, double confidence, long seed) {
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

  /** 1,000 resamples, 95 %, seed 42 (as {@link Bootstrap#standard()}). */
  public static BlockBootstrap standard() {
    return new BlockBootstrap(Bootstrap.DEFAULT_RESAMPLES, 0.95, Bootstrap.DEFAULT_SEED);
  }

  public int resamples() {
    return resamples;
  }

  public double confidence() {
    return confidence;
  }

  long seed() {
    return seed;
  }

  /**
   * Block length in seconds for a run of {@code seconds}: the cube root of its length (rounded),
   * the usual rate for block bootstraps of a variance-like statistic: 3 s for 30 s, 4 s for 60 s.
   */
  public static int blockLength(int seconds) {
    return Math.max(1, (int) Math.round(Math.sqrt(seconds)));
  }

  /**
   * Intervals of (challenger − baseline) at each quantile (0..1), µs; null when either arm has
   * fewer than {@link Bootstrap#MIN_SAMPLES} samples or the run fewer than 2 seconds.
   */
  public Bootstrap.Interval[] differences(
      SecondSeries series, int baseline, int challenger, double... quantiles) {
    if (series.samples(baseline) < Bootstrap.MIN_SAMPLES
        || series.samples(challenger) < Bootstrap.MIN_SAMPLES
        || series.seconds() < 2) {
      return null;
    }
    ValueGrid grid = ValueGrid.of(List.of(series));
    Blocks blocks = new Blocks(series, grid, new int[] {baseline, challenger});
    SplittableRandom random = new SplittableRandom(seed);
    double[][] diffs = new double[quantiles.length][resamples];
    long[][] dense = new long[2][grid.size()];
    for (int r = 0; r < resamples; r++) {
      Arrays.fill(dense[0], 0);
      Arrays.fill(dense[1], 0);
      blocks.draw(random, dense);
      for (int k = 0; k < quantiles.length; k++) {
        diffs[k][r] = grid.quantile(dense[1], quantiles[k]) - grid.quantile(dense[0], quantiles[k]);
      }
    }
    Bootstrap.Interval[] intervals = new Bootstrap.Interval[quantiles.length];
    for (int k = 0; k < quantiles.length; k++) {
      double observed =
          series.quantile(challenger, quantiles[k]) - series.quantile(baseline, quantiles[k]);
      intervals[k] = interval(observed, diffs[k], confidence, blocks.count() - 1);
    }
    return intervals;
  }

  /** What an interval of {@link #differences} rests on, for the reports. */
  public String basis(SecondSeries series, int baseline, int challenger) {
    return String.format(
        Locale.ROOT,
        "paired block bootstrap over time, 1 run, %d s in %d-s blocks, %d+%d samples, %d"
            + " resamples",
        series.seconds(),
        blockLength(series.seconds()),
        series.samples(baseline),
        series.samples(challenger),
        resamples);
  }

  /**
   * observed ± t(df) × the resamples' standard deviation. A run of 30 s is only a handful of
   * independent blocks: the resamples then understate the spread the way a normal quantile
   * understates a mean's interval from a small sample, hence Student's t on the number of blocks.
   */
  static Bootstrap.Interval interval(
      double observed, double[] resampled, double confidence, double df) {
    double[] finite = Arrays.stream(resampled).filter(Double::isFinite).toArray();
    double half = StudentT.twoSided(confidence, Math.max(1, df)) * Percentiles.stddev(finite);
    return new Bootstrap.Interval(observed, observed - half, observed + half, confidence);
  }

  /** Circular blocks of seconds of one run, accumulated for some of its arms. */
  static final class Blocks {
    private final int[][][] idx;
    private final long[][][] counts;
    private final int[] arms;
    private final int seconds;
    private final int length;

    Blocks(SecondSeries series, ValueGrid grid, int[] arms) {
      this.idx = grid.indexes(series);
      this.counts = series.counts;
      this.arms = arms;
      this.seconds = series.seconds();
      this.length = Math.min(blockLength(seconds), seconds);
    }

    /** Independent blocks per resample. */
    int count() {
      return (seconds + length - 1) / length;
    }

    /** Adds one resample (as many seconds as the run has) of each arm into {@code dense[arm]}. */
    void draw(SplittableRandom random, long[][] dense) {
      int drawn = 0;
      while (drawn < seconds) {
        int start = random.nextInt(seconds);
        for (int j = 0; j < length && drawn < seconds; j++, drawn++) {
          int s = (start + j) % seconds;
          for (int a = 0; a < arms.length; a++) {
            int[] index = idx[arms[a]][s];
            long[] count = counts[arms[a]][s];
            long[] into = dense[a];
            for (int i = 0; i < index.length; i++) {
              into[index[i]] += count[i];
            }
          }
        }
      }
    }
  }
}
