package org.aerobench.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

  @Test
  void quantiles_match_the_printed_tables() {
    assertThat(StudentT.twoSided(0.95, 3)).isCloseTo(3.182, within(0.001));
    assertThat(StudentT.twoSided(0.95, 30)).isCloseTo(2.042, within(0.001));
    assertThat(StudentT.normalTwoSided(0.95)).isCloseTo(1.960, within(0.001));
  }

  @Test
  void a_spread_from_few_runs_is_trusted_only_up_to_its_chi_squared_bound() {
    assertThat(StudentT.sdUpperFactor(0.95, 4)).isCloseTo(2.920, within(0.001));
    assertThat(StudentT.sdUpperFactor(0.95, 10)).isCloseTo(1.645, within(0.001));
    assertThat(StudentT.sdUpperFactor(0.95, 20)).isCloseTo(1.370, within(0.001));
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> StudentT.sdUpperFactor(0.95, 1))
        .withMessage("a spread needs at least 2 values, got 1");
  }
}
