package org.aerobench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.aerospike.client.Key;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPlanTest {

  private final RequestFixture fixture = Fixtures.load();

  @Test
  void full_plan_has_nine_sets_in_reference_order_with_200_keys_each() {
    KeyPlan plan = KeyPlan.of(fixture, "test", 9, 200);

    assertThat(plan.sets()).extracting(SetKeys::set).containsExactly(FeatureSet.values());
    assertThat(plan.sets()).allSatisfy(s -> assertThat(s.keys()).hasSize(200));
    assertThat(plan.batchSize()).isEqualTo(200);
    assertThat(plan.totalKeys()).isEqualTo(1800);
  }

  @Test
  void keys_follow_the_reference_derivations_in_candidate_ad_order() {
    KeyPlan plan = KeyPlan.of(fixture, "ns", 9, 3);
    CandidateAd second = fixture.candidateAds().get(1);
    String channel = Long.toString(fixture.channelId());

    assertThat(userKeys(plan, 0).get(1)).isEqualTo(second.adId());
    assertThat(userKeys(plan, 1).get(1)).isEqualTo(second.adGroupId());
    assertThat(userKeys(plan, 2).get(1)).isEqualTo(second.campaignId());
    assertThat(userKeys(plan, 3).get(1)).isEqualTo(second.adId() + "_" + channel);
    assertThat(userKeys(plan, 4).get(1)).isEqualTo(second.adGroupId() + "_" + channel);
    assertThat(userKeys(plan, 5).get(1)).isEqualTo(second.campaignId() + "_" + channel);
    assertThat(userKeys(plan, 6).get(1)).isEqualTo(second.nvMid());
    assertThat(userKeys(plan, 7)).containsOnly(fixture.bcookie());
    assertThat(userKeys(plan, 8)).isEqualTo(userKeys(plan, 6));
    assertThat(plan.sets().get(0).keys())
        .allSatisfy(
            k -> {
              assertThat(k.namespace).isEqualTo("ns");
              assertThat(k.setName).isEqualTo("nccsh_adid");
            });
  }

  @Test
  void sets_sharing_key_strings_still_have_different_digests() {
    KeyPlan plan = KeyPlan.of(fixture, "test", 9, 1);

    Key nvmid = plan.sets().get(6).keys().get(0);
    Key hconv = plan.sets().get(8).keys().get(0);
    assertThat(nvmid.userKey.toString()).isEqualTo(hconv.userKey.toString());
    assertThat(nvmid.digest).isNotEqualTo(hconv.digest);
  }

  @Test
  void num_sets_takes_the_first_sets_and_batch_size_the_first_ads() {
    KeyPlan plan = KeyPlan.of(fixture, "test", 3, 17);

    assertThat(plan.sets())
        .extracting(SetKeys::set)
        .containsExactly(
            FeatureSet.NCCSH_ADID, FeatureSet.NCCSH_ADGROUPID, FeatureSet.NCCSH_CAMPAIGNID);
    assertThat(userKeys(plan, 0))
        .containsExactlyElementsOf(
            fixture.candidateAds().subList(0, 17).stream().map(CandidateAd::adId).toList());
  }

  @Test
  void all_keys_are_set_after_set_so_index_ranges_demultiplex_them() {
    KeyPlan plan = KeyPlan.of(fixture, "test", 9, 17);
    Key[] all = plan.allKeys();

    assertThat(all).hasSize(9 * 17);
    for (int set = 0; set < 9; set++) {
      for (int i = 0; i < 17; i++) {
        assertThat(all[set * 17 + i]).isSameAs(plan.sets().get(set).keys().get(i));
      }
    }
  }

  @Test
  void key_arrays_are_built_once_per_plan_not_per_call() {
    KeyPlan plan = KeyPlan.of(fixture, "test", 9, 17);

    assertThat(plan.allKeys()).isSameAs(plan.allKeys());
    for (SetKeys set : plan.sets()) {
      assertThat(set.keyArray()).isSameAs(set.keyArray()).containsExactlyElementsOf(set.keys());
    }
  }

  @Test
  void plans_with_the_same_keys_are_equal() {
    assertThat(KeyPlan.of(fixture, "test", 3, 17))
        .isEqualTo(KeyPlan.of(fixture, "test", 3, 17))
        .hasSameHashCodeAs(KeyPlan.of(fixture, "test", 3, 17))
        .isNotEqualTo(KeyPlan.of(fixture, "test", 3, 16));
  }

  @Test
  void bad_num_sets_is_refused_with_the_value_and_range() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> KeyPlan.of(fixture, "test", 0, 200))
        .withMessage("num_sets 0 is outside 1..9");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> KeyPlan.of(fixture, "test", 10, 200))
        .withMessage("num_sets 10 is outside 1..9");
  }

  @Test
  void bad_batch_size_is_refused_with_the_value_and_range() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> KeyPlan.of(fixture, "test", 9, 0))
        .withMessage("batch_size 0 is outside 1..200 (the fixture's ads)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> KeyPlan.of(fixture, "test", 9, 201))
        .withMessage("batch_size 201 is outside 1..200 (the fixture's ads)");
  }

  private static List<String> userKeys(KeyPlan plan, int set) {
    return plan.sets().get(set).keys().stream().map(k -> k.userKey.toString()).toList();
  }
}
