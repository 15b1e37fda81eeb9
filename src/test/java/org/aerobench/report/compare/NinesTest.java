package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NinesTest {

  @Test
  void each_extra_nine_is_one_step_along_the_axis() {
    assertThat(Nines.of(0)).isEqualTo(0.0);
    assertThat(Nines.of(50)).isCloseTo(Math.log10(2), within(1e-12));
    assertThat(Nines.of(90)).isCloseTo(1, within(1e-12));
    assertThat(Nines.of(99)).isCloseTo(2, within(1e-12));
    assertThat(Nines.of(99.9)).isCloseTo(3, within(1e-9));
    assertThat(Nines.of(99.99)).isCloseTo(4, within(1e-9));
  }

  @Test
  void the_hundredth_percentile_of_n_samples_sits_at_one_in_n() {
    assertThat(Nines.of(100, 1_000)).isCloseTo(3, within(1e-12));
    // beyond the "one in n" level the samples say nothing more: capped there
    assertThat(Nines.of(99.99, 1_000)).isCloseTo(3, within(1e-12));
    assertThat(Nines.of(90, 1_000)).isCloseTo(1, within(1e-12));
    assertThatThrownBy(() -> Nines.of(100)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void positions_are_labelled_as_the_percentiles_they_stand_for() {
    assertThat(Nines.label(Nines.of(50))).isEqualTo("50%");
    assertThat(Nines.label(1)).isEqualTo("90%");
    assertThat(Nines.label(2)).isEqualTo("99%");
    assertThat(Nines.label(3)).isEqualTo("99.9%");
    assertThat(Nines.label(5)).isEqualTo("99.999%");
  }

  @Test
  void ticks_reach_the_first_whole_nine_at_or_past_the_tail() {
    assertThat(Nines.ticks(2.4))
        .extracting(Nines.Tick::label)
        .containsExactly("0%", "50%", "90%", "99%", "99.9%");
    assertThat(Nines.ticks(0.5))
        .extracting(Nines.Tick::label)
        .containsExactly("0%", "50%", "90%", "99%");
  }
}
