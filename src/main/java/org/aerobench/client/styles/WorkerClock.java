package org.aerobench.client.styles;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the blocking calls of one style cost their workers: completed calls and the time
 * spent inside them. Shared by every read of the style; cheap enough for the read path (two
 * adders).
 */
final class WorkerClock {

  private final LongAdder busyNanos = new LongAdder();
  private final LongAdder reads = new LongAdder();

  void add(long nanos) {
    busyNanos.add(nanos);
    reads.increment();
  }

  long busyNanos() {
    return busyNanos.sum();
  }

  long reads() {
    return reads.sum();
  }
}
