package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.ResultCode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.aerobench.data.KeyPlan;
import org.junit.jupiter.api.Test;

class DelayedStyleTest {

  /** A style whose reads are answered at once: what the delay is measured against. */
  private static ClientStyle answering(CompletableFuture<LookupResult> answer) {
    return new ClientStyle() {
      @Override
      public String name() {
        return "async";
      }

      @Override
      public CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode) {
        return answer;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void a_read_completes_no_sooner_than_the_delay_after_the_reply_with_the_same_value()
      throws Exception {
    LookupResult value = new LookupResult(List.of());
    DelayedStyle style = new DelayedStyle(answering(CompletableFuture.completedFuture(value)), 150);

    long start = System.nanoTime();
    CompletableFuture<LookupResult> read = style.read(null, ReadMode.SINGLE, Long.MAX_VALUE);
    assertThat(read).isNotDone();
    assertThat(read.get(5, TimeUnit.SECONDS)).isSameAs(value);
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(150_000_000L);
    assertThat(style.name()).isEqualTo("async");
  }

  @Test
  void a_failed_read_fails_later_with_the_same_error() {
    AerospikeException timeout = new AerospikeException(ResultCode.TIMEOUT);
    DelayedStyle style = new DelayedStyle(answering(CompletableFuture.failedFuture(timeout)), 50);

    CompletableFuture<LookupResult> read = style.read(null, ReadMode.SINGLE);
    assertThat(read).isNotDone();
    assertThatExceptionOfType(ExecutionException.class)
        .isThrownBy(() -> read.get(5, TimeUnit.SECONDS))
        .withCause(timeout);
  }

  @Test
  void a_delay_that_is_not_positive_is_refused() {
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> new DelayedStyle(answering(new CompletableFuture<>()), 0))
        .withMessage("delay must be > 0 ms, got 0.0");
  }
}
