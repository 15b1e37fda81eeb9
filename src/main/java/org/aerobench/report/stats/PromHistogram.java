package org.aerobench.report.stats;

import java.util.List;

/**
 * One Prometheus classic histogram series: cumulative bucket counts by upper bound (the last bound
 * is +Inf), as scraped.
 *
 * @param upperBounds ascending, last one {@link Double#POSITIVE_INFINITY}
 * @param cumulativeCounts same length, non-decreasing
 */
public record PromHistogram(List<Double> upperBounds, List<Double> cumulativeCounts) {

  public PromHistogram {
    upperBounds = List.copyOf(upperBounds);
    cumulativeCounts = List.copyOf(cumulativeCounts);
    if (upperBounds.size() != cumulativeCounts.size()) {
      throw new IllegalArgumentException("bounds and counts differ in length");
    }
  }

  /** Observations in the series. */
  public double count() {
    return cumulativeCounts.isEmpty() ? 0 : cumulativeCounts.get(cumulativeCounts.size() - 1);
  }

  /**
   * The {@code q}-quantile (0..1) the way PromQL's {@code histogram_quantile} estimates it: find
   * the bucket holding rank {@code q·count} and interpolate linearly inside it, the first bucket
   * starting at 0. A rank in the +Inf bucket answers the highest finite bound. NaN when empty.
   */
  public double quantile(double q) {
    double total = count();
    if (total <= 0 || upperBounds.size() < 2) {
      return Double.NaN;
    }
    double rank = q * total;
    int bucket = 0;
    while (bucket < cumulativeCounts.size() - 1 && cumulativeCounts.get(bucket) < rank) {
      bucket++;
    }
    if (Double.isInfinite(upperBounds.get(bucket))) {
      return upperBounds.get(upperBounds.size() - 2);
    }
    double start = bucket == 0 ? 0 : upperBounds.get(bucket - 1);
    double end = upperBounds.get(bucket);
    double below = bucket == 0 ? 0 : cumulativeCounts.get(bucket - 1);
    double inBucket = cumulativeCounts.get(bucket) - below;
    if (inBucket <= 0) {
      return end;
    }
    return start + (end - start) * (rank - below) / inBucket;
  }

  /**
   * A bucket of the histogram with its share of the observations.
   *
   * @param lower exclusive lower bound (0 for the first bucket)
   * @param upper inclusive upper bound, possibly +Inf
   * @param share of all observations, 0..1
   */
  public record Bucket(double lower, double upper, double share) {}

  /**
   * The bucket holding the most observations, or null when empty. When it holds most of them, any
   * quantile inside it is an interpolation between its bounds, the same for every series whose
   * observations fall there: a quantile that cannot tell series apart.
   */
  public Bucket fullest() {
    double total = count();
    if (total <= 0) {
      return null;
    }
    int best = 0;
    double bestCount = -1;
    for (int i = 0; i < cumulativeCounts.size(); i++) {
      double inBucket = cumulativeCounts.get(i) - (i == 0 ? 0 : cumulativeCounts.get(i - 1));
      if (inBucket > bestCount) {
        best = i;
        bestCount = inBucket;
      }
    }
    return new Bucket(
        best == 0 ? 0 : upperBounds.get(best - 1), upperBounds.get(best), bestCount / total);
  }

  /** True when every cumulative count is at least the earlier scrape's (no restart in between). */
  public boolean isContinuationOf(PromHistogram earlier) {
    if (!earlier.upperBounds.equals(upperBounds)) {
      return false;
    }
    for (int i = 0; i < upperBounds.size(); i++) {
      if (cumulativeCounts.get(i) < earlier.cumulativeCounts.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** The observations made after {@code earlier}, bucket by bucket. */
  public PromHistogram minus(PromHistogram earlier) {
    List<Double> counts =
        java.util.stream.IntStream.range(0, upperBounds.size())
            .mapToObj(i -> cumulativeCounts.get(i) - earlier.cumulativeCounts.get(i))
            .toList();
    return new PromHistogram(upperBounds, counts);
  }
}
