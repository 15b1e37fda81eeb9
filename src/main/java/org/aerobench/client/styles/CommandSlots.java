package org.aerobench.client.styles;

import java.util.ArrayDeque;

/**
 * The async style's concurrency limit, kept by the style and not only by the client's event loops:
 * at most {@code limit} commands in process over all loops, more wait here in a bounded queue and
 * are issued as slots free. The client's own delay queue gives no sign of when a command leaves it,
 * so without this the wait for a slot would be counted as Aerospike time; here the command's {@code
 * startedNanos} is the moment it is issued. It also makes the limit one number for the whole style,
 * like the sync pool's threads and the virtual permits.
 *
 * <p>Never blocks: a freed slot is handed to the next waiting command on the thread that freed it
 * (an event loop), which only issues it (a few microseconds).
 */
final class CommandSlots {

  private final int limit;
  private final int maxWaiting;
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>(); // guarded by this
  private int inUse; // guarded by this

  /**
   * Releases counted while this thread is already handing slots on (-1 = not handing): a command
   * that fails as it is issued releases its slot at once, and handing that slot on by recursion
   * could go as deep as the queue is long.
   */
  private final ThreadLocal<int[]> handing = ThreadLocal.withInitial(() -> new int[] {-1});

  CommandSlots(int limit, int maxWaiting) {
    this.limit = limit;
    this.maxWaiting = maxWaiting;
  }

  /**
   * Runs {@code issue} now with a slot held when one is free, else queues it to run when one frees.
   * The issued command must call {@link #release()} exactly once, when it completes or fails; and
   * {@code issue} must not throw.
   *
   * @return false when every slot is in use and the queue is full (nothing was run or queued)
   */
  boolean submit(Runnable issue) {
    synchronized (this) {
      if (inUse >= limit) {
        if (waiting.size() >= maxWaiting) {
          return false;
        }
        waiting.addLast(issue);
        return true;
      }
      inUse++;
    }
    issue.run();
    return true;
  }

  /** Frees a slot: the next waiting command, if any, is issued on this thread and takes it. */
  void release() {
    int[] pending = handing.get();
    if (pending[0] >= 0) {
      pending[0]++; // the loop below, further up this thread's stack, hands this slot on
      return;
    }
    pending[0] = 1;
    try {
      while (pending[0] > 0) {
        pending[0]--;
        Runnable next;
        synchronized (this) {
          next = waiting.pollFirst();
          if (next == null) {
            inUse--;
            continue;
          }
        }
        next.run(); // the slot passes to it
      }
    } finally {
      pending[0] = -1;
    }
  }

  int limit() {
    return limit;
  }

  int maxWaiting() {
    return maxWaiting;
  }

  synchronized int inUse() {
    return inUse;
  }

  synchronized int waiting() {
    return waiting.size();
  }
}
