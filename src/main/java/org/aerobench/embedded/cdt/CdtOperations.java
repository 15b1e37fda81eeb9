package org.aerobench.embedded.cdt;

import java.util.List;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.store.OpResult;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.Wire;

/**
 * List and map operations (OP_CDT_READ, OP_CDT_MODIFY) on the bins of one record. The op value is
 * msgpack {@code [command, args...]}, or {@code [0xff, [ctx...], [command, args...]]} for a nested
 * list or map. Each op decodes its bin, works on the decoded tree and, when it changed something,
 * stores the bin encoded again; a failed op leaves the bins as they were.
 */
public final class CdtOperations {

  private static final int CONTEXT_EVAL = 0xff;

  private CdtOperations() {}

  /** Applies one operation to {@code bins} (the record's working copy, changed in place). */
  public static OpResult apply(Op op, List<Bin> bins) {
    try {
      return run(op, bins);
    } catch (CdtException e) {
      return OpResult.error(e.code);
    }
  }

  private static OpResult run(Op op, List<Bin> bins) {
    if (op.name() == null) {
      return OpResult.error(Wire.RESULT_PARAMETER_ERROR);
    }
    if (!(Msgpack.decode(op.buf(), op.valueOffset(), op.valueLength()) instanceof Val.Lst call)
        || call.items().isEmpty()) {
      return OpResult.error(Wire.RESULT_PARAMETER_ERROR);
    }
    List<Val> ctx = null;
    List<Val> command = call.items();
    if (command.get(0) instanceof Val.Int i && i.value() == CONTEXT_EVAL) {
      if (command.size() != 3
          || !(command.get(1) instanceof Val.Lst c)
          || !(command.get(2) instanceof Val.Lst inner)
          || inner.items().isEmpty()) {
        return OpResult.error(Wire.RESULT_PARAMETER_ERROR);
      }
      ctx = c.items();
      command = inner.items();
    }
    if (!(command.get(0) instanceof Val.Int number)) {
      return OpResult.error(Wire.RESULT_PARAMETER_ERROR);
    }
    int cmd = (int) number.value();
    Args args = new Args(cmd, command.subList(1, command.size()));
    boolean isList = ListOps.isList(cmd);
    if (!isList && !MapOps.isMap(cmd)) {
      return OpResult.error(Wire.RESULT_UNSUPPORTED_FEATURE);
    }
    boolean read = isList ? ListOps.isRead(cmd) : MapOps.isRead(cmd);
    boolean modify = op.type() == Wire.OP_CDT_MODIFY;
    if (!modify && !read) {
      return OpResult.error(Wire.RESULT_PARAMETER_ERROR); // a write sent as a read
    }

    Bin bin = find(bins, op.name());
    if (bin == null && (read || !modify)) {
      return OpResult.ok(null); // nothing to read: no result
    }
    Val stored = bin == null ? null : BinValues.container(bin);
    if (bin != null && stored == null) {
      // A bin of another type: with a context the server finds no list or map to dig into.
      int code = ctx == null ? Wire.RESULT_BIN_TYPE_ERROR : Wire.RESULT_PARAMETER_ERROR;
      return OpResult.error(code);
    }

    Slot top = new Slot(stored);
    CdtContext nav = ctx == null ? null : CdtContext.dig(top, ctx, modify && !read);
    Slot target = nav == null ? top : new Slot(nav.target());
    if (nav != null && target.value == null && read) {
      return OpResult.error(Wire.RESULT_OP_NOT_APPLICABLE);
    }
    boolean topLevel = nav == null;
    Val result =
        isList ? ListOps.apply(args, target, topLevel) : MapOps.apply(args, target, topLevel);

    if (!read && target.value != null) {
      if (nav != null) {
        nav.writeBack(target.value);
      }
      put(bins, BinValues.store(op.name(), top.value));
    }
    return OpResult.ok(result == null ? null : BinValues.result(op.name(), result));
  }

  private static Bin find(List<Bin> bins, String name) {
    for (Bin b : bins) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    return null;
  }

  /** Replaces the bin of the same name in place (bin order stays stable), else appends. */
  private static void put(List<Bin> bins, Bin bin) {
    for (int i = 0; i < bins.size(); i++) {
      if (bins.get(i).name().equals(bin.name())) {
        bins.set(i, bin);
        return;
      }
    }
    bins.add(bin);
  }
}
