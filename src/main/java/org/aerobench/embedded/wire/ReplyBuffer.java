package org.aerobench.embedded.wire;

import java.util.Arrays;

/** A growable big-endian byte array for building reply frames, reusable after {@link #reset}. */
public final class ReplyBuffer {

  private final int initialCapacity;
  private byte[] buf;
  private int size;
  private int limit = Integer.MAX_VALUE;

  public ReplyBuffer(int initialCapacity) {
    this.initialCapacity = initialCapacity;
    buf = new byte[initialCapacity];
  }

  /** Growing past {@code maxBytes} throws {@link ReplyTooLargeException}. */
  public void setLimit(int maxBytes) {
    limit = maxBytes;
  }

  /** Drops a buffer grown past {@code retainedBytes} by one big reply, so it is not kept. */
  public void shrink(int retainedBytes) {
    if (buf.length > retainedBytes) {
      buf = new byte[initialCapacity];
      size = 0;
    }
  }

  public void reset() {
    size = 0;
  }

  /** Drops everything after the first {@code newSize} bytes (a reply abandoned midway). */
  public void truncate(int newSize) {
    size = Math.min(size, newSize);
  }

  public int size() {
    return size;
  }

  public byte[] array() {
    return buf;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  public void ensure(int extra) {
    if (size + extra > buf.length) {
      grow(extra);
    }
  }

  private void grow(int extra) {
    long needed = (long) size + extra;
    if (needed > limit) {
      throw new ReplyTooLargeException(needed, limit);
    }
    buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max((long) buf.length * 2, needed)));
  }

  public void putByte(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  public void putShort(int v) {
    ensure(2);
    buf[size++] = (byte) (v >>> 8);
    buf[size++] = (byte) v;
  }

  public void putInt(int v) {
    ensure(4);
    putIntAt(size, v);
    size += 4;
  }

  public void putLong(long v) {
    putInt((int) (v >>> 32));
    putInt((int) v);
  }

  public void putIntAt(int at, int v) {
    buf[at] = (byte) (v >>> 24);
    buf[at + 1] = (byte) (v >>> 16);
    buf[at + 2] = (byte) (v >>> 8);
    buf[at + 3] = (byte) v;
  }

  public void putLongAt(int at, long v) {
    putIntAt(at, (int) (v >>> 32));
    putIntAt(at + 4, (int) v);
  }

  public void putBytes(byte[] src, int off, int len) {
    ensure(len);
    System.arraycopy(src, off, buf, size, len);
    size += len;
  }

  public void putBytes(byte[] src) {
    putBytes(src, 0, src.length);
  }

  /** Starts a proto frame: reserves its 8-byte header and returns where it starts. */
  public int beginFrame() {
    int at = size;
    putLong(0);
    return at;
  }

  /** Ends the frame begun at {@code at}: writes version, type and the body size. */
  public void endFrame(int at, int type) {
    putLongAt(at, ProtoHeader.encode(type, size - at - Wire.PROTO_HEADER_SIZE));
  }
}
