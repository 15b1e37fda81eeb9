package org.aerobench.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void linear_percentile_interpolates_between_ranks_like_the_reference() {
    double[] sorted = {10, 20, 30, 40};
    // idx = (4-1)*0.5 = 1.5 -> halfway between 20 and 30
    assertThat(Percentiles.linear(sorted, 50)).isEqualTo(25.0);
    // idx = 3*0.9 = 2.7 -> 30 + 0.7*10
    assertThat(Percentiles.linear(sorted, 90)).isCloseTo(37.0, within(1e-9));
    assertThat(Percentiles.linear(sorted, 0)).isEqualTo(10.0);
    assertThat(Percentiles.linear(sorted, 100)).isEqualTo(40.0);
  }

  @Test
  void a_single_value_is_every_percentile() {
    assertThat(Percentiles.linear(new double[] {7}, 99)).isEqualTo(7.0);
  }

  @Test
  void empty_samples_and_out_of_range_percentiles_are_refused() {
    assertThatThrownBy(() -> Percentiles.linear(new double[0], 50)).hasMessageContaining("empty");
    assertThatThrownBy(() -> Percentiles.linear(new double[] {1}, 101)).hasMessageContaining("101");
  }

  @Test
  void mean_and_sample_standard_deviation() {
    double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
    assertThat(Percentiles.mean(values)).isEqualTo(5.0);
    // sum of squares 32, n-1 = 7
    assertThat(Percentiles.stddev(values)).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
  }
}
