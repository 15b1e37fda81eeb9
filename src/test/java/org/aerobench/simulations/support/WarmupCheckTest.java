package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.aerobench.report.run.RunConditions;
import org.junit.jupiter.api.Test;

class WarmupCheckTest {

  private final AtomicLong now = new AtomicLong(1_000_000);

  /** min 4 s, max 10 s, 1 s windows, 20 % tolerance. */
  private WarmupCheck check() {
    return new WarmupCheck(
        Duration.ofSeconds(4), Duration.ofSeconds(10), Duration.ofSeconds(1), 0.2, now::get);
  }

  /**
   * Runs the warm-up as Gatling would: asks before each iteration, then each iteration calls both
   * clients (50 ms apart) taking {@code micros.applyAsLong(elapsed ms)}; returns how long it ran.
   */
  private long run(WarmupCheck check, LongUnaryOperator micros) {
    long start = now.get();
    while (check.keepGoing()) {
      long elapsed = now.get() - start;
      for (String client : List.of("sync", "async")) {
        now.addAndGet(50);
        check.completed(
            "warmup " + client, now.get() - 5, now.get(), micros.applyAsLong(elapsed), true);
      }
      if (now.get() - start > 60_000) {
        throw new AssertionError("the warm-up never ended");
      }
    }
    return now.get() - start;
  }

  @Test
  void a_warm_up_already_steady_ends_after_its_minimum_and_says_so() {
    WarmupCheck check = check();
    long ran = run(check, elapsed -> 5_000);
    assertThat(ran).isBetween(4_000L, 4_300L);
    RunConditions.Warmup outcome = check.outcome(List.of("gather"));
    assertThat(outcome.ran()).isTrue();
    assertThat(outcome.steady()).isTrue();
    assertThat(outcome.readModes()).containsExactly("gather");
    assertThat(outcome.lastWindowsP50Ms()).containsOnlyKeys("sync", "async");
    assertThat(outcome.lastWindowsP50Ms().get("sync")).containsExactly(5.0, 5.0);
  }

  @Test
  void a_warm_up_still_getting_faster_goes_on_past_its_minimum_until_steady() {
    WarmupCheck check = check();
    // 40 ms falling by a third a second until 6 s, flat after: steady from the windows 6-7 s on
    long ran =
        run(
            check,
            elapsed -> elapsed < 6_000 ? (long) (40_000 * Math.pow(0.66, elapsed / 1000)) : 2_000);
    assertThat(ran).isBetween(8_000L, 8_400L);
    assertThat(check.outcome(List.of("single")).steady()).isTrue();
  }

  @Test
  void a_warm_up_that_never_settles_stops_at_its_maximum_and_is_recorded_as_not_steady() {
    WarmupCheck check = check();
    // half as slow again every second: a leak
    long ran = run(check, elapsed -> (long) (1_000 * Math.pow(1.5, elapsed / 1000)));
    assertThat(ran).isBetween(10_000L, 10_300L);
    RunConditions.Warmup outcome = check.outcome(List.of("single"));
    assertThat(outcome.steady()).isFalse();
    assertThat(outcome.seconds()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(0.3));
  }

  @Test
  void failed_calls_and_other_phases_do_not_count() {
    WarmupCheck check = check();
    check.keepGoing();
    for (int i = 0; i < 40; i++) {
      now.addAndGet(100);
      check.completed("warmup sync", now.get(), now.get(), 5_000, false);
      check.completed("single sync", now.get(), now.get(), 5_000, true);
    }
    assertThat(check.steadyAt(now.get())).isFalse();
  }

  @Test
  void a_skipped_warm_up_is_recorded_as_not_run() {
    RunConditions.Warmup outcome = check().outcome(List.of("single"));
    assertThat(outcome.ran()).isFalse();
    assertThat(outcome.steady()).isFalse();
  }
}
