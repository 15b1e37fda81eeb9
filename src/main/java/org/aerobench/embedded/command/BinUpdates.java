package org.aerobench.embedded.command;

import java.util.List;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.Wire;
import org.aerobench.embedded.wire.WireReader;

/** Bin-level updates of a write: add (integer/double), append/prepend (string/blob), put. */
final class BinUpdates {

  private BinUpdates() {}

  /** Adds an 8-byte integer or double; an absent bin starts at the operand. */
  static int add(Op op, List<Bin> bins) {
    int p = op.particle();
    if ((p != Wire.PARTICLE_INTEGER && p != Wire.PARTICLE_DOUBLE) || op.valueLength() != 8) {
      return Wire.RESULT_PARAMETER_ERROR;
    }
    Bin old = find(bins, op.name());
    long arg = WireReader.readLong(op.buf(), op.valueOffset());
    long sum = arg;
    if (old != null) {
      if (old.particle() != p) {
        return Wire.RESULT_BIN_TYPE_ERROR;
      }
      long cur = WireReader.readLong(old.op(), old.valueOffset());
      sum =
          p == Wire.PARTICLE_INTEGER
              ? cur + arg
              : Double.doubleToRawLongBits(
                  Double.longBitsToDouble(cur) + Double.longBitsToDouble(arg));
    }
    byte[] v = new byte[8];
    for (int i = 0; i < 8; i++) {
      v[i] = (byte) (sum >>> (56 - 8 * i));
    }
    put(bins, Bin.of(op.name(), p, v));
    return Wire.RESULT_OK;
  }

  /** Appends or prepends a string or blob; an absent bin starts as the operand. */
  static int concat(Op op, List<Bin> bins) {
    int p = op.particle();
    if (p != Wire.PARTICLE_STRING && p != Wire.PARTICLE_BLOB) {
      return Wire.RESULT_PARAMETER_ERROR;
    }
    Bin old = find(bins, op.name());
    byte[] v;
    if (old == null) {
      v = op.valueBytes();
    } else {
      if (old.particle() != p) {
        return Wire.RESULT_BIN_TYPE_ERROR;
      }
      byte[] cur = old.value();
      byte[] arg = op.valueBytes();
      v = new byte[cur.length + arg.length];
      byte[] first = op.type() == Wire.OP_APPEND ? cur : arg;
      byte[] second = op.type() == Wire.OP_APPEND ? arg : cur;
      System.arraycopy(first, 0, v, 0, first.length);
      System.arraycopy(second, 0, v, first.length, second.length);
    }
    put(bins, Bin.of(op.name(), p, v));
    return Wire.RESULT_OK;
  }

  static Bin find(List<Bin> bins, String name) {
    for (Bin b : bins) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    return null;
  }

  /** Replaces the bin of the same name in place (bin order stays stable), else appends. */
  static void put(List<Bin> bins, Bin bin) {
    for (int i = 0; i < bins.size(); i++) {
      if (bins.get(i).name().equals(bin.name())) {
        bins.set(i, bin);
        return;
      }
    }
    bins.add(bin);
  }

  static void remove(List<Bin> bins, String name) {
    for (int i = 0; i < bins.size(); i++) {
      if (bins.get(i).name().equals(name)) {
        bins.remove(i);
        return;
      }
    }
  }
}
