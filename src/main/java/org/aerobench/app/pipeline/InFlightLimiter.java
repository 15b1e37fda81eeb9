package org.aerobench.app.pipeline;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A bounded number of admitted requests of one client style, with a bounded wait past the bound
 * that ends at each request's own deadline.
 *
 * <p>Why not {@code Semaphore.tryAcquire(timeout)}: it would park the Jetty thread that runs the
 * handler, and under overload every Jetty thread would end up parked. Here {@link #acquire} never
 * blocks: it returns a future that is already complete when a slot is free, completes later when a
 * slot is handed over, or fails with {@link OverloadedException} at once when the wait queue is
 * full, or when the request's deadline passes while it waits (timer on a shared scheduler thread).
 */
public final class InFlightLimiter {

  private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);

  private final String scope;
  private final int limit;
  private final int maxWaiting;
  private final ScheduledExecutorService timer;
  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private int inFlight;

  /**
   * @param scope who holds the slots, quoted in messages and metrics: the style's name
   * @param limit requests served at once
   * @param maxWaiting requests allowed to wait; 0 = reject at once past the limit
   * @param timer fires deadline expiries; shared, never runs request work
   */
  public InFlightLimiter(String scope, int limit, int maxWaiting, ScheduledExecutorService timer) {
    this.scope = scope;
    this.limit = limit;
    this.maxWaiting = maxWaiting;
    this.timer = timer;
  }

  /**
   * A future completing when this request holds a slot; call {@link #release} exactly once after it
   * completed normally.
   *
   * @param deadlineNanos the request's deadline ({@link System#nanoTime()} based): a waiter still
   *     waiting then is refused
   */
  public CompletableFuture<Void> acquire(long deadlineNanos) {
    Waiter waiter;
    long waitNanos = deadlineNanos - System.nanoTime();
    synchronized (this) {
      if (inFlight < limit) {
        inFlight++;
        return GRANTED;
      }
      if (waiters.size() >= maxWaiting) {
        return CompletableFuture.failedFuture(
            rejected("the wait queue of " + maxWaiting + " is full"));
      }
      if (waitNanos <= 0) {
        return CompletableFuture.failedFuture(rejected("its deadline has passed"));
      }
      waiter = new Waiter(new CompletableFuture<>());
      waiters.addLast(waiter);
    }
    waiter.timeout = timer.schedule(() -> expire(waiter), waitNanos, TimeUnit.NANOSECONDS);
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

  /** The most requests that ever wait at once: the bound the wait queue's memory has. */
  public int maxWaiting() {
    return maxWaiting;
  }

  public int limit() {
    return limit;
  }

  public String scope() {
    return scope;
  }

  private void expire(Waiter waiter) {
    synchronized (this) {
      if (!waiters.remove(waiter)) {
        return; // already granted
      }
    }
    waiter.granted.completeExceptionally(
        rejected("no slot freed before the request's deadline (request.deadline.ms)"));
  }

  private OverloadedException rejected(String why) {
    return new OverloadedException(
        "inflight.limit",
        limit,
        "the app is at its limit of "
            + limit
            + " admitted requests of the "
            + scope
            + " style and "
            + why
            + " (inflight.limit="
            + limit
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
