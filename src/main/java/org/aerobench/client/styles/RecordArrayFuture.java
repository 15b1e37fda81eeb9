package org.aerobench.client.styles;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.listener.RecordArrayListener;
import com.aerospike.client.policy.BatchPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aerobench.client.Budget;
import org.aerobench.client.CallSpan;
import org.aerobench.client.ClientFailures;
import org.aerobench.client.TimedRecords;

/**
 * The one adapter from the client's async batch listener to a {@link CompletableFuture}, issued
 * when the style grants it a command slot ({@link CommandSlots}). {@code RecordArrayListener}
 * delivers the records in key order (null = not found), which is what the read modes demultiplex by
 * position. The callbacks run on an event-loop thread, so they only take the time, complete the
 * future and free the slot.
 */
final class RecordArrayFuture implements RecordArrayListener {

  private final CompletableFuture<TimedRecords> future = new CompletableFuture<>();
  private final long issuedNanos = System.nanoTime();
  private final AtomicBoolean released = new AtomicBoolean();
  private final IAerospikeClient client;
  private final BatchPolicy policy;
  private final long deadlineNanos;
  private final Key[] keys;
  private final CommandSlots slots;
  private final WorkerClock clock;
  private volatile long startedNanos;

  private RecordArrayFuture(
      IAerospikeClient client,
      BatchPolicy policy,
      long deadlineNanos,
      Key[] keys,
      CommandSlots slots,
      WorkerClock clock) {
    this.client = client;
    this.policy = policy;
    this.deadlineNanos = deadlineNanos;
    this.keys = keys;
    this.slots = slots;
    this.clock = clock;
  }

  /**
   * Issues {@code client.get(eventLoop=next, listener, policy, keys)} once a command slot is free,
   * with the time then left before the deadline ({@link Budget#within}); never throws. With every
   * slot in use and the slots' queue full, the read fails as overloaded.
   */
  static CompletableFuture<TimedRecords> get(
      IAerospikeClient client,
      BatchPolicy policy,
      long deadlineNanos,
      Key[] keys,
      CommandSlots slots,
      WorkerClock clock) {
    RecordArrayFuture command =
        new RecordArrayFuture(client, policy, deadlineNanos, keys, slots, clock);
    if (!slots.submit(command::issue)) {
      command.future.completeExceptionally(
          ClientFailures.queueFull("async command slots", slots.maxWaiting()));
    }
    return command.future;
  }

  /** Runs with a slot held. */
  private void issue() {
    startedNanos = System.nanoTime();
    try {
      // null event loop = the client's round-robin; the deadline may have passed while waiting.
      client.get(null, this, Budget.within(policy, deadlineNanos), keys);
    } catch (RuntimeException e) {
      // Registration can fail synchronously (no node in the cluster, cluster closed, ...).
      future.completeExceptionally(e);
      release(System.nanoTime());
    }
  }

  @Override
  public void onSuccess(Key[] keys, Record[] records) {
    long end = System.nanoTime();
    try {
      future.complete(new TimedRecords(records, new CallSpan(issuedNanos, startedNanos, end)));
    } finally {
      release(end);
    }
  }

  @Override
  public void onFailure(AerospikeException e) {
    long end = System.nanoTime();
    try {
      future.completeExceptionally(e);
    } finally {
      release(end);
    }
  }

  private void release(long end) {
    if (released.compareAndSet(false, true)) {
      clock.add(end - startedNanos);
      slots.release();
    }
  }
}
