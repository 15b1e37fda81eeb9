package org.aerobench.client;

import com.aerospike.client.Key;
import java.util.concurrent.CompletableFuture;

/**
 * The one primitive a client style provides: a batch read of keys, all bins, records in key order.
 * {@link ReadModes} builds the four read modes on top of it.
 */
@FunctionalInterface
public interface BatchReader {

  /**
   * Starts the read and returns without waiting for Aerospike. Failures (including a refused
   * registration) complete the future exceptionally; this method does not throw.
   */
  CompletableFuture<TimedRecords> read(Key[] keys);
}
