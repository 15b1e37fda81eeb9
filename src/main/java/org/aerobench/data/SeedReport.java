package org.aerobench.data;

import java.util.List;

/**
 * What {@link Seeder#seed} wrote.
 *
 * @param namespace the namespace written to
 * @param sets one entry per feature set, in reference order
 * @param elapsedNanos time the whole seeding took
 */
public record SeedReport(String namespace, List<SetSeed> sets, long elapsedNanos) {

  public SeedReport {
    sets = List.copyOf(sets);
  }

  /** Records written over all sets. */
  public int written() {
    return sets.stream().mapToInt(SetSeed::written).sum();
  }

  /** The entry of one set. */
  public SetSeed of(FeatureSet set) {
    return sets.stream().filter(s -> s.set() == set).findFirst().orElseThrow();
  }

  /**
   * One set's seeding.
   *
   * @param keys keys a full-fixture read of the set asks for (200 with the shipped fixture)
   * @param written records written (put with REPLACE)
   * @param absent keys of the plan kept absent (deleted if an older run or another tool left them)
   * @param intendedFoundRatio found / keys a full-fixture read should see (e.g. 0.82)
   */
  public record SetSeed(
      FeatureSet set, int keys, int written, int absent, double intendedFoundRatio) {}
}
