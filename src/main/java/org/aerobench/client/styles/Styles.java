package org.aerobench.client.styles;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Small helpers shared by the styles. */
final class Styles {

  private Styles() {}

  /**
   * Stops accepting reads, fails the queued ones that will never run, interrupts running ones and
   * waits at most 5 s for them to end.
   */
  static void shutdown(ExecutorService executor) {
    for (Runnable dropped : executor.shutdownNow()) {
      if (dropped instanceof BlockingRead read) {
        read.dropped();
      }
    }
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
