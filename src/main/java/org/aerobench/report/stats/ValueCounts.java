package org.aerobench.report.stats;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A recorded distribution as distinct values with their counts: what a bootstrap resamples from.
 * Built from an HdrHistogram (each bucket stands for its median-equivalent value).
 */
public final class ValueCounts {

  private final double[] values;
  private final long[] cumulative;

  private ValueCounts(double[] values, long[] cumulative) {
    this.values = values;
    this.cumulative = cumulative;
  }

  /** The histogram's recorded values, scaled by {@code unit} (e.g. 0.001 for µs to ms). */
  public static ValueCounts of(Histogram histogram, double unit) {
    List<double[]> pairs = new ArrayList<>();
    for (HistogramIterationValue v : histogram.recordedValues()) {
      pairs.add(
          new double[] {
            histogram.medianEquivalentValue(v.getValueIteratedTo()) * unit,
            v.getCountAtValueIteratedTo()
          });
    }
    double[] values = new double[pairs.size()];
    long[] cumulative = new long[pairs.size()];
    long running = 0;
    for (int i = 0; i < pairs.size(); i++) {
      values[i] = pairs.get(i)[0];
      running += (long) pairs.get(i)[1];
      cumulative[i] = running;
    }
    return new ValueCounts(values, cumulative);
  }

  /** Above this many samples a draw binary-searches instead of using a rank table (memory). */
  private static final long RANK_TABLE_LIMIT = 4_000_000;

  private int[] rankTable;

  /**
   * Distinct-value index of every rank, so a bootstrap draw is one array read; null when there are
   * more than {@value #RANK_TABLE_LIMIT} samples.
   */
  int[] rankTable() {
    if (rankTable == null && size() <= RANK_TABLE_LIMIT) {
      int[] table = new int[(int) size()];
      int rank = 0;
      for (int i = 0; i < cumulative.length; i++) {
        while (rank < cumulative[i]) {
          table[rank++] = i;
        }
      }
      rankTable = table;
    }
    return rankTable;
  }

  /** Number of samples. */
  public long size() {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  int distinct() {
    return values.length;
  }

  double value(int index) {
    return values[index];
  }

  /** Index of the distinct value holding sample rank {@code rank} (0-based). */
  int indexOfRank(long rank) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > rank) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  /** The nearest-rank quantile (0..1): the value holding rank ceil(q·n). */
  public double quantile(double q) {
    return quantileOfCounts(null, q);
  }

  /** Quantile of a resample given per-distinct-value counts; {@code counts == null} = original. */
  double quantileOfCounts(long[] counts, double q) {
    long n = counts == null ? size() : java.util.Arrays.stream(counts).sum();
    long target = Math.max(1, (long) Math.ceil(q * n));
    long running = 0;
    for (int i = 0; i < values.length; i++) {
      running += counts == null ? (cumulative[i] - (i == 0 ? 0 : cumulative[i - 1])) : counts[i];
      if (running >= target) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
