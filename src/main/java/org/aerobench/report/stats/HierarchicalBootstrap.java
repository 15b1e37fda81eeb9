package org.aerobench.report.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Run-level interval of a quantile's change between two sets of runs (candidate vs baseline, in
 * percent): each resample draws, per side, as many runs as it has with replacement, then seconds of
 * each drawn run in blocks ({@link BlockBootstrap}), and pools what it drew. Two runs of unchanged
 * code differ by more than one run's requests suggest (JIT, GC, the machine's other load), so a
 * regression is judged on runs as the unit, not on requests.
 *
 * <p>With a control arm (each series' arm 1, e.g. {@code sync} of the same runs), the statistic is
 * the ratio of ratios {@code (cand/cand control) / (base/base control)}: what the machine does to
 * both arms of a run cancels.
 */
public final class HierarchicalBootstrap {

  private final int resamples;
  private final double confidence;
  private final long seed;

  public HierarchicalBootstrap(int resamples, double confidence, long seed) {
    this.resamples = new BlockBootstrap(resamples, confidence, seed).resamples();
    this.confidence = confidence;
    this.seed = seed;
  }

  public static HierarchicalBootstrap standard() {
    return new HierarchicalBootstrap(Bootstrap.DEFAULT_RESAMPLES, 0.95, Bootstrap.DEFAULT_SEED);
  }

  /**
   * Interval of the change of quantile {@code q} (0..1) in percent, candidate vs baseline.
   *
   * <p>observed ± t × the resamples' standard deviation × √(k/(k−1)), t with (runs − 2) degrees of
   * freedom, k the smaller side's runs: resampling 3 runs cannot show the spread of runs the way 30
   * could, and Student's t is the textbook allowance for it. Resampling seconds inside each drawn
   * run adds the within-run noise a second time (the runs' own spread already holds it), which
   * makes the interval conservative when runs hardly differ, e.g. with a control arm. Needs at
   * least 2 runs on each side.
   *
   * @param control true when each series has a control arm (arm 1) to divide by
   */
  public Bootstrap.Interval percentChange(
      List<SecondSeries> baseline, List<SecondSeries> candidate, double q, boolean control) {
    if (baseline.size() < 2 || candidate.size() < 2) {
      throw new IllegalArgumentException(
          "a run-level interval needs at least 2 runs per side, got "
              + baseline.size()
              + " and "
              + candidate.size());
    }
    List<SecondSeries> all = new ArrayList<>(baseline);
    all.addAll(candidate);
    ValueGrid grid = ValueGrid.of(all);
    int[] arms = control ? new int[] {0, 1} : new int[] {0};
    List<BlockBootstrap.Blocks> base = blocks(baseline, grid, arms);
    List<BlockBootstrap.Blocks> cand = blocks(candidate, grid, arms);
    SplittableRandom random = new SplittableRandom(seed);
    double[] changes = new double[resamples];
    long[][] dense = new long[arms.length][grid.size()];
    for (int r = 0; r < resamples; r++) {
      double b = side(base, grid, dense, q, random);
      double c = side(cand, grid, dense, q, random);
      changes[r] = (c / b - 1) * 100;
    }
    double observed = (pooled(candidate, q, control) / pooled(baseline, q, control) - 1) * 100;
    // Drawing k of k runs spreads like a sample of k with divisor k, not k - 1: undo that bias.
    int k = Math.min(baseline.size(), candidate.size());
    double unbias = Math.sqrt(k / (k - 1.0));
    Bootstrap.Interval raw =
        BlockBootstrap.interval(
            observed, changes, confidence, baseline.size() + candidate.size() - 2);
    double half = (raw.high() - raw.observed()) * unbias;
    return new Bootstrap.Interval(observed, observed - half, observed + half, confidence);
  }

  /** The side's pooled quantile (µs), or its ratio to the control arm's. */
  public static double pooled(List<SecondSeries> runs, double q, boolean control) {
    ValueGrid grid = ValueGrid.of(runs);
    long[][] dense = new long[control ? 2 : 1][grid.size()];
    for (SecondSeries run : runs) {
      for (int a = 0; a < dense.length; a++) {
        for (int s = 0; s < run.seconds(); s++) {
          grid.add(run, a, s, dense[a]);
        }
      }
    }
    double arm = grid.quantile(dense[0], q);
    return control ? arm / grid.quantile(dense[1], q) : arm;
  }

  /** "hierarchical bootstrap (runs, then 8-s blocks of seconds), 3+3 runs, ...". */
  public String basis(List<SecondSeries> baseline, List<SecondSeries> candidate) {
    return String.format(
        Locale.ROOT,
        "hierarchical bootstrap (runs, then blocks of seconds within each run), %d+%d runs,"
            + " %d+%d samples, %d resamples, t with %d df",
        baseline.size(),
        candidate.size(),
        samples(baseline),
        samples(candidate),
        resamples,
        baseline.size() + candidate.size() - 2);
  }

  static long samples(List<SecondSeries> runs) {
    return runs.stream().mapToLong(r -> r.samples(0)).sum();
  }

  private static List<BlockBootstrap.Blocks> blocks(
      List<SecondSeries> runs, ValueGrid grid, int[] arms) {
    return runs.stream().map(r -> new BlockBootstrap.Blocks(r, grid, arms)).toList();
  }

  private static double side(
      List<BlockBootstrap.Blocks> runs,
      ValueGrid grid,
      long[][] dense,
      double q,
      SplittableRandom random) {
    for (long[] d : dense) {
      Arrays.fill(d, 0);
    }
    for (int i = 0; i < runs.size(); i++) {
      runs.get(random.nextInt(runs.size())).draw(random, dense);
    }
    double arm = grid.quantile(dense[0], q);
    return dense.length > 1 ? arm / grid.quantile(dense[1], q) : arm;
  }
}
