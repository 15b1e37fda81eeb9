package org.aerobench.app.pipeline;

import org.aerobench.client.ClientFailures;

/** Backpressure, as the app counts it: the client's full queues plus the app's own limits. */
public final class Failures {

  private Failures() {}

  /** True for backpressure: our own limits, or a full client queue or connection pool. */
  public static boolean isOverload(Throwable t) {
    return ClientFailures.isOverload(t) || ClientFailures.unwrap(t) instanceof OverloadedException;
  }
}
