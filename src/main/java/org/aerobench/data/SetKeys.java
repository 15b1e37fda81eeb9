package org.aerobench.data;

import com.aerospike.client.Key;
import java.util.List;
import java.util.Objects;

/**
 * The keys one request reads from one set, in candidate-ad order. Immutable; the key array the
 * client is called with is built once here, not per request (plans are cached and shared).
 */
public final class SetKeys {

  private final FeatureSet set;
  private final List<Key> keys;
  private final Key[] keyArray;

  public SetKeys(FeatureSet set, List<Key> keys) {
    this.set = Objects.requireNonNull(set, "set");
    this.keys = List.copyOf(keys);
    this.keyArray = this.keys.toArray(Key[]::new);
  }

  public FeatureSet set() {
    return set;
  }

  /** The keys, unmodifiable. */
  public List<Key> keys() {
    return keys;
  }

  /**
   * The same keys as an array, shared by every caller and not copied (this is the per-request hot
   * path): callers must not modify it. The Aerospike client only reads it.
   */
  public Key[] keyArray() {
    return keyArray;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SetKeys that && set == that.set && keys.equals(that.keys);
  }

  @Override
  public int hashCode() {
    return 31 * set.hashCode() + keys.hashCode();
  }

  @Override
  public String toString() {
    return "SetKeys[set=" + set + ", keys=" + keys + "]";
  }
}
