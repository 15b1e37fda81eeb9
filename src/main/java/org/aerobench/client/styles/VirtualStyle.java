package org.aerobench.client.styles;

import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.Key;
import com.aerospike.client.policy.BatchPolicy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.aerobench.client.AerospikeConnection;
import org.aerobench.client.Budget;
import org.aerobench.client.ClientSettings;
import org.aerobench.client.ClientStyle;
import org.aerobench.client.LookupResult;
import org.aerobench.client.ReadMode;
import org.aerobench.client.ReadModes;
import org.aerobench.client.TimedRecords;
import org.aerobench.client.WorkerStats;
import org.aerobench.data.KeyPlan;

/**
 * {@code virtual}: the blocking {@code client.get(BatchPolicy, Key[])}, one virtual thread per
 * batch call (gather = 9 virtual threads). At most {@code virtualMaxConcurrent} calls block at
 * once; the others park on a semaphore (cheap for virtual threads), so bursts wait for a socket
 * instead of exhausting the sync connection pool.
 */
public final class VirtualStyle implements ClientStyle {

  private final IAerospikeClient client;
  private final BatchPolicy policy;
  private final ExecutorService threads =
      Executors.newThreadPerTaskExecutor(
          Thread.ofVirtual().name("aerobench-virtual-", 0).factory());
  private final Semaphore permits;
  private final int maxConcurrent;
  private final WorkerClock clock = new WorkerClock();

  public VirtualStyle(AerospikeConnection connection, ClientSettings settings) {
    this.client = connection.client();
    this.policy =
        client.getBatchPolicyDefault(); // built once, from the settings, by the connection
    this.maxConcurrent = settings.virtualMaxConcurrent();
    this.permits = new Semaphore(maxConcurrent);
  }

  @Override
  public String name() {
    return "virtual";
  }

  @Override
  public CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode) {
    return read(plan, mode, Budget.NO_DEADLINE);
  }

  @Override
  public CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode, long deadlineNanos) {
    return ReadModes.read(keys -> readBatch(keys, deadlineNanos), plan, mode);
  }

  private CompletableFuture<TimedRecords> readBatch(Key[] keys, long deadlineNanos) {
    // A thread-per-task executor refuses only once closed, so "full" cannot happen.
    return BlockingRead.submit(
        "virtual",
        threads,
        client,
        policy,
        deadlineNanos,
        keys,
        permits,
        clock,
        () -> new IllegalStateException("virtual style is closed"));
  }

  @Override
  public java.util.Optional<WorkerStats> workers() {
    return java.util.Optional.of(
        new WorkerStats(
            maxConcurrent,
            maxConcurrent - permits.availablePermits(),
            permits.getQueueLength(),
            clock.busyNanos(),
            clock.reads()));
  }

  @Override
  public void close() {
    Styles.shutdown(threads);
  }
}
