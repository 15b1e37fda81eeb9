package org.aerobench.app.pipeline;

import java.util.concurrent.atomic.AtomicLong;
import org.aerobench.client.ClientFailures;

/**
 * Whether reads reach the cluster, for /ready: the client may keep a node in its cluster while the
 * server is frozen or every read times out, so "connected" alone lied during an outage. Every read
 * outcome (the requests' and the app's own probe's) is reported here; reads failing as {@link
 * ClientFailures.Kind#UNAVAILABLE} with no success for longer than the window make it unhealthy,
 * and the next success makes it healthy again.
 */
public final class ReadHealth {

  private static final long NOT_FAILING = Long.MIN_VALUE;

  private final long windowNanos;
  private final AtomicLong failingSince = new AtomicLong(NOT_FAILING);
  private volatile String lastFailure = "";

  /**
   * @param windowMs how long reads may fail without a success before /ready says so
   */
  public ReadHealth(long windowMs) {
    this.windowNanos = windowMs * 1_000_000;
  }

  public void succeeded() {
    failingSince.set(NOT_FAILING);
  }

  /** Counts only failures that say the cluster is unreachable (not overload or a bad request). */
  public void failed(Throwable failure) {
    if (ClientFailures.classify(failure) != ClientFailures.Kind.UNAVAILABLE) {
      return;
    }
    lastFailure = String.valueOf(ClientFailures.unwrap(failure).getMessage());
    failingSince.compareAndSet(NOT_FAILING, System.nanoTime());
  }

  /** True unless reads have failed, without a success, for longer than the window. */
  public boolean healthy() {
    long since = failingSince.get();
    return since == NOT_FAILING || System.nanoTime() - since < windowNanos;
  }

  /** The /ready reason while unhealthy. */
  public String reason() {
    long since = failingSince.get();
    long ms = since == NOT_FAILING ? 0 : (System.nanoTime() - since) / 1_000_000;
    return "aerospike reads failing or timing out for "
        + ms
        + " ms with no success (window "
        + windowNanos / 1_000_000
        + " ms, ready.failure.window.ms); last: "
        + org.aerobench.app.http.Echo.truncated(lastFailure);
  }
}
