package org.aerobench.data;

import com.aerospike.client.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one request reads: the first {@code numSets} sets × the first {@code batchSize} candidate
 * ads (reference §4.4 step 2). Keys and the key arrays the client is called with are built once per
 * plan, not per request; a plan is immutable and can be shared by concurrent requests.
 */
public final class KeyPlan {

  private final String namespace;
  private final List<SetKeys> sets;
  private final Key[] allKeys;

  public KeyPlan(String namespace, List<SetKeys> sets) {
    this.namespace = namespace;
    this.sets = List.copyOf(sets);
    this.allKeys = this.sets.size() == 1 ? this.sets.get(0).keyArray() : concatenate(this.sets);
  }

  /**
   * Builds the plan for a fixture.
   *
   * @throws IllegalArgumentException when numSets is outside 1..9 or batchSize outside 1..the
   *     fixture's ad count
   */
  public static KeyPlan of(RequestFixture fixture, String namespace, int numSets, int batchSize) {
    if (numSets < 1 || numSets > FeatureSet.count()) {
      throw new IllegalArgumentException(
          "num_sets " + numSets + " is outside 1.." + FeatureSet.count());
    }
    if (batchSize < 1 || batchSize > fixture.size()) {
      throw new IllegalArgumentException(
          "batch_size " + batchSize + " is outside 1.." + fixture.size() + " (the fixture's ads)");
    }
    List<SetKeys> sets = new ArrayList<>(numSets);
    for (FeatureSet set : List.of(FeatureSet.values()).subList(0, numSets)) {
      List<Key> keys = new ArrayList<>(batchSize);
      for (CandidateAd ad : fixture.candidateAds().subList(0, batchSize)) {
        keys.add(new Key(namespace, set.setName(), set.userKey(fixture, ad)));
      }
      sets.add(new SetKeys(set, keys));
    }
    return new KeyPlan(namespace, sets);
  }

  /** Keys per set (the batch size). */
  public int batchSize() {
    return sets.get(0).keys().size();
  }

  public String namespace() {
    return namespace;
  }

  /** The sets in FeatureSet order, unmodifiable. */
  public List<SetKeys> sets() {
    return sets;
  }

  /**
   * All keys of all sets, set after set: the order the single mode reads and demultiplexes. The
   * array is the plan's own, shared and not copied (this is the per-request hot path): callers must
   * not modify it. The Aerospike client only reads it.
   */
  public Key[] allKeys() {
    return allKeys;
  }

  /** Total number of keys (sets × batch size). */
  public int totalKeys() {
    return sets.size() * batchSize();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyPlan that
        && Objects.equals(namespace, that.namespace)
        && sets.equals(that.sets);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(namespace) + sets.hashCode();
  }

  @Override
  public String toString() {
    return "KeyPlan[namespace=" + namespace + ", sets=" + sets + "]";
  }

  private static Key[] concatenate(List<SetKeys> sets) {
    int total = 0;
    for (SetKeys set : sets) {
      total += set.keyArray().length;
    }
    Key[] all = new Key[total];
    int i = 0;
    for (SetKeys set : sets) {
      System.arraycopy(set.keyArray(), 0, all, i, set.keyArray().length);
      i += set.keyArray().length;
    }
    return all;
  }
}
