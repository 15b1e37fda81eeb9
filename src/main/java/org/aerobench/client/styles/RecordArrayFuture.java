package org.aerobench.client.styles;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.listener.RecordArrayListener;
import com.aerospike.client.policy.BatchPolicy;
import java.util.concurrent.CompletableFuture;
import org.aerobench.client.Budget;
import org.aerobench.client.TimedRecords;

/**
 * The one adapter from the client's async batch listener to a {@link CompletableFuture}. {@code
 * RecordArrayListener} delivers the records in key order (null = not found), which is what the read
 * modes demultiplex by position. The callbacks run on an event-loop thread, so they only take the
 * time and complete the future.
 */
final class RecordArrayFuture implements RecordArrayListener {

  private final CompletableFuture<TimedRecords> future = new CompletableFuture<>();
  private final long startNanos = System.nanoTime();

  private RecordArrayFuture() {}

  /**
   * Issues {@code client.get(eventLoop=next, listener, policy, keys)} with the time left before the
   * deadline ({@link Budget#within}); never throws.
   */
  static CompletableFuture<TimedRecords> get(
      IAerospikeClient client, BatchPolicy policy, long deadlineNanos, Key[] keys) {
    RecordArrayFuture listener = new RecordArrayFuture();
    try {
      // null event loop = the client's round-robin
      client.get(null, listener, Budget.within(policy, deadlineNanos), keys);
    } catch (RuntimeException e) {
      // Registration can fail synchronously (no node in the cluster, cluster closed, ...), and
      // the deadline may have passed already.
      listener.future.completeExceptionally(e);
    }
    return listener.future;
  }

  @Override
  public void onSuccess(Key[] keys, Record[] records) {
    future.complete(new TimedRecords(records, System.nanoTime() - startNanos));
  }

  @Override
  public void onFailure(AerospikeException e) {
    future.completeExceptionally(e);
  }
}
