package org.aerobench.app.pipeline;

/**
 * Backpressure said no: the request is answered 503 with Retry-After and counted as {@code
 * status="rejected"}. The message names the limit that was hit.
 */
public final class OverloadedException extends RuntimeException {

  private final String limit;
  private final long limitValue;

  public OverloadedException(String limit, long limitValue, String message) {
    super(message, null, false, false); // no stack trace: this is flow control, not a bug
    this.limit = limit;
    this.limitValue = limitValue;
  }

  /** The config key of the limit that was hit, e.g. {@code inflight.limit}. */
  public String limit() {
    return limit;
  }

  public long limitValue() {
    return limitValue;
  }
}
