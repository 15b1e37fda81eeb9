package org.aerobench.report.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The quantiles the noise model needs, from commons-math: Student's t for an interval built on few
 * independent blocks (or runs), whose spread a normal quantile would understate; the chi-squared
 * bound for a spread estimated from few runs; the normal quantile.
 */
public final class StudentT {

  private StudentT() {}

  /** The t quantile with {@code df} degrees of freedom for a two-sided {@code confidence}. */
  public static double twoSided(double confidence, double df) {
    if (df <= 0) {
      throw new IllegalArgumentException("degrees of freedom " + df + " must be positive");
    }
    return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  /** The standard normal quantile for a two-sided {@code confidence}: 1.96 at 0.95. */
  public static double normalTwoSided(double confidence) {
    return new NormalDistribution(null, 0, 1)
        .inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  /**
   * How much larger than a sample standard deviation of {@code n} values the true one can be, at
   * one-sided {@code confidence}: √((n−1)/χ²) with χ² the chi-squared quantile of 1 − confidence
   * and n−1 degrees of freedom (2.92 for 4 values at 95 %, 1.65 for 10, 1.37 for 20).
   */
  public static double sdUpperFactor(double confidence, int n) {
    if (n < 2) {
      throw new IllegalArgumentException("a spread needs at least 2 values, got " + n);
    }
    double chi =
        new ChiSquaredDistribution(null, n - 1).inverseCumulativeProbability(1 - confidence);
    return Math.sqrt((n - 1) / chi);
  }
}
