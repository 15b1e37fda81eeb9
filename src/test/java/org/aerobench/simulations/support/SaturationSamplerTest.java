package org.aerobench.simulations.support;

import static org.aerobench.simulations.support.SaturationSampler.label;
import static org.aerobench.simulations.support.SaturationSampler.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.aerobench.simulations.support.SaturationSampler.Sample;
import org.junit.jupiter.api.Test;

class SaturationSamplerTest {

  private static final String SCRAPE =
      """
      # HELP aerobench_style_workers Blocking workers
      # TYPE aerobench_style_workers gauge
      aerobench_style_workers{client_type="sync",state="active"} 16.0
      aerobench_style_workers{client_type="sync",state="queued"} 40.0
      aerobench_style_reads_total{client_type="sync"} 900.0
      predict_duration_seconds_bucket{client_type="sync",mode="single",le="0.01"} 3
      jvm_memory_used_bytes{area="heap"} 1.0E8
      aerospike_client_event_loop_commands{event_loop="0",state="queued"} 2.0
      aerospike_client_event_loop_commands{event_loop="1",state="queued"} 3.0
      """;

  @Test
  void only_the_saturation_families_are_kept_from_a_scrape_with_their_labels() {
    Map<String, Double> kept = SaturationSampler.series(SCRAPE);

    assertThat(kept)
        .containsEntry("aerobench_style_workers{client_type=\"sync\",state=\"active\"}", 16.0)
        .containsEntry("aerobench_style_reads_total{client_type=\"sync\"}", 900.0)
        .hasSize(5);
  }

  @Test
  void window_statistics_sum_matching_series_per_sample() {
    List<Sample> window =
        List.of(
            new Sample(1_000, SaturationSampler.series(SCRAPE)),
            new Sample(
                2_000,
                Map.of(
                    "aerospike_client_event_loop_commands{event_loop=\"0\",state=\"queued\"}",
                    9.0,
                    "aerobench_style_reads_total{client_type=\"sync\"}",
                    1_350.0)));

    var queued = series("aerospike_client_event_loop_commands", label("state", "queued"));
    assertThat(SaturationSampler.mean(window, queued)).hasValue(7.0); // (2+3 + 9) / 2
    assertThat(SaturationSampler.max(window, queued)).hasValue(9.0);
    var reads = series("aerobench_style_reads_total", label("client_type", "sync"));
    assertThat(SaturationSampler.delta(window, reads)).hasValue(450.0);
    assertThat(SaturationSampler.span(window, reads)).isEqualTo(1.0);
    assertThat(SaturationSampler.delta(window.subList(0, 1), reads)).isEmpty();
  }
}
