package org.aerobench.client.styles;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Small helpers shared by the styles. */
final class Styles {

  private Styles() {}

  /** Stops accepting reads, interrupts running ones and waits at most 5 s for them to end. */
  static void shutdown(ExecutorService executor) {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
