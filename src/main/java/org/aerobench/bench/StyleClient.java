package org.aerobench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.aerobench.client.ClientStyle;
import org.aerobench.client.LookupResult;
import org.aerobench.client.ReadMode;
import org.aerobench.data.KeyPlan;
import org.aerobench.data.SetKeys;

/**
 * A client whose calls are futures of one of the app's {@link ClientStyle}s, read as a one-set key
 * plan in {@link ReadMode#SINGLE} (one batch call). One thread issues every call, like the
 * reference's event loop; each call is timed, as every env A client's, from its issue to the moment
 * its result is seen: when its future completes, on the completing thread (any wait for a pool
 * thread, a permit or a command slot included).
 */
final class StyleClient implements BenchClient {

  private final BenchClientKind kind;
  private final ClientStyle style;
  private final String namespace;
  private final long waitMillis;

  StyleClient(BenchClientKind kind, ClientStyle style, String namespace, long waitMillis) {
    this.kind = kind;
    this.style = style;
    this.namespace = namespace;
    this.waitMillis = waitMillis;
  }

  @Override
  public BenchClientKind kind() {
    return kind;
  }

  @Override
  public List<CallSample> fireTogether(SetKeys keys, int concurrency) throws InterruptedException {
    KeyPlan plan = new KeyPlan(namespace, List.of(keys));
    List<CompletableFuture<CallSample>> calls = new ArrayList<>(concurrency);
    for (int i = 0; i < concurrency; i++) {
      long start = System.nanoTime();
      calls.add(style.read(plan, ReadMode.SINGLE).thenApply(result -> sample(start, result)));
    }
    try {
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
          .get(waitMillis, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new BenchFailure(kind.wireName() + " batch read failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new BenchFailure(
          kind.wireName() + " batch read did not finish within " + waitMillis + " ms", e);
    }
    return calls.stream().map(CompletableFuture::join).toList();
  }

  // Runs on the completing thread, first in the chain, so the time is the call's own.
  private static CallSample sample(long start, LookupResult result) {
    long latency = System.nanoTime() - start;
    return new CallSample(latency, result.found(), result.total());
  }

  @Override
  public void close() {
    style.close();
  }
}
