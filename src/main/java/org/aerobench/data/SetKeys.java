package org.aerobench.data;

import com.aerospike.client.Key;
import java.util.List;

/** The keys one request reads from one set, in candidate-ad order. */
public record SetKeys(FeatureSet set, List<Key> keys) {

  public SetKeys {
    keys = List.copyOf(keys);
  }
}
