package org.aerobench.embedded.exp;

import java.util.List;
import org.aerobench.embedded.store.Bin;

/**
 * What one evaluation reads: the record's bins as the command sees them at this point, its
 * metadata, and the slots of let variables.
 */
record EvalContext(List<Bin> bins, RecordMeta meta, Value[] vars) {

  Bin bin(String name) {
    for (Bin b : bins) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    return null;
  }
}
