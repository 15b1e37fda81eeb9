package org.aerobench.embedded.net;

/**
 * Whether a node answers. Frozen, its acceptor and I/O threads stop touching sockets: the kernel
 * still completes connections into the listen backlog and buffers requests, but nothing is read,
 * answered or written until it thaws — what a stalled process (a long GC pause, SIGSTOP) looks like
 * to a client, so the client's own timeouts apply.
 */
public final class NodeGate {

  /** How long a waiting thread sleeps before it looks again whether it should stop. */
  private static final long RECHECK_MILLIS = 100;

  private boolean frozen;

  public synchronized void freeze() {
    frozen = true;
  }

  public synchronized void thaw() {
    frozen = false;
    notifyAll();
  }

  public synchronized boolean isFrozen() {
    return frozen;
  }

  /**
   * Returns at once when open; while frozen, waits in steps of at most 100 ms and returns false
   * when {@code keepWaiting} says the caller is stopping.
   */
  boolean awaitOpen(java.util.function.BooleanSupplier keepWaiting) {
    synchronized (this) {
      while (frozen) {
        if (!keepWaiting.getAsBoolean()) {
          return false;
        }
        try {
          wait(RECHECK_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }
}
