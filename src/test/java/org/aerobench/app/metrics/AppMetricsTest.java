package org.aerobench.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.aerobench.app.pipeline.StageTimes;
import org.aerobench.client.ReadMode;
import org.aerobench.client.SetRecords;
import org.aerobench.data.FeatureSet;
import org.aerobench.report.stats.PromHistogram;
import org.aerobench.report.stats.PromText;
import org.junit.jupiter.api.Test;

class AppMetricsTest {

  private static String scrape(AppMetrics metrics) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExpositionFormats.init()
        .getPrometheusTextFormatWriter()
        .write(out, metrics.registry().scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void every_reference_series_exists_before_the_first_request() throws IOException {
    String text = scrape(new AppMetrics(List.of("sync", "async")));

    assertThat(text)
        .contains("predict_duration_seconds_count{client_type=\"async\",mode=\"merge_gather\"} 0")
        .contains(
            "aerospike_batch_read_all_duration_seconds_count{client_type=\"sync\",mode=\"single\"} 0")
        .contains(
            "aerospike_batch_read_set_duration_seconds_count{client_type=\"sync\",set_name=\"nccsh_userid\"} 0")
        .contains("key_extraction_duration_seconds_count{client_type=\"sync\"} 0")
        .contains("feature_extraction_duration_seconds_count{client_type=\"sync\"} 0")
        .contains("dlrm_inference_duration_seconds_count{client_type=\"sync\"} 0")
        .contains("response_build_duration_seconds_count{client_type=\"sync\"} 0")
        .contains("aerospike_records_found_ratio_count{client_type=\"sync\"} 0")
        .contains("predict_requests_total{client_type=\"async\",status=\"rejected\"} 0")
        .contains("predict_active_requests{client_type=\"sync\"} 0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void buckets_are_the_reference_sets() throws IOException {
    String text = scrape(new AppMetrics(List.of("sync")));

    assertThat(text)
        .contains(
            "predict_duration_seconds_bucket{client_type=\"sync\",mode=\"single\",le=\"0.01\"}")
        .contains(
            "predict_duration_seconds_bucket{client_type=\"sync\",mode=\"single\",le=\"2.0\"}")
        .contains("key_extraction_duration_seconds_bucket{client_type=\"sync\",le=\"5.0E-4\"}")
        .contains("response_build_duration_seconds_bucket{client_type=\"sync\",le=\"0.015\"}")
        .contains("aerospike_records_found_ratio_bucket{client_type=\"sync\",le=\"0.0\"}")
        .contains(
            "aerospike_batch_read_set_duration_seconds_bucket{client_type=\"sync\",set_name=\"nccsh_adid\",le=\"0.005\"}");
  }

  @Test
  void buckets_start_at_a_quarter_millisecond_and_keep_every_reference_boundary() {
    assertThat(Buckets.REQUEST[0]).isEqualTo(0.00025);
    assertThat(Buckets.REQUEST).contains(Buckets.B10MS_2S).isSorted();
    assertThat(Buckets.SET_CALL).contains(Buckets.B5MS_1S).startsWith(0.00025).isSorted();
    assertThat(Buckets.COMPUTE).contains(Buckets.B1MS_100MS).startsWith(0.00025).isSorted();
    assertThat(Buckets.KEYS).contains(Buckets.B05MS_50MS).startsWith(0.00025).isSorted();
    assertThat(Buckets.RESPONSE).contains(Buckets.B05MS_20MS).startsWith(0.00025).isSorted();
    assertThat(Buckets.RESPONSE[Buckets.RESPONSE.length - 1]).isEqualTo(0.020);
  }

  @Test
  void two_styles_with_different_latency_get_different_prometheus_p95s() throws IOException {
    AppMetrics metrics = new AppMetrics(List.of("sync", "async"));
    for (int i = 0; i < 100; i++) {
      // p95 of the server's whole request: about 2 ms for one style, 6 ms for the other.
      metrics.observe(
          "sync", ReadMode.SINGLE, readOnly(1_800_000 + i * 4_000), List.of(), 1, 1, false);
      metrics.observe(
          "async", ReadMode.SINGLE, readOnly(5_500_000 + i * 5_000), List.of(), 1, 1, false);
    }

    Map<String, PromHistogram> byStyle =
        PromText.histograms(
            scrape(metrics), "predict_duration_seconds", "client_type", Map.of("mode", "single"));
    double syncP95 = byStyle.get("sync").quantile(0.95);
    double asyncP95 = byStyle.get("async").quantile(0.95);

    // With the reference's buckets (10 ms first) both read 9.5 ms.
    assertThat(syncP95).isBetween(0.0015, 0.003);
    assertThat(asyncP95).isBetween(0.005, 0.0075);
  }

  /** A request that was all Aerospike read. */
  private static StageTimes readOnly(long nanos) {
    return new StageTimes(0, 0, nanos, 0, 0, 0, nanos);
  }

  @Test
  void a_request_is_observed_per_stage_and_per_set_only_for_per_set_reads() throws IOException {
    AppMetrics metrics = new AppMetrics(List.of("async"));
    StageTimes times =
        new StageTimes(10_000, 640_000, 4_000_000, 300_000, 2_000_000, 50_000, 7_000_000);
    List<SetRecords> sets =
        List.of(
            new SetRecords(FeatureSet.NCCSH_ADID, new com.aerospike.client.Record[2], 3_000_000),
            new SetRecords(FeatureSet.NCCSH_ADGROUPID, new com.aerospike.client.Record[2], -1));

    metrics.observe("async", ReadMode.GATHER, times, sets, 1, 4, true);
    metrics.count("async", RequestOutcome.SUCCESS);
    String text = scrape(metrics);

    assertThat(text)
        .contains("predict_duration_seconds_count{client_type=\"async\",mode=\"gather\"} 1")
        .contains("predict_duration_seconds_sum{client_type=\"async\",mode=\"gather\"} 0.007")
        .contains(
            "aerospike_batch_read_set_duration_seconds_count{client_type=\"async\",set_name=\"nccsh_adid\"} 1")
        .contains(
            "aerospike_batch_read_set_duration_seconds_count{client_type=\"async\",set_name=\"nccsh_adgroupid\"} 0")
        .contains("aerospike_records_found_ratio_sum{client_type=\"async\"} 0.25")
        .contains("predict_requests_total{client_type=\"async\",status=\"success\"} 1");
  }
}
