package org.aerobench.client;

import java.util.concurrent.CompletableFuture;
import org.aerobench.data.KeyPlan;

/**
 * One way of calling the Aerospike Java client (sync on a pool, async on event loops, blocking on
 * virtual threads, ...). Adding a style is one class implementing this and one registration line.
 *
 * <p>{@link #read} never blocks the caller's thread; failures complete the future exceptionally
 * with the client's {@code AerospikeException}.
 */
public interface ClientStyle extends AutoCloseable {

  /** The name used in URLs, metrics labels and reports: {@code sync}, {@code async}, ... */
  String name();

  /** Reads every key of the plan in the given mode. */
  CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode);

  /**
   * Reads within a deadline ({@link System#nanoTime()} based, or {@link Budget#NO_DEADLINE}): each
   * Aerospike call gets the remaining time as its timeout, and a call whose deadline passed before
   * it started fails with {@link DeadlineExceededException} instead of being issued. A style
   * without its own queues may ignore the deadline (this default does).
   */
  default CompletableFuture<LookupResult> read(KeyPlan plan, ReadMode mode, long deadlineNanos) {
    return read(plan, mode);
  }

  /**
   * The workers' state (sync pool threads, virtual permits, async command slots), read at scrape
   * time; empty for a style that keeps no limit of its own.
   */
  default java.util.Optional<WorkerStats> workers() {
    return java.util.Optional.empty();
  }

  /** Releases threads owned by the style (not the shared client). */
  @Override
  void close();
}
