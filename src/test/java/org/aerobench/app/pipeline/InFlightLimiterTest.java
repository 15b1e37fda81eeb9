package org.aerobench.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private static long inSeconds(int seconds) {
    return System.nanoTime() + seconds * 1_000_000_000L;
  }

  @Test
  void grants_up_to_the_limit_at_once_and_queues_the_next() {
    InFlightLimiter limiter = new InFlightLimiter("sync", 2, 10, timer);

    assertThat(limiter.acquire(inSeconds(60))).isCompleted();
    assertThat(limiter.acquire(inSeconds(60))).isCompleted();
    CompletableFuture<Void> third = limiter.acquire(inSeconds(60));

    assertThat(third).isNotDone();
    assertThat(limiter.waiting()).isEqualTo(1);
    limiter.release();
    assertThat(third).isCompleted();
    assertThat(limiter.inFlight()).isEqualTo(2);
    limiter.release();
    limiter.release();
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void waiter_is_rejected_naming_the_limit_when_its_deadline_passes() throws Exception {
    InFlightLimiter limiter = new InFlightLimiter("sync", 1, 10, timer);
    limiter.acquire(inSeconds(60));

    CompletableFuture<Void> waiting = limiter.acquire(System.nanoTime() + 50_000_000L);

    Throwable failure = waiting.handle((v, e) -> e).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(failure)
        .isInstanceOf(OverloadedException.class)
        .hasMessageContaining("the app is at its limit of 1 admitted requests of the sync style")
        .hasMessageContaining("no slot freed before the request's deadline");
    assertThat(((OverloadedException) failure).limit()).isEqualTo("inflight.limit");
    assertThat(limiter.waiting()).isZero();
    assertThat(limiter.inFlight()).isEqualTo(1);
  }

  @Test
  void full_wait_queue_rejects_at_once() {
    InFlightLimiter limiter = new InFlightLimiter("sync", 1, 1, timer);
    limiter.acquire(inSeconds(60));
    limiter.acquire(inSeconds(60));

    CompletableFuture<Void> third = limiter.acquire(inSeconds(60));

    assertThat(third).isCompletedExceptionally();
    assertThat(third.handle((v, e) -> e).join())
        .hasMessageContaining("the wait queue of 1 is full");
  }

  @Test
  void a_request_whose_deadline_passed_is_refused_at_once_instead_of_queued() {
    InFlightLimiter limiter = new InFlightLimiter("sync", 1, 10, timer);
    limiter.acquire(inSeconds(60));

    CompletableFuture<Void> late = limiter.acquire(System.nanoTime() - 1);

    assertThat(late).isCompletedExceptionally();
    assertThat(late.handle((v, e) -> e).join()).hasMessageContaining("its deadline has passed");
    assertThat(limiter.waiting()).isZero();
  }
}
