package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.aerospike.client.policy.BatchPolicy;
import org.junit.jupiter.api.Test;

/** An Aerospike call gets what is left of its request's deadline, not the full timeout again. */
class BudgetTest {

  private static BatchPolicy policy(int totalMs, int socketMs) {
    BatchPolicy p = new BatchPolicy();
    p.totalTimeout = totalMs;
    p.socketTimeout = socketMs;
    return p;
  }

  @Test
  void a_request_that_already_waited_gets_only_its_remaining_time_as_the_call_timeout() {
    BatchPolicy base = policy(1_000, 1_000);

    BatchPolicy now = Budget.within(base, System.nanoTime() + 300_000_000L);

    assertThat(now).isNotSameAs(base);
    assertThat(now.totalTimeout).isBetween(1, 300);
    assertThat(now.socketTimeout).isEqualTo(now.totalTimeout);
    assertThat(base.totalTimeout).as("the shared policy is untouched").isEqualTo(1_000);
  }

  @Test
  void a_budget_longer_than_the_timeout_keeps_the_policy_and_no_deadline_changes_nothing() {
    BatchPolicy base = policy(1_000, 1_000);

    assertThat(Budget.within(base, System.nanoTime() + 60_000_000_000L)).isSameAs(base);
    assertThat(Budget.within(base, Budget.NO_DEADLINE)).isSameAs(base);
  }

  @Test
  void a_call_whose_deadline_has_passed_is_not_issued_and_counts_as_overload() {
    assertThatExceptionOfType(DeadlineExceededException.class)
        .isThrownBy(() -> Budget.within(policy(1_000, 1_000), System.nanoTime() - 1))
        .satisfies(
            e -> assertThat(ClientFailures.classify(e)).isEqualTo(ClientFailures.Kind.OVERLOADED));
  }
}
