package org.aerobench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComboStatisticsTest {

  // Latencies 1, 2, 3, 4, 10 ms (given unsorted); n = 5, so idx = 4 · p / 100.
  private static final double[] LATENCIES = {10, 3, 1, 4, 2};

  @Test
  void percentiles_interpolate_linearly_between_sorted_neighbours() {
    ComboStatistics stats = ComboStatistics.of(LATENCIES, new double[] {20, 30}, 7, 10, 5);

    assertThat(stats.p50Ms()).isCloseTo(3.0, within(1e-9)); // idx 2
    assertThat(stats.p90Ms()).isCloseTo(7.6, within(1e-9)); // idx 3.6: 4 + 0.6 · 6
    assertThat(stats.p95Ms()).isCloseTo(8.8, within(1e-9)); // idx 3.8: 4 + 0.8 · 6
    assertThat(stats.p99Ms()).isCloseTo(9.76, within(1e-9)); // idx 3.96: 4 + 0.96 · 6
    assertThat(stats.minMs()).isEqualTo(1.0);
    assertThat(stats.maxMs()).isEqualTo(10.0);
  }

  @Test
  void mean_sample_stddev_and_cv_match_hand_computed_values() {
    ComboStatistics stats = ComboStatistics.of(LATENCIES, new double[] {20, 30}, 7, 10, 5);

    assertThat(stats.meanMs()).isCloseTo(4.0, within(1e-9));
    // Squared deviations 9 + 4 + 1 + 0 + 36 = 50, over n − 1 = 4: sqrt(12.5).
    assertThat(stats.stddevMs()).isCloseTo(Math.sqrt(12.5), within(1e-9));
    assertThat(stats.cv()).isCloseTo(Math.sqrt(12.5) / 4.0, within(1e-9));
  }

  @Test
  void tps_is_concurrency_over_the_mean_iteration_wall_time_in_seconds() {
    // Mean wall time 25 ms = 0.025 s; 5 calls per iteration: 5 / 0.025 = 200 calls per second.
    ComboStatistics stats = ComboStatistics.of(LATENCIES, new double[] {20, 30}, 7, 10, 5);

    assertThat(stats.tps()).isCloseTo(200.0, within(1e-9));
    assertThat(stats.foundRatio()).isCloseTo(0.7, within(1e-12));
  }

  @Test
  void one_sample_has_no_spread_and_is_every_percentile() {
    ComboStatistics stats = ComboStatistics.of(new double[] {2.5}, new double[] {2.5}, 0, 4, 1);

    assertThat(stats.p99Ms()).isEqualTo(2.5);
    assertThat(stats.p50Ms()).isEqualTo(2.5);
    assertThat(stats.stddevMs()).isZero();
    assertThat(stats.cv()).isZero();
    assertThat(stats.tps()).isCloseTo(400.0, within(1e-9));
    assertThat(stats.foundRatio()).isZero();
  }

  @Test
  void no_samples_give_zeros_instead_of_nan() {
    ComboStatistics stats = ComboStatistics.of(new double[0], new double[0], 0, 0, 10);

    assertThat(stats).isEqualTo(new ComboStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void samples_collected_in_nanoseconds_are_reported_in_milliseconds() {
    ComboSamples samples = new ComboSamples();
    samples.addIteration(
        4_000_000, List.of(new CallSample(1_000_000, 3, 4), new CallSample(3_000_000, 1, 4)));
    samples.addIteration(6_000_000, List.of(new CallSample(2_000_000, 4, 4)));

    ComboStatistics stats = ComboStatistics.of(samples, 2);

    assertThat(stats.meanMs()).isCloseTo(2.0, within(1e-9));
    assertThat(stats.maxMs()).isCloseTo(3.0, within(1e-9));
    assertThat(stats.tps()).isCloseTo(2 / 0.005, within(1e-9)); // mean wall 5 ms
    assertThat(stats.foundRatio()).isCloseTo(8 / 12.0, within(1e-12));
  }
}
