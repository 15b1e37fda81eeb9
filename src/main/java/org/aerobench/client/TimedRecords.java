package org.aerobench.client;

import com.aerospike.client.Record;

/**
 * The answer of one batch call: records in key order (null = not found) and the time from issuing
 * the call until the records were available, measured by the style (including any wait for a pool
 * thread, a permit or an event loop's delay queue, as the caller experiences it).
 */
public record TimedRecords(Record[] records, long readNanos) {}
