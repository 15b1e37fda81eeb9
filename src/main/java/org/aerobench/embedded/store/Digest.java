package org.aerobench.embedded.store;

import java.util.Arrays;
import org.aerobench.embedded.wire.Wire;

/** A record's 20-byte RIPEMD-160 digest as a map key. The digest is random, so any 4 bytes hash. */
public final class Digest {

  private final byte[] bytes;
  private final int hash;

  public Digest(byte[] bytes) {
    if (bytes.length != Wire.DIGEST_SIZE) {
      throw new IllegalArgumentException("digest has " + bytes.length + " bytes; expected 20");
    }
    this.bytes = bytes;
    this.hash =
        ((bytes[8] & 0xFF) << 24)
            | ((bytes[9] & 0xFF) << 16)
            | ((bytes[10] & 0xFF) << 8)
            | (bytes[11] & 0xFF);
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The partition the client maps this digest to: little-endian int of bytes 0..3. */
  public int partitionId() {
    return partitionId(bytes);
  }

  public static int partitionId(byte[] digest) {
    int le = (digest[0] & 0xFF) | ((digest[1] & 0xFF) << 8);
    return le % Wire.PARTITIONS;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digest d && d.hash == hash && Arrays.equals(d.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
