package org.aerobench.app.pipeline;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A bounded number of in-flight requests for one client style, with a bounded, time-limited wait
 * past the bound.
 *
 * <p>Why not {@code Semaphore.tryAcquire(timeout)}: it would park the Jetty thread that runs the
 * handler for up to the wait time, and under overload every Jetty thread would end up parked. Here
 * {@link #acquire} never blocks: it returns a future that is already complete when a slot is free,
 * completes later when a slot is handed over, or fails with {@link OverloadedException} when the
 * wait queue is full or the wait times out (timer on a shared scheduler thread).
 */
public final class InFlightLimiter {

  private final String clientType;
  private final int limit;
  private final int maxWaiting;
  private final long waitMs;
  private final ScheduledExecutorService timer;
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private int inFlight;

  /**
   * @param limit requests served at once
   * @param maxWaiting requests allowed to wait; 0 = reject at once past the limit
   * @param waitMs longest wait for a slot
   * @param timer fires wait timeouts; shared, never runs request work
   */
  public InFlightLimiter(
      String clientType, int limit, int maxWaiting, long waitMs, ScheduledExecutorService timer) {
    this.clientType = clientType;
    this.limit = limit;
    this.maxWaiting = maxWaiting;
    this.waitMs = waitMs;
    this.timer = timer;
  }

  private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);

  /** A future completing when this request holds a slot; call {@link #release} exactly once. */
  public CompletableFuture<Void> acquire() {
    Waiter waiter;
    synchronized (this) {
      if (inFlight < limit) {
        inFlight++;
        return GRANTED;
      }
      if (waiters.size() >= maxWaiting || waitMs == 0) {
        return CompletableFuture.failedFuture(rejected("the wait queue is full"));
      }
      waiter = new Waiter(new CompletableFuture<>());
      waiters.addLast(waiter);
    }
    waiter.timeout = timer.schedule(() -> expire(waiter), waitMs, TimeUnit.MILLISECONDS);
    return waiter.granted;
  }

  /** Frees a slot, handing it straight to the oldest waiter if there is one. */
  public void release() {
    Waiter next;
    synchronized (this) {
      next = waiters.pollFirst();
      if (next == null) {
        inFlight--;
        return;
      }
      // inFlight stays the same: the slot passes to the waiter.
    }
    ScheduledFuture<?> timeout = next.timeout;
    if (timeout != null) {
      timeout.cancel(false);
    }
    next.granted.complete(null);
  }

  /** Requests holding a slot now. */
  public synchronized int inFlight() {
    return inFlight;
  }

  /** Requests waiting for a slot now. */
  public synchronized int waiting() {
    return waiters.size();
  }

  public String clientType() {
    return clientType;
  }

  private void expire(Waiter waiter) {
    synchronized (this) {
      if (!waiters.remove(waiter)) {
        return; // already granted
      }
    }
    waiter.granted.completeExceptionally(rejected("no slot freed within " + waitMs + " ms"));
  }

  private OverloadedException rejected(String why) {
    return new OverloadedException(
        "inflight.limit",
        limit,
        "client style '"
            + clientType
            + "' is at its in-flight limit of "
            + limit
            + " requests and "
            + why
            + " (inflight.limit="
            + limit
            + ", inflight.wait.ms="
            + waitMs
            + ", inflight.max.waiting="
            + maxWaiting
            + "); retry later");
  }

  private static final class Waiter {
    final CompletableFuture<Void> granted;
    volatile ScheduledFuture<?> timeout;

    Waiter(CompletableFuture<Void> granted) {
      this.granted = granted;
    }
  }
}
