package org.aerobench.report.stats;

/** Percentiles of a sample, as the reference's {@code _pct}: linear interpolation between ranks. */
public final class Percentiles {

  private Percentiles() {}

  /**
   * The {@code p}-th percentile of already sorted values: index {@code (n-1)·p/100}, interpolated
   * linearly between the two neighbouring values.
   *
   * @throws IllegalArgumentException when the sample is empty or {@code p} is outside 0..100
   */
  public static double linear(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("percentile of an empty sample is undefined");
    }
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile " + p + " is outside 0..100");
    }
    double index = (sorted.length - 1) * p / 100.0;
    int lower = (int) Math.floor(index);
    int upper = (int) Math.ceil(index);
    double fraction = index - lower;
    return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
  }

  /** Arithmetic mean; NaN for an empty sample. */
  public static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Sample standard deviation (n − 1 in the denominator); 0 for n < 2. */
  public static double stddev(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = mean(values);
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }
}
