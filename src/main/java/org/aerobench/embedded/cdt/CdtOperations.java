package org.aerobench.embedded.cdt;

import java.util.List;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.store.OpResult;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.Wire;

/** List and map operations (OP_CDT_READ, OP_CDT_MODIFY) on the bins of one record. */
public final class CdtOperations {

  private CdtOperations() {}

  /** Applies one operation to {@code bins} (the record's working copy, changed in place). */
  public static OpResult apply(Op op, List<Bin> bins) {
    return OpResult.error(Wire.RESULT_UNSUPPORTED_FEATURE);
  }
}
