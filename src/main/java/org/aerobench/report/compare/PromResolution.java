package org.aerobench.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aerobench.report.compare.Comparison.PromRow;
import org.aerobench.report.stats.PromHistogram;

/**
 * Whether a Prometheus histogram resolves this system's latencies: with the reference's buckets (10
 * ms first) and requests of a few ms, every observation lands in the first bucket and every
 * client's p95 reads 9.5 ms, a constant that looks like a comparison.
 */
final class PromResolution {

  /** More than this share of a histogram's observations in one bucket: its p95 says nothing. */
  static final double ONE_BUCKET_SHARE = 0.5;

  private PromResolution() {}

  /** "predict 100% in (0, 10] ms; batch read 97% in (0, 10] ms", or null when both resolve. */
  static String oneBucket(PromHistogram predict, PromHistogram batch) {
    List<String> parts = new ArrayList<>();
    oneBucket("predict", predict).ifPresent(parts::add);
    oneBucket("batch read", batch).ifPresent(parts::add);
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static Optional<String> oneBucket(String name, PromHistogram histogram) {
    PromHistogram.Bucket bucket = histogram == null ? null : histogram.fullest();
    if (bucket == null || bucket.share() <= ONE_BUCKET_SHARE) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s %.0f%% in (%s, %s] ms",
            name,
            bucket.share() * 100,
            bound(bucket.lower()),
            bound(bucket.upper())));
  }

  /** A bucket bound in ms, to the µs: "10", "0.5", "+Inf". */
  private static String bound(double seconds) {
    return Double.isInfinite(seconds)
        ? "+Inf"
        : java.math.BigDecimal.valueOf(Math.round(seconds * 1e6))
            .movePointLeft(3)
            .stripTrailingZeros()
            .toPlainString();
  }

  /** One note naming the scenarios whose Prometheus p95s are not a comparison. */
  static Optional<String> warning(List<PromRow> rows) {
    List<String> flagged =
        rows.stream()
            .filter(r -> r.oneBucket() != null)
            .map(r -> r.scenario() + " " + r.client() + ": " + r.oneBucket())
            .toList();
    if (flagged.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "Prometheus histograms too coarse for this system: most observations fall in one bucket ("
            + String.join("; ", flagged)
            + "). Their p95 is an interpolation inside that bucket, the same for every client whose"
            + " requests land there: the Prometheus p95 rows are not a comparison; read the server"
            + " total_ms and client rows instead.");
  }
}
