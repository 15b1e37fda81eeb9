package org.aerobench.app.metrics;

/** The {@code status} label of {@code predict_requests_total}. */
public enum RequestOutcome {
  /** Answered 200. */
  SUCCESS,
  /** Failed after admission (Aerospike down or timing out, an unexpected error). */
  ERROR,
  /** Refused by backpressure (in-flight limit or a full executor queue). */
  REJECTED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
