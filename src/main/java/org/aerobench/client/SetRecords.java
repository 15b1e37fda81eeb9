package org.aerobench.client;

import com.aerospike.client.Record;
import java.util.Arrays;
import org.aerobench.data.FeatureSet;

/**
 * The records read for one set, in key-plan order; {@code records[i]} is null when key i was not
 * found. {@code readNanos} is the time of this set's own batch call (the Aerospike call itself,
 * without any wait for a thread, permit or command slot), or -1 when the set was read as part of a
 * single multi-set call (no per-set time exists then).
 */
public record SetRecords(FeatureSet set, Record[] records, long readNanos) {

  /** Number of records found. */
  public int found() {
    return (int) Arrays.stream(records).filter(r -> r != null).count();
  }
}
