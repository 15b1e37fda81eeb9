package org.aerobench.app.metrics;

import java.util.TreeSet;

/**
 * The histogram bucket sets in seconds: the reference's (§5, named as there) and the ones the app
 * registers, which keep every reference boundary and add finer ones from 0.25 ms. With a server p95
 * of a few milliseconds, the reference's first bucket (10 ms for the whole request) held every
 * observation, and {@code histogram_quantile} answered 9.5 ms for every client.
 */
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

  /**
   * About four bounds per doubling from 0.25 ms to 100 ms: a stage of this system takes from a few
   * microseconds (key extraction) to tens of milliseconds (a saturated gather).
   */
  private static final double[] FINE = {
    0.00025, 0.0005, 0.00075, 0.001, 0.0015, 0.002, 0.0025, 0.003, 0.004, 0.005, 0.006, 0.0075,
    0.010, 0.0125, 0.015, 0.020, 0.025, 0.030, 0.040, 0.050, 0.075, 0.100
  };

  /** Whole request, whole read, queue: the reference's 10 ms .. 2 s, resolved from 0.25 ms. */
  static final double[] REQUEST = resolving(B10MS_2S);

  /** One set's call: the reference's 5 ms .. 1 s, resolved from 0.25 ms. */
  static final double[] SET_CALL = resolving(B5MS_1S);

  /** Features and inference: the reference's 1 .. 100 ms, resolved from 0.25 ms. */
  static final double[] COMPUTE = resolving(B1MS_100MS);

  /** Key extraction: the reference's 0.5 .. 50 ms, resolved from 0.25 ms. */
  static final double[] KEYS = resolving(B05MS_50MS);

  /** Response build: the reference's 0.5 .. 20 ms, resolved from 0.25 ms. */
  static final double[] RESPONSE = resolving(B05MS_20MS);

  private Buckets() {}

  /** The reference's bounds plus every finer bound up to its largest one, ascending. */
  static double[] resolving(double[] reference) {
    TreeSet<Double> bounds = new TreeSet<>();
    double top = reference[reference.length - 1];
    for (double b : reference) {
      bounds.add(b);
    }
    for (double b : FINE) {
      if (b <= top) {
        bounds.add(b);
      }
    }
    return bounds.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
