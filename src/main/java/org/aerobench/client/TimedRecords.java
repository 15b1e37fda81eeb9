package org.aerobench.client;

import com.aerospike.client.Record;

/**
 * The answer of one batch call: records in key order (null = not found) and when the call was asked
 * for, started (its thread, permit or command slot obtained) and answered.
 */
public record TimedRecords(Record[] records, CallSpan span) {

  /** The time of the Aerospike call itself, without any wait for a worker. */
  public long callNanos() {
    return span.callNanos();
  }
}
