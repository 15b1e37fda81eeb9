package org.aerobench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.aerobench.data.FeatureSet;
import org.junit.jupiter.api.Test;

class BenchArgumentsTest {

  @Test
  void clients_are_parsed_in_the_given_order_and_a_repeat_is_an_aa_arm() {
    assertThat(BenchArguments.parseClients(List.of("async", "sync", "async", " VIRTUAL ")))
        .containsExactly("async", "sync", "async#2", "virtual");
    assertThat(BenchArguments.kindOf("async#2")).isEqualTo(BenchClientKind.ASYNC);
  }

  @Test
  void a_badly_numbered_arm_is_refused_naming_it() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchArguments.parseClients(List.of("sync", "sync#1")))
        .withMessageStartingWith("--clients: arm 'sync#1': a repeat is numbered from 2");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchArguments.parseClients(List.of("sync#2", "sync#2")))
        .withMessage("--clients: arm 'sync#2' is listed twice");
  }

  @Test
  void an_unknown_client_is_refused_with_the_allowed_names() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchArguments.parseClients(List.of("sync", "official")))
        .withMessage(
            "--clients: 'official' is not a client; allowed: sync, sync-callers, async, virtual");
  }

  @Test
  void the_former_sync_executor_name_is_refused_pointing_at_the_app_style_names() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchArguments.parseClients(List.of("sync-executor")))
        .withMessageContaining("'sync-executor' is now 'sync', as the app names its pool style")
        .withMessageContaining("formerly 'sync') is 'sync-callers'");
    assertThat(BenchArguments.parseClients(List.of("sync", "sync-callers")))
        .containsExactly("sync", "sync-callers");
  }

  @Test
  void sets_are_accepted_by_name_or_by_one_based_index() {
    assertThat(BenchArguments.parseSets(List.of("1", "nccsh_userid", "9")))
        .containsExactly(
            FeatureSet.NCCSH_ADID, FeatureSet.NCCSH_USERID, FeatureSet.NCCSH_HCONVVALUE_NVMID);
  }

  @Test
  void an_unknown_set_or_an_index_out_of_range_is_refused_with_the_allowed_sets() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchArguments.parseSets(List.of("10")))
        .withMessageStartingWith("--sets: '10' is not a set; allowed: a name or its 1-based index")
        .withMessageContaining("1=nccsh_adid")
        .withMessageContaining("9=nccsh_hconvvalue_nvmid");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchArguments.parseSets(List.of("nccsh_nope")))
        .withMessageStartingWith("--sets: 'nccsh_nope' is not a set");
  }

  @Test
  void a_batch_size_above_the_fixture_or_below_one_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchArguments.checkBatchSizes(List.of(50, 201), 200))
        .withMessage(
            "--batch-sizes: 201 is outside 1..200 (the fixture has 200 keys per set);"
                + " pick sizes in that range, e.g. 50,200");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchArguments.checkBatchSizes(List.of(0), 200))
        .withMessageStartingWith("--batch-sizes: 0 is outside 1..200");
    assertThat(BenchArguments.checkBatchSizes(List.of(200, 50, 200), 200)).containsExactly(200, 50);
  }

  @Test
  void counts_must_be_positive_and_warmup_may_be_zero() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchArguments.checkPositive("--concurrency", 0))
        .withMessage("--concurrency: 0 is not allowed; it must be a positive whole number (>= 1)");
    assertThat(BenchArguments.checkNotNegative("--warmup", 0)).isZero();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BenchArguments.checkNotNegative("--warmup", -1))
        .withMessage("--warmup: -1 is not allowed; it must be 0 or more");
  }
}
