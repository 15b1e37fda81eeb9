package org.aerobench.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromHistogramTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void quantile_interpolates_inside_the_bucket_like_histogram_quantile() {
    var h = new PromHistogram(List.of(0.01, 0.025, INF), List.of(10.0, 30.0, 40.0));
    // rank 20 falls in (0.01, 0.025] holding ranks 10..30: 0.01 + 0.015 * 10/20
    assertThat(h.quantile(0.5)).isCloseTo(0.0175, within(1e-12));
    // rank 5 in the first bucket, which starts at 0
    assertThat(h.quantile(0.125)).isCloseTo(0.005, within(1e-12));
  }

  @Test
  void a_rank_in_the_infinite_bucket_answers_the_highest_finite_bound() {
    var h = new PromHistogram(List.of(0.01, 0.025, INF), List.of(10.0, 30.0, 40.0));
    assertThat(h.quantile(0.95)).isEqualTo(0.025);
  }

  @Test
  void theFullestBucketIsFoundWithItsBoundsAndShare() {
    var crowded = new PromHistogram(List.of(0.01, 0.025, INF), List.of(95.0, 99.0, 100.0));
    assertThat(crowded.fullest()).isEqualTo(new PromHistogram.Bucket(0, 0.01, 0.95));
    var spread =
        new PromHistogram(List.of(0.001, 0.002, 0.005, INF), List.of(30.0, 60.0, 90.0, 100.0));
    assertThat(spread.fullest().share()).isCloseTo(0.30, within(1e-12));
    assertThat(new PromHistogram(List.of(0.01, INF), List.of(0.0, 0.0)).fullest()).isNull();
  }

  @Test
  void an_empty_histogram_has_no_quantile() {
    var h = new PromHistogram(List.of(0.01, INF), List.of(0.0, 0.0));
    assertThat(h.quantile(0.95)).isNaN();
  }

  @Test
  void a_later_scrape_minus_an_earlier_one_is_the_interval_between_them() {
    var earlier = new PromHistogram(List.of(0.01, INF), List.of(5.0, 6.0));
    var later = new PromHistogram(List.of(0.01, INF), List.of(7.0, 10.0));
    assertThat(later.isContinuationOf(earlier)).isTrue();
    assertThat(later.minus(earlier).cumulativeCounts()).containsExactly(2.0, 4.0);
    assertThat(earlier.isContinuationOf(later)).isFalse();
  }

  @Test
  void text_format_buckets_are_grouped_by_one_label_and_summed_over_the_others() {
    String text =
        """
        # HELP aerospike_batch_read_set_duration_seconds per set
        # TYPE aerospike_batch_read_set_duration_seconds histogram
        aerospike_batch_read_set_duration_seconds_bucket{client_type="sync",set_name="a",le="0.01"} 1
        aerospike_batch_read_set_duration_seconds_bucket{client_type="sync",set_name="a",le="+Inf"} 2
        aerospike_batch_read_set_duration_seconds_bucket{client_type="sync",set_name="b",le="0.01"} 3
        aerospike_batch_read_set_duration_seconds_bucket{client_type="sync",set_name="b",le="+Inf"} 3
        aerospike_batch_read_set_duration_seconds_bucket{client_type="async",set_name="a",le="0.01"} 4
        aerospike_batch_read_set_duration_seconds_bucket{client_type="async",set_name="a",le="+Inf"} 4
        aerospike_batch_read_set_duration_seconds_count{client_type="sync",set_name="a"} 2
        other_metric_bucket{client_type="sync",le="0.01"} 99
        """;
    Map<String, PromHistogram> byClient =
        PromText.histograms(text, "aerospike_batch_read_set_duration_seconds", "client_type");
    assertThat(byClient).containsOnlyKeys("sync", "async");
    assertThat(byClient.get("sync").cumulativeCounts()).containsExactly(4.0, 5.0);
    assertThat(byClient.get("sync").upperBounds()).containsExactly(0.01, INF);
    assertThat(byClient.get("async").count()).isEqualTo(4.0);
  }

  @Test
  void a_malformed_bucket_line_is_reported_with_its_line_number() {
    String text = "m_bucket{client_type=\"sync\",le=\"0.01\"} many\n";
    assertThatThrownBy(() -> PromText.histograms(text, "m", "client_type"))
        .hasMessageContaining("line 1")
        .hasMessageContaining("many");
  }

  @Test
  void series_can_be_kept_by_label_value_such_as_the_read_mode() {
    String text =
        """
        predict_duration_seconds_bucket{client_type="sync",mode="single",le="0.1"} 3
        predict_duration_seconds_bucket{client_type="sync",mode="single",le="+Inf"} 4
        predict_duration_seconds_bucket{client_type="sync",mode="gather",le="0.1"} 10
        predict_duration_seconds_bucket{client_type="sync",mode="gather",le="+Inf"} 10
        """;
    assertThat(PromText.labelValues(text, "predict_duration_seconds", "mode"))
        .containsExactly("gather", "single");
    var single =
        PromText.histograms(
            text, "predict_duration_seconds", "client_type", Map.of("mode", "single"));
    assertThat(single.get("sync").cumulativeCounts()).containsExactly(3.0, 4.0);
    var all = PromText.histograms(text, "predict_duration_seconds", "client_type");
    assertThat(all.get("sync").cumulativeCounts()).containsExactly(13.0, 14.0);
  }
}
