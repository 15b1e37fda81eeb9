package org.aerobench.embedded.store;

import java.nio.charset.StandardCharsets;
import org.aerobench.embedded.wire.Wire;

/**
 * One stored bin, kept as the exact bytes a read reply carries, so a read copies bytes and encodes
 * nothing.
 *
 * <pre>
 * op: size(4) | op(1)=READ | particle type(1) | version(1)=0 | name length(1) | name | value
 * </pre>
 */
public final class Bin {

  private final String name;
  private final byte[] op;

  private Bin(String name, byte[] op) {
    this.name = name;
    this.op = op;
  }

  /** Builds a bin from a value that lives in {@code src[off, off + len)}. */
  public static Bin of(String name, int particle, byte[] src, int off, int len) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] op = new byte[Wire.OP_HEADER_SIZE + nameBytes.length + len];
    int size = 4 + nameBytes.length + len;
    op[0] = (byte) (size >>> 24);
    op[1] = (byte) (size >>> 16);
    op[2] = (byte) (size >>> 8);
    op[3] = (byte) size;
    op[4] = (byte) Wire.OP_READ;
    op[5] = (byte) particle;
    op[6] = 0;
    op[7] = (byte) nameBytes.length;
    System.arraycopy(nameBytes, 0, op, Wire.OP_HEADER_SIZE, nameBytes.length);
    System.arraycopy(src, off, op, Wire.OP_HEADER_SIZE + nameBytes.length, len);
    return new Bin(name, op);
  }

  public static Bin of(String name, int particle, byte[] value) {
    return of(name, particle, value, 0, value.length);
  }

  public String name() {
    return name;
  }

  /** The encoded read-reply operation for this bin. */
  public byte[] op() {
    return op;
  }

  public int particle() {
    return op[5] & 0xFF;
  }

  public int valueOffset() {
    return Wire.OP_HEADER_SIZE + (op[7] & 0xFF);
  }

  public int valueLength() {
    return op.length - valueOffset();
  }

  public byte[] value() {
    byte[] v = new byte[valueLength()];
    System.arraycopy(op, valueOffset(), v, 0, v.length);
    return v;
  }
}
