package org.aerobench.embedded.exp;

import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.store.StoredRecord;
import org.aerobench.embedded.wire.Wire;

/**
 * What metadata expressions see of a record: the stored record before the command, as a server's
 * index entry holds it while the command runs.
 *
 * @param digest the record's 20-byte digest (digestModulo)
 * @param set set name, or null for the null set
 * @param userKey the stored key (particle type + value), or null when none is stored
 * @param voidTime expiry in seconds since 2010-01-01 UTC; 0 = never
 * @param lastUpdateMillis last write, milliseconds since 1970; the 2010 epoch for a new record
 * @param storedSize recordSize in bytes; 0 for a record this command creates
 */
public record RecordMeta(
    byte[] digest,
    String set,
    byte[] userKey,
    int voidTime,
    long lastUpdateMillis,
    int storedSize) {

  private static final long EPOCH_2010_MILLIS = Wire.CITRINE_EPOCH_SECONDS * 1000;

  /** A stored record's metadata. */
  public static RecordMeta of(byte[] digest, StoredRecord r) {
    return new RecordMeta(
        digest, r.set(), r.userKey(), r.voidTime(), r.lastUpdateMillis(), storedSize(r));
  }

  /**
   * The metadata a write's operations see: the old record's, with the set and key the request
   * brings (a server stores both before it applies the operations). A new record has no expiry, a
   * zero last-update time and no size yet.
   */
  public static RecordMeta forWrite(
      byte[] digest, StoredRecord old, String requestSet, byte[] requestKey) {
    String set = requestSet != null ? requestSet : old == null ? null : old.set();
    byte[] key = requestKey != null ? requestKey : old == null ? null : old.userKey();
    if (old == null) {
      return new RecordMeta(digest, set, key, 0, EPOCH_2010_MILLIS, 0);
    }
    return new RecordMeta(
        digest, set, key, old.voidTime(), old.lastUpdateMillis(), storedSize(old));
  }

  /**
   * An estimate of the size a server stores the record in: its flat record (a 35-byte header, the
   * expiry, set name, key, and per bin its name, type and value) rounded up to the 16-byte blocks
   * it allocates. Close to, not exactly, what a CE 8 memory namespace reports.
   */
  static int storedSize(StoredRecord r) {
    int size = 35 + (r.voidTime() != 0 ? 4 : 0) + 1;
    if (r.set() != null) {
      size += 1 + r.set().length();
    }
    if (r.userKey() != null) {
      size += 1 + r.userKey().length;
    }
    for (Bin b : r.bins()) {
      size += 1 + (b.op()[7] & 0xFF) + 1 + b.valueLength();
    }
    return (size + 15) & ~15;
  }
}
