package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A 200 with missing or partial data is a KO, not a fast success. */
class FoundRatioCheckTest {

  private static PredictReply reply(int found, int total) {
    return PredictReply.parse(
        ("{\"predictions\":[],\"total_ms\":1.0,\"records_found\":"
                + found
                + ",\"records_total\":"
                + total
                + "}")
            .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void the_seeded_ratio_is_the_reference_ratios_over_the_nine_sets() {
    // batch 200: 82.0, 89.5, 64.5, 57.5, 76.5, 62.5, 90.0, 0, 84.0 % -> 1213 of 1800 keys
    assertThat(FoundRatioCheck.seededRatio(200, 200)).isEqualTo(1213 / 1800.0);
  }

  @Test
  void a_reply_with_nothing_found_during_a_reseed_fails_naming_found_and_expected() {
    FoundRatioCheck check = new FoundRatioCheck(Double.NaN, FoundRatioCheck.DEFAULT_TOLERANCE);
    check.expect(true, 1213 / 1800.0, Double.NaN);
    PredictReply empty = reply(0, 1800);

    assertThatIllegalStateException()
        .isThrownBy(() -> check.check(empty.recordsFound(), empty.recordsTotal()))
        .withMessageContaining("records_found 0 of 1800")
        .withMessageContaining("expected 0.6739")
        .withMessageContaining("seeded ratio of the embedded server");
  }

  @Test
  void a_reply_within_the_tolerance_passes_and_an_external_run_uses_the_observed_ratio() {
    FoundRatioCheck check = new FoundRatioCheck(Double.NaN, 0.01);
    check.expect(false, 0.67, 0.5);

    assertThatNoException().isThrownBy(() -> check.check(905, 1800));
    assertThatIllegalStateException()
        .isThrownBy(() -> check.check(1213, 1800))
        .withMessageContaining("observed at the start of the run");
  }

  @Test
  void expect_found_overrides_both_and_nothing_is_checked_before_an_expectation() {
    FoundRatioCheck check = new FoundRatioCheck(0.25, 0.01);
    assertThatNoException().isThrownBy(() -> check.check(0, 1800)); // not yet expected

    check.expect(true, 0.67, Double.NaN);

    assertThatNoException().isThrownBy(() -> check.check(450, 1800));
    assertThat(check.describe()).contains("0.2500").contains("-DexpectFound");
  }
}
