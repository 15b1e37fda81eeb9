package org.aerobench.app.metrics;

/** The reference's histogram bucket sets in seconds (reference §5), named as there. */
final class Buckets {

  static final double[] B10MS_2S = {
    0.010, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5, 2.0
  };
  static final double[] B5MS_1S = {
    0.005, 0.010, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1.0
  };
  static final double[] B1MS_100MS = {
    0.001, 0.002, 0.005, 0.010, 0.020, 0.030, 0.050, 0.075, 0.100
  };
  static final double[] B05MS_50MS = {0.0005, 0.001, 0.002, 0.005, 0.010, 0.020, 0.030, 0.050};
  static final double[] B05MS_20MS = {0.0005, 0.001, 0.002, 0.005, 0.010, 0.015, 0.020};
  static final double[] RATIO = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

  private Buckets() {}
}
