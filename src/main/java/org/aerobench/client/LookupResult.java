package org.aerobench.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of reading one key plan: per set, the records in plan order, and the span of every
 * Aerospike call the read made (empty when the style does not time its calls).
 */
public record LookupResult(List<SetRecords> sets, List<CallSpan> calls) {

  public LookupResult {
    sets = List.copyOf(sets);
    calls = List.copyOf(calls);
  }

  /** A result without call spans: the whole read then counts as Aerospike time. */
  public LookupResult(List<SetRecords> sets) {
    this(sets, List.of());
  }

  /** Records found over all sets. */
  public int found() {
    return sets.stream().mapToInt(SetRecords::found).sum();
  }

  /** Keys read over all sets. */
  public int total() {
    return sets.stream().mapToInt(s -> s.records().length).sum();
  }

  /**
   * Of the read between {@code fromNanos} and {@code toNanos}, the time during which at least one
   * of its Aerospike calls was running (the union of the call spans): overlapping calls of a gather
   * count once, and what is left of the read is waiting (for a worker, or between the calls of a
   * sequential read). Without spans, the whole read.
   */
  public long callNanosWithin(long fromNanos, long toNanos) {
    if (calls.isEmpty()) {
      return toNanos - fromNanos;
    }
    List<CallSpan> sorted = new ArrayList<>(calls);
    sorted.sort((a, b) -> Long.compare(a.startedNanos(), b.startedNanos()));
    long covered = 0;
    long runStart = 0;
    long runEnd = 0;
    boolean open = false;
    for (CallSpan span : sorted) {
      long start = Math.max(fromNanos, span.startedNanos());
      long end = Math.min(toNanos, span.endedNanos());
      if (end <= start) {
        continue;
      }
      if (open && start <= runEnd) {
        runEnd = Math.max(runEnd, end);
      } else {
        if (open) {
          covered += runEnd - runStart;
        }
        runStart = start;
        runEnd = end;
        open = true;
      }
    }
    if (open) {
      covered += runEnd - runStart;
    }
    return covered;
  }
}
