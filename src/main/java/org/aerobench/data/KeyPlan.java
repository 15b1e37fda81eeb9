package org.aerobench.data;

import com.aerospike.client.Key;
import java.util.ArrayList;
import java.util.List;

/**
 * What one request reads: the first {@code numSets} sets × the first {@code batchSize} candidate
 * ads (reference §4.4 step 2). Keys are built once per plan; a plan is immutable and can be shared
 * by concurrent requests.
 */
public record KeyPlan(String namespace, List<SetKeys> sets) {

  public KeyPlan {
    sets = List.copyOf(sets);
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

  /** All keys of all sets, set after set: the order the single mode reads and demultiplexes. */
  public Key[] allKeys() {
    Key[] all = new Key[totalKeys()];
    int i = 0;
    for (SetKeys set : sets) {
      for (Key key : set.keys()) {
        all[i++] = key;
      }
    }
    return all;
  }

  /** Total number of keys (sets × batch size). */
  public int totalKeys() {
    return sets.size() * batchSize();
  }
}
