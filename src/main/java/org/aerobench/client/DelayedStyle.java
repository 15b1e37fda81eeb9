package org.aerobench.client;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.aerobench.data.KeyPlan;

/**
 * A style whose reads complete a fixed time after the Aerospike reply: the test-only "slower code
 * path" the gate's power check needs (a regression of known size in one arm while the other arm of
 * the same run stays untouched). The delay holds no thread, permit or event-loop slot of the style:
 * it is latency only, as a slower network to that style would be. Outcomes (values and failures)
 * pass through unchanged, just later.
 */
public final class DelayedStyle implements ClientStyle {

  private final ClientStyle inner;
  private final Executor later;

  /**
   * @param delayMs added to every read, > 0 (fractions allowed)
   */
  public DelayedStyle(ClientStyle inner, double delayMs) {
    if (!(delayMs > 0)) {
      throw new IllegalArgumentException("delay must be > 0 ms, got " + delayMs);
    }
    this.inner = inner;
    // The JDK's shared delay scheduler runs the completion itself; the pipeline then hops to its
    // compute executor as after any read.
    this.later =
        CompletableFuture.delayedExecutor(
            Math.round(delayMs * 1_000_000), TimeUnit.NANOSECONDS, Runnable::run);
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode) {
    return delayed(inner.read(plan, mode));
  }

  @Override
  public CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode, long deadlineNanos) {
    return delayed(inner.read(plan, mode, deadlineNanos));
  }

  @Override
  public Optional<WorkerStats> workers() {
    return inner.workers();
  }

  @Override
  public void close() {
    inner.close();
  }

  private CompletableFuture<LookupResult> delayed(CompletableFuture<LookupResult> read) {
    CompletableFuture<LookupResult> out = new CompletableFuture<>();
    read.whenComplete(
        (value, error) ->
            later.execute(
                () -> {
                  if (error != null) {
                    out.completeExceptionally(error);
                  } else {
                    out.complete(value);
                  }
                }));
    return out;
  }
}
