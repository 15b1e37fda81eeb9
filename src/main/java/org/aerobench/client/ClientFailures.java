package org.aerobench.client;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.ResultCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Classifies what a failed {@link ClientStyle#read} future carries, so that callers map it once:
 * {@link Kind#OVERLOADED} → 503 with Retry-After, {@link Kind#UNAVAILABLE} → 503, anything else →
 * 500.
 */
public final class ClientFailures {

  /** What went wrong, as far as a caller needs to know. */
  public enum Kind {
    /** A bounded queue is full: the event loop's delay queue, the sync pool, the conn pool. */
    OVERLOADED,
    /**
     * Aerospike did not answer in time or cannot be reached (no node, refused, reset, the client's
     * error-rate circuit breaker open).
     */
    UNAVAILABLE,
    /** Anything else: a server error code, a bug. */
    FAILED
  }

  private ClientFailures() {}

  /**
   * The cause under {@link CompletionException} / {@link ExecutionException} wrappers and under the
   * sync batch API's {@code AerospikeException.BatchRecords} ("Batch failed", whose partial records
   * a lookup cannot use): e.g. the {@code Connection} or {@code Timeout} that made it fail.
   */
  public static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException
            || t instanceof ExecutionException
            || t instanceof AerospikeException.BatchRecords)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Classifies a failure (wrappers are looked through). */
  public static Kind classify(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof DeadlineExceededException) {
      return Kind.OVERLOADED; // the app's own queues held it past its deadline
    }
    if (!(t instanceof AerospikeException e)) {
      return Kind.FAILED;
    }
    return switch (e.getResultCode()) {
      case ResultCode.ASYNC_QUEUE_FULL, ResultCode.NO_MORE_CONNECTIONS -> Kind.OVERLOADED;
      case ResultCode.TIMEOUT,
          ResultCode.SERVER_NOT_AVAILABLE,
          ResultCode.INVALID_NODE_ERROR,
          ResultCode.SERVER_ERROR ->
          Kind.UNAVAILABLE;
      default ->
          e instanceof AerospikeException.Connection
                  || e instanceof AerospikeException.Timeout
                  || e instanceof AerospikeException.InvalidNode
                  || e instanceof AerospikeException.Backoff
              ? Kind.UNAVAILABLE
              : Kind.FAILED;
    };
  }

  /** True when a bounded queue refused the read ({@link Kind#OVERLOADED}). */
  public static boolean isOverload(Throwable failure) {
    return classify(failure) == Kind.OVERLOADED;
  }

  /**
   * The failure a style reports when its own bounded queue is full; it carries {@link
   * ResultCode#ASYNC_QUEUE_FULL}, like the client's {@code AsyncQueueFull}.
   */
  public static AerospikeException queueFull(String queue, int capacity) {
    return new AerospikeException(
        ResultCode.ASYNC_QUEUE_FULL, queue + " queue is full (" + capacity + " waiting reads)");
  }
}
