package org.aerobench.report.envA;

/**
 * The reference's speedup formulas (§2.3): "left" is the baseline (e.g. sync), "right" the
 * challenger. Above 1 means the challenger is better.
 */
public final class Speedups {

  private Speedups() {}

  /** left.mean / right.mean. */
  public static double mean(ComboResult left, ComboResult right) {
    return mean(left.mean(), right.mean());
  }

  /** leftMean / rightMean: the same formula on means already averaged over combos. */
  public static double mean(double leftMean, double rightMean) {
    return leftMean / rightMean;
  }

  /** left.p99 / right.p99. */
  public static double p99(ComboResult left, ComboResult right) {
    return left.p99() / right.p99();
  }

  /** right.tps / left.tps. */
  public static double tps(ComboResult left, ComboResult right) {
    return tps(left.tps(), right.tps());
  }

  /** rightTps / leftTps: the same formula on throughputs already averaged over combos. */
  public static double tps(double leftTps, double rightTps) {
    return rightTps / leftTps;
  }
}
