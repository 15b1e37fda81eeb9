package org.aerobench.bench;

/** Temporary: replaced by the report.stats helper when the report branch lands. */
final class Percentiles {

  private Percentiles() {}

  /** Linear interpolation percentile of sorted values: idx = (n − 1) · p / 100. */
  static double linear(double[] sorted, double percentile) {
    if (sorted.length == 0) {
      return 0;
    }
    double index = (sorted.length - 1) * percentile / 100.0;
    int lo = (int) index;
    if (lo + 1 >= sorted.length) {
      return sorted[lo];
    }
    return sorted[lo] + (index - lo) * (sorted[lo + 1] - sorted[lo]);
  }
}
