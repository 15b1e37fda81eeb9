package org.aerobench.embedded.store;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.IntPredicate;
import org.aerobench.embedded.NamespacePolicy;
import org.aerobench.embedded.wire.Wire;

/** One in-memory namespace: records by digest. Expired records read as absent. */
public final class Namespace {

  private final String name;
  private final NamespacePolicy policy;
  private final ConcurrentHashMap<Digest, StoredRecord> records = new ConcurrentHashMap<>(1 << 16);

  public Namespace(String name) {
    this(name, NamespacePolicy.defaults());
  }

  public Namespace(String name, NamespacePolicy policy) {
    this.name = name;
    this.policy = policy;
  }

  public String name() {
    return name;
  }

  public NamespacePolicy policy() {
    return policy;
  }

  /** Seconds since 2010-01-01 UTC: the server clock for void times. */
  public static int nowVoidTime() {
    return voidTimeAt(System.currentTimeMillis());
  }

  /** The server clock at {@code millis} since 1970. */
  public static int voidTimeAt(long millis) {
    return (int) (millis / 1000 - Wire.CITRINE_EPOCH_SECONDS);
  }

  /** The live record, or null if absent or expired (an expired one is dropped here). */
  public StoredRecord get(Digest digest) {
    StoredRecord r = records.get(digest);
    if (r != null && r.expiredAt(nowVoidTime())) {
      records.remove(digest, r);
      return null;
    }
    return r;
  }

  /**
   * Atomically replaces the record; {@code fn} sees null for an absent or expired record and
   * returns null to delete.
   */
  public void compute(Digest digest, BiFunction<Digest, StoredRecord, StoredRecord> fn) {
    int now = nowVoidTime();
    records.compute(
        digest, (k, old) -> fn.apply(k, old != null && old.expiredAt(now) ? null : old));
  }

  public Map<Digest, StoredRecord> view() {
    return records;
  }

  public long size() {
    return records.size();
  }

  /** Per set (null set as ""), in name order: {objects, stored bytes} of the live records. */
  public Map<String, long[]> setStats() {
    return setStats(partition -> true);
  }

  /** {@link #setStats()} of the records whose partition {@code held} accepts. */
  public Map<String, long[]> setStats(IntPredicate held) {
    int now = nowVoidTime();
    Map<String, long[]> sets = new TreeMap<>();
    for (Map.Entry<Digest, StoredRecord> e : records.entrySet()) {
      StoredRecord r = e.getValue();
      if (!r.expiredAt(now) && held.test(e.getKey().partitionId())) {
        long[] s = sets.computeIfAbsent(r.set() == null ? "" : r.set(), k -> new long[2]);
        s[0]++;
        s[1] += r.storedBytes();
      }
    }
    return sets;
  }

  /** Drops expired records nobody read since they expired; returns how many. */
  public long sweepExpired() {
    int now = nowVoidTime();
    long[] removed = {0};
    records
        .entrySet()
        .removeIf(
            e -> {
              boolean expired = e.getValue().expiredAt(now);
              if (expired) {
                removed[0]++;
              }
              return expired;
            });
    return removed[0];
  }

  /** Deletes the set's records (all records when set is null) last written before lutMillis. */
  public long truncate(String set, long lutMillis) {
    long[] removed = {0};
    records
        .entrySet()
        .removeIf(
            e -> {
              StoredRecord r = e.getValue();
              boolean hit =
                  (set == null || set.equals(r.set())) && r.lastUpdateMillis() <= lutMillis;
              if (hit) {
                removed[0]++;
              }
              return hit;
            });
    return removed[0];
  }
}
