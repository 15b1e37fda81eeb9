package org.aerobench.app.pipeline;

import org.aerobench.client.ClientFailures;

/** Helpers for exceptions that arrive wrapped by CompletableFuture stages. */
public final class Failures {

  private Failures() {}

  /**
   * The cause under CompletionException / ExecutionException wrappers and the sync batch API's
   * {@code BatchRecords} wrapper ({@link ClientFailures#unwrap}): the Timeout or Connection error
   * that actually happened.
   */
  public static Throwable unwrap(Throwable t) {
    return ClientFailures.unwrap(t);
  }

  /** True for backpressure: our own limits, or a full client queue or connection pool. */
  public static boolean isOverload(Throwable t) {
    Throwable cause = unwrap(t);
    return cause instanceof OverloadedException
        || ClientFailures.classify(cause) == ClientFailures.Kind.OVERLOADED;
  }
}
