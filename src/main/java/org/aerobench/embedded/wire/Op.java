package org.aerobench.embedded.wire;

import java.util.List;

/**
 * One operation of a request; the value stays in the request buffer (no copy until stored).
 *
 * <pre>
 * op: size(4, from op byte on) | op(1) | particle type(1) | version(1) | name length(1)
 *     | name | value(size - 4 - name length)
 * </pre>
 */
public record Op(
    int type,
    int particle,
    String name,
    int nameLength,
    byte[] buf,
    int valueOffset,
    int valueLength) {

  /** Reads one operation. */
  public static Op read(WireReader in) {
    int size = in.i32();
    if (size < 4) {
      throw new WireFormatException("operation size " + size + " is under the 4-byte minimum");
    }
    in.require(size, "operation");
    int type = in.u8();
    int particle = in.u8();
    in.u8(); // version: unused
    int nameLength = in.u8();
    int valueLength = size - 4 - nameLength;
    if (valueLength < 0) {
      throw new WireFormatException(
          "operation name length " + nameLength + " overruns its size " + size);
    }
    String name = nameLength == 0 ? null : in.utf8(nameLength, "bin name");
    int valueOffset = in.position();
    in.skip(valueLength, "operation value");
    return new Op(type, particle, name, nameLength, in.buffer(), valueOffset, valueLength);
  }

  /** Reads {@code count} operations into {@code out}. */
  public static void readAll(WireReader in, int count, List<Op> out) {
    for (int i = 0; i < count; i++) {
      out.add(read(in));
    }
  }

  /** True when the name is longer than a server takes (15 bytes of UTF-8). */
  public boolean nameTooLong() {
    return nameLength > Wire.MAX_BIN_NAME;
  }

  public byte[] valueBytes() {
    byte[] v = new byte[valueLength];
    System.arraycopy(buf, valueOffset, v, 0, valueLength);
    return v;
  }
}
