package org.aerobench.client;

import com.aerospike.client.policy.BatchPolicy;

/**
 * A request's remaining time, applied to the Aerospike call that is about to start: the call gets
 * what is left of the request's deadline, never the full configured timeout again after the request
 * already waited in the app.
 */
public final class Budget {

  /** No deadline: the policy's own timeouts apply. */
  public static final long NO_DEADLINE = Long.MIN_VALUE;

  private Budget() {}

  /**
   * The policy to call with now: {@code base} when there is no deadline, else a copy whose total
   * (and socket) timeout is the remaining time when that is shorter.
   *
   * @throws DeadlineExceededException when less than 1 ms is left: the call would time out anyway
   */
  public static BatchPolicy within(BatchPolicy base, long deadlineNanos) {
    if (deadlineNanos == NO_DEADLINE) {
      return base;
    }
    long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (leftMs < 1) {
      throw new DeadlineExceededException("the read had not started when the deadline passed");
    }
    if (base.totalTimeout > 0 && base.totalTimeout <= leftMs) {
      return base;
    }
    BatchPolicy policy = new BatchPolicy(base);
    policy.totalTimeout = (int) Math.min(Integer.MAX_VALUE, leftMs);
    if (policy.socketTimeout == 0 || policy.socketTimeout > policy.totalTimeout) {
      policy.socketTimeout = policy.totalTimeout;
    }
    return policy;
  }
}
