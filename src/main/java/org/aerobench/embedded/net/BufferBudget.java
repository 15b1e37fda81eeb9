package org.aerobench.embedded.net;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes that clients make the server hold, over all connections and I/O threads: request buffers
 * beyond each connection's free share, and replies not yet sent. Taken only when a buffer grows or
 * a reply must wait, so the common path (a reply written at once) never touches it.
 */
public final class BufferBudget {

  private final long max;
  private final AtomicLong used = new AtomicLong();

  public BufferBudget(long max) {
    this.max = max;
  }

  /** Takes {@code bytes} if they fit under the bound; false (and nothing taken) otherwise. */
  boolean tryReserve(long bytes) {
    while (true) {
      long current = used.get();
      if (current + bytes > max) {
        return false;
      }
      if (used.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  /** Bytes held now. */
  public long used() {
    return used.get();
  }

  public long max() {
    return max;
  }
}
