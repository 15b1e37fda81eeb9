package org.aerobench.embedded.wire;

import java.nio.ByteBuffer;

/**
 * First 8 bytes of every Aerospike message: {@code version(8) | type(8) | size(48)}, big-endian.
 * The size counts the bytes after the header.
 */
public record ProtoHeader(int version, int type, long size) {

  /** Validates the header against the frame limit; the message names the value and the rule. */
  public ProtoHeader {
    if (version != Wire.PROTO_VERSION) {
      throw new WireFormatException(
          "proto version " + version + " is unsupported; expected " + Wire.PROTO_VERSION);
    }
    if (type != Wire.TYPE_INFO
        && type != Wire.TYPE_MESSAGE
        && type != Wire.TYPE_COMPRESSED
        && type != Wire.TYPE_ADMIN) {
      throw new WireFormatException(
          "proto type "
              + type
              + " is unsupported; expected 1 (info), 3 (message) or 4 (compressed)");
    }
  }

  /** Reads {@code version(8) | type(8) | size(48)} and checks size against {@code maxSize}. */
  public static ProtoHeader read(ByteBuffer in, long maxSize) {
    long word = in.getLong();
    ProtoHeader header =
        new ProtoHeader((int) (word >>> 56), (int) (word >>> 48) & 0xFF, word & 0xFFFF_FFFF_FFFFL);
    if (header.size > maxSize) {
      throw new WireFormatException(
          "proto size " + header.size + " is over the frame limit " + maxSize);
    }
    return header;
  }

  /** Encodes the header word for a reply of {@code size} body bytes. */
  public static long encode(int type, long size) {
    return ((long) Wire.PROTO_VERSION << 56) | ((long) type << 48) | size;
  }
}
