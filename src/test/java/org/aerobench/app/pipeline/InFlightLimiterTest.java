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

  @Test
  void grants_up_to_the_limit_at_once_and_queues_the_next() {
    InFlightLimiter limiter = new InFlightLimiter("sync", 2, 10, 10_000, timer);

    assertThat(limiter.acquire()).isCompleted();
    assertThat(limiter.acquire()).isCompleted();
    CompletableFuture<Void> third = limiter.acquire();

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
  void waiter_is_rejected_naming_the_limit_when_no_slot_frees_in_time() throws Exception {
    InFlightLimiter limiter = new InFlightLimiter("async", 1, 10, 50, timer);
    limiter.acquire();

    CompletableFuture<Void> waiting = limiter.acquire();

    Throwable failure = waiting.handle((v, e) -> e).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(failure)
        .isInstanceOf(OverloadedException.class)
        .hasMessageContaining("client style 'async' is at its in-flight limit of 1 requests")
        .hasMessageContaining("no slot freed within 50 ms");
    assertThat(((OverloadedException) failure).limit()).isEqualTo("inflight.limit");
    assertThat(limiter.waiting()).isZero();
    assertThat(limiter.inFlight()).isEqualTo(1);
  }

  @Test
  void full_wait_queue_rejects_at_once() {
    InFlightLimiter limiter = new InFlightLimiter("virtual", 1, 1, 10_000, timer);
    limiter.acquire();
    limiter.acquire();

    CompletableFuture<Void> third = limiter.acquire();

    assertThat(third).isCompletedExceptionally();
    assertThat(third.handle((v, e) -> e).join()).hasMessageContaining("the wait queue is full");
  }
}
