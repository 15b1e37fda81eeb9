package org.aerobench.client;

import java.util.List;

/** The outcome of reading one key plan: per set, the records in plan order. */
public record LookupResult(List<SetRecords> sets) {

  public LookupResult {
    sets = List.copyOf(sets);
  }

  /** Records found over all sets. */
  public int found() {
    return sets.stream().mapToInt(SetRecords::found).sum();
  }

  /** Keys read over all sets. */
  public int total() {
    return sets.stream().mapToInt(s -> s.records().length).sum();
  }
}
