package org.aerobench.embedded.exp;

import java.util.List;
import org.aerobench.embedded.store.Bin;

/** A type-checked expression, ready to run against records. */
record CompiledExp(Node root, ExpType type, int varSlots) {

  Value eval(List<Bin> bins, RecordMeta meta) {
    return root.eval(new EvalContext(bins, meta, new Value[varSlots]));
  }
}
