package org.aerobench.bench;

/** A batch call failed or timed out during a run; the message names the client and the cause. */
public final class BenchFailure extends RuntimeException {

  public BenchFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
