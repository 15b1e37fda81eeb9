package org.aerobench.client;

/**
 * The request's deadline passed before this read could start (it waited in a pool queue or behind
 * earlier reads): the read is not issued, and the caller sheds the request (503 with Retry-After)
 * instead of serving it late. Classified as {@link ClientFailures.Kind#OVERLOADED}.
 */
public final class DeadlineExceededException extends RuntimeException {

  public DeadlineExceededException(String message) {
    super(message, null, false, false); // flow control, not a bug: no stack trace
  }
}
