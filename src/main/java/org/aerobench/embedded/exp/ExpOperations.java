package org.aerobench.embedded.exp;

import java.util.List;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.store.OpResult;
import org.aerobench.embedded.store.StoredRecord;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.Wire;

/** Expression operations (OP_EXP_READ, OP_EXP_MODIFY) on the bins of one record. */
public final class ExpOperations {

  private ExpOperations() {}

  /**
   * Applies one operation to {@code bins} (the record's working copy, changed in place); {@code
   * record} is the stored record before this command, for metadata, or null.
   */
  public static OpResult apply(Op op, List<Bin> bins, StoredRecord record) {
    return OpResult.error(Wire.RESULT_UNSUPPORTED_FEATURE);
  }
}
