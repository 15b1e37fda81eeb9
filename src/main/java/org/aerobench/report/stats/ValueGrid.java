package org.aerobench.report.stats;

import java.util.Arrays;
import java.util.List;

/**
 * The distinct values of several {@link SecondSeries}, sorted, so a resample is a dense array of
 * counts per value and its quantile one cumulative scan.
 */
final class ValueGrid {

  private final long[] values;

  private ValueGrid(long[] values) {
    this.values = values;
  }

  static ValueGrid of(List<SecondSeries> series) {
    long[] all =
        series.stream()
            .flatMap(s -> Arrays.stream(s.values))
            .flatMap(Arrays::stream)
            .flatMapToLong(Arrays::stream)
            .distinct()
            .sorted()
            .toArray();
    return new ValueGrid(all);
  }

  int size() {
    return values.length;
  }

  /** Grid index of every value of every second of every arm: [arm][second][i]. */
  int[][][] indexes(SecondSeries series) {
    int[][][] idx = new int[series.arms()][series.seconds()][];
    for (int a = 0; a < series.arms(); a++) {
      for (int s = 0; s < series.seconds(); s++) {
        long[] v = series.values[a][s];
        idx[a][s] = new int[v.length];
        for (int i = 0; i < v.length; i++) {
          idx[a][s][i] = Arrays.binarySearch(values, v[i]);
        }
      }
    }
    return idx;
  }

  /** Adds one second of one arm into {@code dense}. */
  void add(SecondSeries series, int arm, int second, long[] dense) {
    long[] v = series.values[arm][second];
    long[] c = series.counts[arm][second];
    for (int i = 0; i < v.length; i++) {
      dense[Arrays.binarySearch(values, v[i])] += c[i];
    }
  }

  /** The nearest-rank quantile (value holding rank ceil(q·n)), as {@link ValueCounts#quantile}. */
  double quantile(long[] dense, double q) {
    long n = 0;
    for (long c : dense) {
      n += c;
    }
    if (n == 0) {
      return Double.NaN;
    }
    long target = Math.max(1, (long) Math.ceil(q * n));
    long running = 0;
    for (int i = 0; i < dense.length; i++) {
      running += dense[i];
      if (running >= target) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
