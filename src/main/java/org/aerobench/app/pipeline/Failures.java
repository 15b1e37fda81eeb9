package org.aerobench.app.pipeline;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for exceptions that arrive wrapped by CompletableFuture stages. */
public final class Failures {

  private Failures() {}

  /** The first cause that is not a CompletionException or ExecutionException wrapper. */
  public static Throwable unwrap(Throwable t) {
    Throwable current = t;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
