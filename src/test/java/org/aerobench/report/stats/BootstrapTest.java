package org.aerobench.report.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BootstrapTest {

  private static Histogram normal(long seed, double meanMicros, double sdMicros, int n) {
    Random random = new Random(seed);
    Histogram h = new Histogram(600_000_000L, 3);
    for (int i = 0; i < n; i++) {
      h.recordValue(Math.max(1, Math.round(meanMicros + random.nextGaussian() * sdMicros)));
    }
    return h;
  }

  @Test
  void a_shift_of_a_few_standard_errors_is_beyond_noise_and_the_interval_holds_it() {
    ValueCounts base = ValueCounts.of(normal(1, 10_000, 1_000, 2_000), 0.001);
    ValueCounts slower = ValueCounts.of(normal(2, 11_000, 1_000, 2_000), 0.001);
    Bootstrap.Interval[] intervals = Bootstrap.standard().differences(base, slower, 0.5, 0.95);
    Bootstrap.Interval median = intervals[0];
    assertThat(median.beyondNoise()).isTrue();
    assertThat(median.low()).isLessThan(1.0).isGreaterThan(0.0);
    assertThat(median.high()).isGreaterThan(1.0 - 0.2);
    assertThat(median.verdict()).isEqualTo("beyond noise");
    assertThat(intervals[1].observed()).isBetween(0.5, 1.5);
  }

  @Test
  void two_samples_of_the_same_distribution_are_within_noise() {
    ValueCounts a = ValueCounts.of(normal(3, 10_000, 1_000, 1_000), 0.001);
    ValueCounts b = ValueCounts.of(normal(4, 10_000, 1_000, 1_000), 0.001);
    Bootstrap.Interval median = Bootstrap.standard().differences(a, b, 0.5)[0];
    assertThat(median.low()).isLessThan(0);
    assertThat(median.high()).isGreaterThan(0);
    assertThat(median.verdict()).isEqualTo("within noise");
  }

  @Test
  void a_fixed_seed_gives_the_same_interval_every_time() {
    ValueCounts a = ValueCounts.of(normal(5, 10_000, 2_000, 500), 0.001);
    ValueCounts b = ValueCounts.of(normal(6, 10_500, 2_000, 500), 0.001);
    var first = Bootstrap.standard().differences(a, b, 0.95)[0];
    var second = Bootstrap.standard().differences(a, b, 0.95)[0];
    assertThat(second).isEqualTo(first);
  }

  /** Small integers are recorded exactly (3 significant digits), each counted once. */
  private static ValueCounts exactly(long... samples) {
    Histogram h = new Histogram(600_000_000L, 3);
    for (long sample : samples) {
      h.recordValue(sample);
    }
    return ValueCounts.of(h, 1);
  }

  @Test
  void nearest_rank_quantiles_of_value_counts() {
    ValueCounts values = exactly(5, 1, 4, 2, 3);
    assertThat(values.quantile(0.5)).isEqualTo(3.0);
    assertThat(values.quantile(0.95)).isEqualTo(5.0);
    assertThat(values.quantile(0.2)).isEqualTo(1.0);
  }

  @Test
  void too_few_samples_give_no_interval_rather_than_a_meaningless_one() {
    ValueCounts two = exactly(1, 2);
    ValueCounts many = ValueCounts.of(normal(7, 10_000, 1_000, 100), 0.001);
    assertThat(Bootstrap.standard().differences(two, many, 0.5)).isNull();
    assertThat(Bootstrap.standard().differences(many, many, 0.5)).isNotNull();
  }
}
