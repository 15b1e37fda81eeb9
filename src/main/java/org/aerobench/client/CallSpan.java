package org.aerobench.client;

/**
 * When one Aerospike batch call was asked for, started and answered ({@link System#nanoTime()}).
 * Between {@code issued} and {@code started} the call waited for a worker: a sync pool thread, a
 * virtual-thread permit or an async command slot. Between {@code started} and {@code ended} it was
 * the client's: the Aerospike call itself.
 */
public record CallSpan(long issuedNanos, long startedNanos, long endedNanos) {

  /** Time spent waiting for a thread, permit or slot. */
  public long queueNanos() {
    return startedNanos - issuedNanos;
  }

  /** Time inside the Aerospike call. */
  public long callNanos() {
    return endedNanos - startedNanos;
  }
}
