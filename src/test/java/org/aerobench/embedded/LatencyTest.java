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

  @Test
  void from_millis_accepts_fractions_and_rounds_to_the_nanosecond() {
    assertThat(Latency.fromMillis(0.5, null, null))
        .isEqualTo(Latency.fixed(Duration.ofNanos(500_000)));
    assertThat(Latency.fromMillis(null, 1.25, 9.5))
        .isEqualTo(Latency.logNormal(Duration.ofNanos(1_250_000), Duration.ofNanos(9_500_000)));
    assertThat(Latency.fromMillis(0.5, null, null).describe()).isEqualTo("fixed 0.5 ms");
  }

  @Test
  void from_millis_is_off_when_nothing_or_a_zero_fixed_delay_is_given() {
    assertThat(Latency.fromMillis(null, null, null)).isSameAs(Latency.NONE);
    assertThat(Latency.fromMillis(0.0, null, null)).isSameAs(Latency.NONE);
  }

  @Test
  void from_millis_refuses_fixed_with_log_normal() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Latency.fromMillis(1.0, 2.0, 5.0))
        .withMessageContaining("a fixed delay cannot be combined with a log-normal median/p99");
  }

  @Test
  void from_millis_needs_median_and_p99_together() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Latency.fromMillis(null, 2.0, null))
        .withMessageContaining("needs both a median and a p99");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Latency.fromMillis(null, null, 2.0))
        .withMessageContaining("needs both a median and a p99");
  }

  @Test
  void from_millis_refuses_a_p99_below_the_median() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Latency.fromMillis(null, 20.0, 10.0))
        .withMessage("latency: p99 10 ms is below the median 20 ms; give p99 >= median");
  }

  @Test
  void from_millis_refuses_values_out_of_range_naming_them() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Latency.fromMillis(-1.0, null, null))
        .withMessageContaining("fixed -1 ms is not allowed; give milliseconds >= 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Latency.fromMillis(null, 0.0, 5.0))
        .withMessageContaining("median 0 ms is not allowed; give milliseconds > 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Latency.fromMillis(Double.NaN, null, null))
        .withMessageContaining("fixed NaN ms is not allowed");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Latency.fromMillis(null, 1.0, 60_001.0))
        .withMessageContaining("p99 60001 ms is not allowed; give milliseconds > 0 and <= 60000");
  }
}
