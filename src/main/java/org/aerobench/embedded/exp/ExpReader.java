package org.aerobench.embedded.exp;

import java.io.IOException;
import org.aerobench.embedded.wire.MessagePacks;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * The msgpack reads an expression needs, each failing with PARAMETER_ERROR as the server answers a
 * malformed expression.
 */
final class ExpReader implements AutoCloseable {

  private final MessageUnpacker in;
  private final int length;

  ExpReader(byte[] buf, int offset, int length) {
    this.in = MessagePacks.unpacker(buf, offset, length);
    this.length = length;
  }

  /**
   * A count or a length a header claims, checked against the bytes still unread before anything is
   * allocated for it (each element takes at least a byte).
   */
  private int claimed(long n, String what) throws ExpException {
    long unread = length - in.getTotalReadBytes();
    if (n < 0 || n > unread) {
      throw ExpException.invalid(what + " claims " + n + " but only " + unread + " bytes follow");
    }
    return (int) n;
  }

  /** The type of the next value, or null at the end of the input. */
  ValueType peek() throws ExpException {
    try {
      return in.hasNext() ? in.getNextFormat().getValueType() : null;
    } catch (IOException | MessagePackException e) {
      throw malformed(e);
    }
  }

  int arrayHeader() throws ExpException {
    expect(ValueType.ARRAY, "a list");
    try {
      return claimed(in.unpackArrayHeader(), "a list");
    } catch (IOException | MessagePackException e) {
      throw malformed(e);
    }
  }

  /** A signed integer; an unsigned 64-bit one wraps, as the server reads it. */
  long integer(String what) throws ExpException {
    expect(ValueType.INTEGER, what);
    try {
      return in.getNextFormat() == MessageFormat.UINT64
          ? in.unpackBigInteger().longValue()
          : in.unpackLong();
    } catch (IOException | MessagePackException e) {
      throw malformed(e);
    }
  }

  double floating() throws ExpException {
    try {
      return in.unpackDouble();
    } catch (IOException | MessagePackException e) {
      throw malformed(e);
    }
  }

  boolean bool() throws ExpException {
    try {
      return in.unpackBoolean();
    } catch (IOException | MessagePackException e) {
      throw malformed(e);
    }
  }

  void nil() throws ExpException {
    try {
      in.unpackNil();
    } catch (IOException | MessagePackException e) {
      throw malformed(e);
    }
  }

  /** The payload of a str or bin value (the server reads both the same way). */
  byte[] raw(String what) throws ExpException {
    ValueType t = peek();
    if (t != ValueType.STRING && t != ValueType.BINARY) {
      throw ExpException.invalid(what + " expected, found " + t);
    }
    try {
      int n = t == ValueType.STRING ? in.unpackRawStringHeader() : in.unpackBinaryHeader();
      return in.readPayload(claimed(n, what));
    } catch (IOException | MessagePackException e) {
      throw malformed(e);
    }
  }

  private void expect(ValueType type, String what) throws ExpException {
    ValueType t = peek();
    if (t != type) {
      throw ExpException.invalid(what + " expected, found " + t);
    }
  }

  private static ExpException malformed(Exception e) {
    return ExpException.invalid("malformed expression msgpack: " + e.getMessage());
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // an in-memory buffer: nothing to release
    }
  }
}
