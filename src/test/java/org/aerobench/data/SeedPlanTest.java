package org.aerobench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeedPlanTest {

  @Test
  void full_fixture_reads_find_exactly_the_reference_batch_200_ratios() {
    // Found % at batch 200 from the reference (§1.2), in FeatureSet order.
    double[] referencePercent = {82.0, 89.5, 64.5, 57.5, 76.5, 62.5, 90.0, 0, 84.0};
    int[] expected = {164, 179, 129, 115, 153, 125, 180, 0, 168};
    for (FeatureSet set : FeatureSet.values()) {
      assertThat(SeedPlan.intendedFound(set, 200, 200))
          .as(set.setName())
          .isEqualTo(expected[set.ordinal()]);
      assertThat(SeedPlan.intendedFound(set, 200, 200) / 200.0 * 100)
          .as(set.setName())
          .isCloseTo(referencePercent[set.ordinal()], within(1e-9));
    }
  }

  @Test
  void first_50_keys_find_exactly_the_reference_batch_50_ratios() {
    int[] expected = {43, 46, 35, 42, 41, 35, 49, 0, 49};
    for (FeatureSet set : FeatureSet.values()) {
      assertThat(SeedPlan.intendedFound(set, 200, 50))
          .as(set.setName())
          .isEqualTo(expected[set.ordinal()]);
    }
  }

  @Test
  void choice_is_deterministic_and_differs_between_sets_sharing_keys() {
    assertThat(SeedPlan.present(FeatureSet.NCCSH_NVMID, 200))
        .isEqualTo(SeedPlan.present(FeatureSet.NCCSH_NVMID, 200))
        .isNotEqualTo(SeedPlan.present(FeatureSet.NCCSH_HCONVVALUE_NVMID, 200));
  }

  @Test
  void smaller_fixtures_keep_the_ratios_approximately() {
    assertThat(SeedPlan.intendedFound(FeatureSet.NCCSH_ADID, 10, 10)).isEqualTo(9);
    assertThat(SeedPlan.intendedFound(FeatureSet.NCCSH_USERID, 10, 10)).isZero();
  }
}
