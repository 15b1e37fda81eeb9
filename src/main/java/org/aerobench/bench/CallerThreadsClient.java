package org.aerobench.bench;

import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.policy.BatchPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.aerobench.data.SetKeys;

/**
 * The {@code sync-callers} client: a fixed set of {@code concurrency} platform threads, each making
 * the bare blocking batch call itself (the reference's {@code official} through {@code
 * asyncio.to_thread} on a pool of {@code concurrency} threads). Like every env A client, a call is
 * timed from the moment the issuing thread hands it off to the moment its result is in the hands of
 * the thread that made the call: the wait for a caller thread counts, as the wait for a pool
 * thread, a permit or an event loop counts for the others.
 */
final class CallerThreadsClient implements BenchClient {

  private final IAerospikeClient client;
  private final BatchPolicy policy;
  private final ExecutorService callers;
  private final long waitMillis;

  CallerThreadsClient(
      IAerospikeClient client, BatchPolicy policy, int concurrency, long waitMillis) {
    this.client = client;
    this.policy = policy;
    this.waitMillis = waitMillis;
    AtomicInteger ids = new AtomicInteger();
    this.callers =
        Executors.newFixedThreadPool(
            concurrency,
            task -> {
              Thread thread = new Thread(task, "bench-sync-caller-" + ids.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public BenchClientKind kind() {
    return BenchClientKind.SYNC_CALLERS;
  }

  @Override
  public List<CallSample> fireTogether(SetKeys keys, int concurrency) throws InterruptedException {
    Key[] batch = keys.keys().toArray(Key[]::new);
    List<Future<CallSample>> calls = new ArrayList<>(concurrency);
    for (int i = 0; i < concurrency; i++) {
      long issued = System.nanoTime();
      calls.add(callers.submit(() -> call(batch, issued)));
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    List<CallSample> samples = new ArrayList<>(concurrency);
    for (Future<CallSample> call : calls) {
      try {
        samples.add(call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (ExecutionException e) {
        throw new BenchFailure("sync-callers batch read failed: " + e.getCause(), e.getCause());
      } catch (TimeoutException e) {
        throw new BenchFailure(
            "sync-callers batch read did not finish within " + waitMillis + " ms", e);
      }
    }
    return samples;
  }

  private CallSample call(Key[] batch, long issued) {
    Record[] records = client.get(policy, batch);
    long latency = System.nanoTime() - issued;
    int found = 0;
    for (Record record : records) {
      if (record != null) {
        found++;
      }
    }
    return new CallSample(latency, found, batch.length);
  }

  @Override
  public void close() {
    callers.shutdownNow();
  }
}
