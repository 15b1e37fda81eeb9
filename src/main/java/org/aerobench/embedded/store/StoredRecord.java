package org.aerobench.embedded.store;

import java.util.List;

/**
 * An immutable stored record; a write replaces the whole object, so readers never lock.
 *
 * @param set set name, or null for the namespace's null set
 * @param bins bins in write order
 * @param encodedBins every bin's read-reply op, concatenated: the body of a get-all reply
 * @param generation 1 on create, +1 per write, wraps 65535 -> 1 like the server's 16 bits
 * @param voidTime expiry in seconds since 2010-01-01 UTC; 0 = never
 * @param userKey the key field as sent with sendKey (particle type + value), or null
 * @param lastUpdateMillis wall-clock time of the last write, for truncate's {@code lut}
 */
public record StoredRecord(
    String set,
    Bin[] bins,
    byte[] encodedBins,
    int generation,
    int voidTime,
    byte[] userKey,
    long lastUpdateMillis) {

  /** Builds a record, precomputing the get-all reply body. */
  public static StoredRecord of(
      String set, List<Bin> bins, int generation, int voidTime, byte[] userKey, long now) {
    int size = 0;
    for (Bin b : bins) {
      size += b.op().length;
    }
    byte[] encoded = new byte[size];
    int at = 0;
    for (Bin b : bins) {
      System.arraycopy(b.op(), 0, encoded, at, b.op().length);
      at += b.op().length;
    }
    return new StoredRecord(
        set, bins.toArray(new Bin[0]), encoded, generation, voidTime, userKey, now);
  }

  public Bin bin(String name) {
    for (Bin b : bins) {
      if (b.name().equals(name)) {
        return b;
      }
    }
    return null;
  }

  /**
   * The size checked against max-record-size: every bin as a read reply carries it, plus the stored
   * key and the set name. Close to, not exactly, what a server counts.
   */
  public int storedBytes() {
    return encodedBins.length
        + (userKey == null ? 0 : userKey.length)
        + (set == null ? 0 : set.length());
  }

  /** The same record with a new expiry, as a read-touch leaves it (generation unchanged). */
  public StoredRecord touched(int newVoidTime, long nowMillis) {
    return new StoredRecord(set, bins, encodedBins, generation, newVoidTime, userKey, nowMillis);
  }

  public boolean expiredAt(int nowVoidTime) {
    return voidTime != 0 && Integer.compareUnsigned(nowVoidTime, voidTime) >= 0;
  }
}
