package org.aerobench.report.stats;

import java.util.List;
import java.util.NavigableMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One run's samples of one or more arms, per wall-clock second, aligned on the same seconds: what
 * the block bootstraps resample. A second is the unit of time structure the client-times log keeps
 * ({@code ClientTimes.bySecond()}); every user iteration calls each arm back to back, so one second
 * holds all arms' calls under the same conditions.
 *
 * <p>Each recorded HdrHistogram bucket stands for its median-equivalent value, as in {@link
 * ValueCounts}, so quantiles here equal the comparison's nearest-rank quantiles of the summed
 * histograms.
 */
public final class SecondSeries {

  /** [arm][second]: distinct values (µs) and their counts; empty arrays for a second without. */
  final long[][][] values;

  final long[][][] counts;
  private final int seconds;

  private SecondSeries(long[][][] values, long[][][] counts, int seconds) {
    this.values = values;
    this.counts = counts;
    this.seconds = seconds;
  }

  /** Aligns the arms' per-second histograms (keys = second start) on the union of their seconds. */
  public static SecondSeries of(List<NavigableMap<Long, Histogram>> arms) {
    TreeSet<Long> all = new TreeSet<>();
    arms.forEach(a -> all.addAll(a.keySet()));
    List<Long> seconds = List.copyOf(all);
    long[][][] values = new long[arms.size()][seconds.size()][];
    long[][][] counts = new long[arms.size()][seconds.size()][];
    for (int a = 0; a < arms.size(); a++) {
      for (int s = 0; s < seconds.size(); s++) {
        Histogram h = arms.get(a).get(seconds.get(s));
        int distinct = 0;
        if (h != null) {
          for (HistogramIterationValue ignored : h.recordedValues()) {
            distinct++;
          }
        }
        values[a][s] = new long[distinct];
        counts[a][s] = new long[distinct];
        if (h == null) {
          continue;
        }
        int i = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
          values[a][s][i] = h.medianEquivalentValue(v.getValueIteratedTo());
          counts[a][s][i++] = v.getCountAtValueIteratedTo();
        }
      }
    }
    return new SecondSeries(values, counts, seconds.size());
  }

  public int arms() {
    return values.length;
  }

  public int seconds() {
    return seconds;
  }

  /** Samples of an arm over all seconds. */
  public long samples(int arm) {
    long n = 0;
    for (long[] second : counts[arm]) {
      for (long c : second) {
        n += c;
      }
    }
    return n;
  }

  /** Nearest-rank quantile (0..1) of an arm's whole-run distribution, µs; NaN without samples. */
  public double quantile(int arm, double q) {
    ValueGrid grid = ValueGrid.of(List.of(this));
    long[] dense = new long[grid.size()];
    for (int s = 0; s < seconds; s++) {
      grid.add(this, arm, s, dense);
    }
    return grid.quantile(dense, q);
  }
}
