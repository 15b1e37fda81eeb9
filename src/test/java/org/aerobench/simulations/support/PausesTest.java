package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PausesTest {

  private static final Duration MEAN = Duration.ofMillis(50);

  private static double[] draws(Pauses.Distribution distribution, long seed, int n) {
    Pauses.Source source = new Pauses(distribution, MEAN, seed).source();
    double[] millis = new double[n];
    for (int i = 0; i < n; i++) {
      millis[i] = source.next().toNanos() / 1e6;
    }
    return millis;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  @Test
  void a_constant_pause_is_the_mean_every_time() {
    for (double ms : draws(Pauses.Distribution.CONSTANT, 1, 100)) {
      assertThat(ms).isEqualTo(50.0);
    }
  }

  @Test
  void exponential_pauses_keep_the_mean_and_vary_like_an_exponential() {
    double[] ms = draws(Pauses.Distribution.EXPONENTIAL, 1, 20_000);
    assertThat(mean(ms)).isCloseTo(50.0, within(2.0));
    long belowMean = java.util.Arrays.stream(ms).filter(v -> v < 50).count();
    // P(X < mean) = 1 - 1/e = 0.632 for an exponential
    assertThat(belowMean / 20_000.0).isCloseTo(0.632, within(0.02));
  }

  @Test
  void uniform_pauses_lie_between_zero_and_twice_the_mean() {
    double[] ms = draws(Pauses.Distribution.UNIFORM, 1, 20_000);
    assertThat(mean(ms)).isCloseTo(50.0, within(1.5));
    assertThat(java.util.Arrays.stream(ms).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    assertThat(java.util.Arrays.stream(ms).max().orElseThrow()).isLessThanOrEqualTo(100);
  }

  @Test
  void the_same_seed_draws_the_same_pauses() {
    assertThat(draws(Pauses.Distribution.EXPONENTIAL, 9, 50))
        .containsExactly(draws(Pauses.Distribution.EXPONENTIAL, 9, 50));
    assertThat(draws(Pauses.Distribution.EXPONENTIAL, 9, 50))
        .isNotEqualTo(draws(Pauses.Distribution.EXPONENTIAL, 10, 50));
  }
}
