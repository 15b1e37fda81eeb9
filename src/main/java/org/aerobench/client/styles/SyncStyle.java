package org.aerobench.client.styles;

import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.Key;
import com.aerospike.client.policy.BatchPolicy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.aerobench.client.AerospikeConnection;
import org.aerobench.client.Budget;
import org.aerobench.client.ClientFailures;
import org.aerobench.client.ClientSettings;
import org.aerobench.client.ClientStyle;
import org.aerobench.client.LookupResult;
import org.aerobench.client.ReadMode;
import org.aerobench.client.ReadModes;
import org.aerobench.client.TimedRecords;
import org.aerobench.client.WorkerStats;
import org.aerobench.data.KeyPlan;

/**
 * {@code sync}: the blocking {@code client.get(BatchPolicy, Key[])} on a fixed pool (default 16
 * threads, the reference's THREAD_POOL_SIZE) with a bounded queue: the reference's "official" path.
 * Every batch call is one task: gather = 9 tasks at once, sequential = 9 tasks each submitted when
 * the previous finished, single = 1 task. A full queue fails the read with an overload error.
 */
public final class SyncStyle implements ClientStyle {

  private final IAerospikeClient client;
  private final BatchPolicy policy;
  private final ThreadPoolExecutor pool;
  private final int queueCapacity;
  private final WorkerClock clock = new WorkerClock();

  public SyncStyle(AerospikeConnection connection, ClientSettings settings) {
    this.client = connection.client();
    this.policy =
        client.getBatchPolicyDefault(); // built once, from the settings, by the connection
    this.queueCapacity = settings.syncQueueCapacity();
    this.pool =
        new ThreadPoolExecutor(
            settings.syncPoolThreads(),
            settings.syncPoolThreads(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            Thread.ofPlatform().name("aerobench-sync-", 0).daemon(true).factory());
  }

  @Override
  public String name() {
    return "sync";
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
    return BlockingRead.submit(
        "sync",
        pool,
        client,
        policy,
        deadlineNanos,
        keys,
        null, // no permits: the pool's threads bound the concurrency
        clock,
        () -> ClientFailures.queueFull("sync pool", queueCapacity));
  }

  @Override
  public java.util.Optional<WorkerStats> workers() {
    return java.util.Optional.of(
        new WorkerStats(
            pool.getMaximumPoolSize(),
            pool.getActiveCount(),
            pool.getQueue().size(),
            clock.busyNanos(),
            clock.reads()));
  }

  @Override
  public void close() {
    Styles.shutdown(pool);
  }
}
