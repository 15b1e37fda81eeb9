package org.aerobench.embedded.wire;

import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads over one received message body. Every read checks the bytes are there first, so
 * a size field that lies becomes a {@link WireFormatException}, never an allocation or an index
 * error.
 */
public final class WireReader {

  private final byte[] buf;
  private int pos;
  private final int limit;

  public WireReader(byte[] buf, int pos, int limit) {
    this.buf = buf;
    this.pos = pos;
    this.limit = limit;
  }

  public byte[] buffer() {
    return buf;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return limit - pos;
  }

  /** Fails unless {@code n} more bytes exist; {@code what} names the part being read. */
  public void require(long n, String what) {
    if (n < 0 || n > limit - pos) {
      throw new WireFormatException(
          what + " needs " + n + " bytes but only " + (limit - pos) + " remain in the message");
    }
  }

  public int u8() {
    require(1, "byte");
    return buf[pos++] & 0xFF;
  }

  public int u16() {
    require(2, "short");
    int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  public int i32() {
    require(4, "int");
    int v = readInt(buf, pos);
    pos += 4;
    return v;
  }

  public long i64() {
    require(8, "long");
    long v = ((long) readInt(buf, pos) << 32) | (readInt(buf, pos + 4) & 0xFFFF_FFFFL);
    pos += 8;
    return v;
  }

  public void skip(int n, String what) {
    require(n, what);
    pos += n;
  }

  public byte[] bytes(int n, String what) {
    require(n, what);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  public String utf8(int n, String what) {
    require(n, what);
    String s = new String(buf, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  public static int readInt(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  public static long readLong(byte[] b, int at) {
    return ((long) readInt(b, at) << 32) | (readInt(b, at + 4) & 0xFFFF_FFFFL);
  }
}
