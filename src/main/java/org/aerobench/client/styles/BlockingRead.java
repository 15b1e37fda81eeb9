package org.aerobench.client.styles;

import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.policy.BatchPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.aerobench.client.Budget;
import org.aerobench.client.CallSpan;
import org.aerobench.client.TimedRecords;

/**
 * One blocking {@code client.get(BatchPolicy, Key[])} as an executor task that owns its future. A
 * class rather than a lambda so that {@link Styles#shutdown} can find the tasks a closing executor
 * drops unrun and fail their futures: the {@code ClientStyle} contract is that every future
 * completes.
 */
final class BlockingRead implements Runnable {

  private final String style;
  private final IAerospikeClient client;
  private final BatchPolicy policy;
  private final long deadlineNanos;
  private final Key[] keys;
  private final Semaphore permits; // null = no limit beyond the executor's own
  private final WorkerClock clock;
  private final long issuedNanos = System.nanoTime();
  private final CompletableFuture<TimedRecords> future = new CompletableFuture<>();

  private BlockingRead(
      String style,
      IAerospikeClient client,
      BatchPolicy policy,
      long deadlineNanos,
      Key[] keys,
      Semaphore permits,
      WorkerClock clock) {
    this.deadlineNanos = deadlineNanos;
    this.style = style;
    this.clock = clock;
    this.permits = permits;
    this.client = client;
    this.policy = policy;
    this.keys = keys;
  }

  /**
   * Submits the read to the executor; never throws. A refused submission fails the future with
   * "&lt;style&gt; style is closed" when the executor is shut down, else with {@code
   * whenFull.get()}.
   */
  static CompletableFuture<TimedRecords> submit(
      String style,
      ExecutorService executor,
      IAerospikeClient client,
      BatchPolicy policy,
      long deadlineNanos,
      Key[] keys,
      Semaphore permits,
      WorkerClock clock,
      Supplier<? extends RuntimeException> whenFull) {
    BlockingRead read =
        new BlockingRead(style, client, policy, deadlineNanos, keys, permits, clock);
    try {
      executor.execute(read);
    } catch (RejectedExecutionException e) {
      read.future.completeExceptionally(executor.isShutdown() ? closed(style) : whenFull.get());
    }
    return read.future;
  }

  @Override
  public void run() {
    try {
      if (permits == null) {
        read();
      } else {
        permits.acquire();
        try {
          read();
        } finally {
          permits.release();
        }
      }
    } catch (InterruptedException | RuntimeException e) {
      future.completeExceptionally(e);
    }
  }

  private void read() {
    // The call starts here, with its worker (and permit) held: the wait before is queue time.
    long callStart = System.nanoTime();
    // Checked when a worker picks the read up: the time queued in the pool counts against it.
    BatchPolicy now = Budget.within(policy, deadlineNanos);
    try {
      Record[] records = client.get(now, keys);
      long end = System.nanoTime();
      clock.add(end - callStart);
      future.complete(new TimedRecords(records, new CallSpan(issuedNanos, callStart, end)));
    } catch (RuntimeException e) {
      clock.add(System.nanoTime() - callStart); // a failed call held its worker too
      throw e;
    }
  }

  /** Fails the read because its style closed before it ran. */
  void dropped() {
    future.completeExceptionally(closed(style));
  }

  private static IllegalStateException closed(String style) {
    return new IllegalStateException(style + " style is closed");
  }
}
