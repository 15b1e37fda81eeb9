package org.aerobench.embedded.net;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O loops and their threads. Connections are spread round-robin; a loop that stopped by
 * itself (its selector failed) is replaced before it is given a connection, so serving goes on.
 */
public final class LoopGroup {

  private static final Logger log = LoggerFactory.getLogger(LoopGroup.class);

  private final ServerContext ctx;
  private final String threadPrefix;
  private final IoLoop[] loops;
  private final Thread[] threads;
  private int next;
  private boolean stopped;

  /** Opens {@code size} loops (not yet running); none is left open if one fails. */
  public LoopGroup(ServerContext ctx, int size, String threadPrefix) throws IOException {
    this.ctx = ctx;
    this.threadPrefix = threadPrefix;
    this.loops = new IoLoop[size];
    this.threads = new Thread[size];
    try {
      for (int i = 0; i < size; i++) {
        loops[i] = new IoLoop(ctx);
      }
    } catch (IOException | RuntimeException e) {
      for (IoLoop loop : loops) {
        if (loop != null) {
          loop.closeUnstarted();
        }
      }
      throw e;
    }
  }

  public synchronized void start() {
    for (int i = 0; i < loops.length; i++) {
      threads[i] = startThread(loops[i], i);
    }
  }

  /** The loop for the next connection, or null once stopped. */
  synchronized IoLoop next() {
    if (stopped) {
      return null;
    }
    int i = next;
    next = (next + 1) % loops.length;
    if (loops[i].isFinished()) {
      replace(i);
    }
    return loops[i];
  }

  private void replace(int i) {
    try {
      IoLoop fresh = new IoLoop(ctx);
      threads[i] = startThread(fresh, i);
      loops[i] = fresh;
      log.warn(
          "I/O loop {}{} had stopped; a new one serves its share from now on", threadPrefix, i);
    } catch (IOException | RuntimeException e) {
      // The stopped loop closes what it is given; the next connection tries again.
      log.warn(
          "I/O loop {}{} had stopped and no new one could start: {}",
          threadPrefix,
          i,
          e.toString());
    }
  }

  /** Stops every loop (each closes its connections) and waits up to 5 s for each thread. */
  public void stop() {
    IoLoop[] toStop;
    Thread[] toJoin;
    synchronized (this) {
      stopped = true;
      toStop = loops.clone();
      toJoin = threads.clone();
    }
    for (IoLoop loop : toStop) {
      loop.stop();
    }
    for (int i = 0; i < toJoin.length; i++) {
      if (toJoin[i] == null) {
        toStop[i].closeUnstarted();
        continue;
      }
      try {
        toJoin[i].join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Thread startThread(IoLoop loop, int i) {
    Thread t = new Thread(loop, threadPrefix + i);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
