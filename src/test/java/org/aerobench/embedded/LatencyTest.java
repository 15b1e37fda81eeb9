package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LatencyTest {

  @Test
  void none_and_zero_fixed_add_no_delay() {
    assertThat(Latency.NONE.sampleNanos()).isZero();
    assertThat(Latency.fixed(Duration.ZERO)).isSameAs(Latency.NONE);
  }

  @Test
  void fixed_latency_is_exactly_the_delay() {
    assertThat(Latency.fixed(Duration.ofMillis(7)).sampleNanos()).isEqualTo(7_000_000L);
  }

  @Test
  void log_normal_samples_have_about_the_requested_median_and_p99() {
    Latency latency = Latency.logNormal(Duration.ofMillis(2), Duration.ofMillis(10));
    long[] samples = new long[20_000];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = latency.sampleNanos();
    }
    Arrays.sort(samples);

    assertThat(samples[samples.length / 2]).isBetween(1_800_000L, 2_200_000L);
    assertThat(samples[(int) (samples.length * 0.99)]).isBetween(8_000_000L, 12_500_000L);
  }

  @Test
  void log_normal_refuses_a_p99_below_the_median_and_names_both() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Latency.logNormal(Duration.ofMillis(5), Duration.ofMillis(1)))
        .withMessageContaining("p99 1 ms is below the median 5 ms");
  }

  @Test
  void log_normal_refuses_a_zero_median() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Latency.logNormal(Duration.ZERO, Duration.ofMillis(1)))
        .withMessageContaining("median 0 ms must be above 0");
  }
}
