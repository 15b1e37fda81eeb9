package org.aerobench.embedded.exp;

import java.nio.ByteBuffer;
import java.util.List;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.store.OpResult;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.Wire;
import org.msgpack.value.ValueType;

/**
 * Expression operations (OP_EXP_READ, OP_EXP_MODIFY) on the bins of one record, following the
 * server's as/src/base/expop.c.
 *
 * <pre>
 * op value: [expression, flags]   (msgpack; flags ExpReadFlags / ExpWriteFlags, optional)
 * </pre>
 */
public final class ExpOperations {

  private ExpOperations() {}

  static final int CREATE_ONLY = 1;
  static final int UPDATE_ONLY = 2;
  static final int ALLOW_DELETE = 4;
  static final int POLICY_NO_FAIL = 8;
  static final int EVAL_NO_FAIL = 16;
  private static final int MODIFY_FLAGS = 0x1F;

  private static final byte[] EMPTY = new byte[0];

  /**
   * Applies one operation to {@code bins} (the record's working copy, changed in place); {@code
   * meta} is what metadata expressions see of the record.
   */
  public static OpResult apply(Op op, List<Bin> bins, RecordMeta meta) {
    boolean modify = op.type() == Wire.OP_EXP_MODIFY;
    CompiledExp exp;
    long flags = 0;
    try (ExpReader in = new ExpReader(op.buf(), op.valueOffset(), op.valueLength())) {
      int count = in.arrayHeader();
      if (count < 1 || count > 2) {
        return OpResult.error(Wire.RESULT_PARAMETER_ERROR);
      }
      exp = ExpCompiler.compile(in);
      if (count == 2 && in.peek() == ValueType.INTEGER) {
        flags = in.integer("flags");
      }
    } catch (ExpException e) {
      return OpResult.error(e.resultCode());
    }
    if ((flags & ~(modify ? MODIFY_FLAGS : EVAL_NO_FAIL)) != 0) {
      return OpResult.error(Wire.RESULT_PARAMETER_ERROR); // flags a server does not know
    }
    return modify ? write(op, exp, flags, bins, meta) : read(op, exp, flags, bins, meta);
  }

  /** The result, as a bin named as the operation; a failed evaluation is nil with EVAL_NO_FAIL. */
  private static OpResult read(
      Op op, CompiledExp exp, long flags, List<Bin> bins, RecordMeta meta) {
    Value v = exp.eval(bins, meta);
    if (v instanceof Value.Unknown) {
      if ((flags & EVAL_NO_FAIL) == 0) {
        return OpResult.error(Wire.RESULT_OP_NOT_APPLICABLE);
      }
      v = Value.NIL;
    }
    return OpResult.ok(toBin(op.name() == null ? "" : op.name(), v));
  }

  /**
   * Writes the result to the operation's bin. CREATE_ONLY / UPDATE_ONLY check the bin before the
   * expression runs (BIN_EXISTS / BIN_NOT_FOUND unless POLICY_NO_FAIL); an unknown result fails
   * with OP_NOT_APPLICABLE unless EVAL_NO_FAIL, which leaves the bin alone; nil deletes the bin
   * only with ALLOW_DELETE.
   */
  private static OpResult write(
      Op op, CompiledExp exp, long flags, List<Bin> bins, RecordMeta meta) {
    String name = op.name();
    if (name == null) {
      return OpResult.error(Wire.RESULT_PARAMETER_ERROR);
    }
    int at = indexOf(bins, name);
    boolean policyNoFail = (flags & POLICY_NO_FAIL) != 0;
    if (at >= 0 && (flags & CREATE_ONLY) != 0) {
      return policyNoFail ? OpResult.ok(null) : OpResult.error(ExpResults.BIN_EXISTS);
    }
    if (at < 0 && (flags & UPDATE_ONLY) != 0) {
      return policyNoFail ? OpResult.ok(null) : OpResult.error(ExpResults.BIN_NOT_FOUND);
    }
    Value v = exp.eval(bins, meta);
    if (v instanceof Value.Unknown) {
      return (flags & EVAL_NO_FAIL) != 0
          ? OpResult.ok(null)
          : OpResult.error(Wire.RESULT_OP_NOT_APPLICABLE);
    }
    if (v instanceof Value.Nil) {
      if (at < 0) {
        return OpResult.ok(null); // nothing to delete
      }
      if ((flags & ALLOW_DELETE) != 0) {
        bins.remove(at);
        return OpResult.ok(null);
      }
      // The server tests "flags && POLICY_NO_FAIL" here, so any non-zero flags keep the bin and
      // succeed; only flags 0 fail. Followed as the server behaves.
      return flags != 0 ? OpResult.ok(null) : OpResult.error(Wire.RESULT_OP_NOT_APPLICABLE);
    }
    Bin bin = toBin(name, v);
    if (at >= 0) {
      bins.set(at, bin);
    } else {
      bins.add(bin);
    }
    return OpResult.ok(null);
  }

  private static int indexOf(List<Bin> bins, String name) {
    for (int i = 0; i < bins.size(); i++) {
      if (bins.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** A value as a stored (or replied) bin; nil is a NULL-particle bin. */
  static Bin toBin(String name, Value v) {
    return switch (v) {
      case Value.Int i ->
          Bin.of(name, Wire.PARTICLE_INTEGER, ByteBuffer.allocate(8).putLong(i.value()).array());
      case Value.Flt f ->
          Bin.of(name, Wire.PARTICLE_DOUBLE, ByteBuffer.allocate(8).putDouble(f.value()).array());
      case Value.Bool b ->
          Bin.of(name, Wire.PARTICLE_BOOL, new byte[] {(byte) (b.value() ? 1 : 0)});
      case Value.Str s -> Bin.of(name, Wire.PARTICLE_STRING, s.utf8());
      case Value.Blob b -> Bin.of(name, Wire.PARTICLE_BLOB, b.bytes());
      case Value.Nil n -> Bin.of(name, Wire.PARTICLE_NULL, EMPTY);
      case Value.Unknown u -> Bin.of(name, Wire.PARTICLE_NULL, EMPTY);
    };
  }
}
