package org.aerobench.embedded.command;

import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.wire.Fields;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.Wire;

/**
 * What one record command asks: a single AS_MSG or one batch row. Mutable and reused per row so a
 * 1,800-row batch does not allocate 1,800 of them; a repeated row keeps the previous values.
 */
final class RowRequest {

  int info1;
  int info2;
  int info3;
  int generation;
  int ttl;
  final Fields fields = new Fields();
  final List<Op> ops = new ArrayList<>();

  void clear() {
    info1 = 0;
    info2 = 0;
    info3 = 0;
    generation = 0;
    ttl = 0;
    fields.clear();
    ops.clear();
  }

  boolean isWrite() {
    return (info2 & Wire.INFO2_WRITE) != 0;
  }
}
