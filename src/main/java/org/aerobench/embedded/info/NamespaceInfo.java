package org.aerobench.embedded.info;

import java.util.Map;
import org.aerobench.embedded.NamespacePolicy;
import org.aerobench.embedded.store.Digest;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.store.StoredRecord;

/**
 * The {@code namespace/<ns>} and {@code sets} replies, with the keys a CE 8.1 server gives and that
 * clients and tools read (the official client's test suite reads {@code nsup-period}). Counts walk
 * the namespace on demand: info is rare, and the write path stays free of bookkeeping.
 *
 * <p>Like a server's, the counts are the answering node's own: the records of the partitions it is
 * master of ({@code master_objects}) or holds a replica of ({@code prole_objects}); {@code objects}
 * is their sum, so over a cluster the nodes' {@code objects} add up to records times copies.
 */
final class NamespaceInfo {

  /** A primary-index entry is 64 bytes per record on a server. */
  private static final int INDEX_BYTES_PER_RECORD = 64;

  private NamespaceInfo() {}

  /** {@code key=value;...}: statistics first, then the configuration, like the server. */
  static String namespace(Namespace ns, Topology topology) {
    NamespacePolicy p = ns.policy();
    int now = Namespace.nowVoidTime();
    long master = 0;
    long prole = 0;
    long neverExpire = 0;
    long dataBytes = 0;
    for (Map.Entry<Digest, StoredRecord> e : ns.view().entrySet()) {
      StoredRecord r = e.getValue();
      int role = topology.role(e.getKey().partitionId());
      if (role == Topology.NONE || r.expiredAt(now)) {
        continue;
      }
      if (role == Topology.MASTER) {
        master++;
      } else {
        prole++;
      }
      neverExpire += r.voidTime() == 0 ? 1 : 0;
      dataBytes += r.storedBytes();
    }
    long objects = master + prole;
    long total = Runtime.getRuntime().maxMemory(); // what this JVM can hold: the "data-size"
    long usedPct = total <= 0 ? 0 : Math.min(100, dataBytes * 100 / total);
    StringBuilder sb = new StringBuilder(2048);
    kv(sb, "ns_cluster_size", topology.clusterSize());
    kv(sb, "effective_replication_factor", topology.replicaBitmaps().size());
    kv(sb, "objects", objects);
    kv(sb, "tombstones", 0);
    kv(sb, "xdr_tombstones", 0);
    kv(sb, "master_objects", master);
    kv(sb, "master_tombstones", 0);
    kv(sb, "prole_objects", prole);
    kv(sb, "prole_tombstones", 0);
    kv(sb, "non_replica_objects", 0);
    kv(sb, "unreplicated_records", 0);
    kv(sb, "dead_partitions", 0);
    kv(sb, "unavailable_partitions", 0);
    kv(sb, "clock_skew_stop_writes", "false");
    kv(sb, "stop_writes", "false");
    kv(sb, "hwm_breached", "false");
    kv(sb, "current_time", Integer.toUnsignedLong(now));
    kv(sb, "non_expirable_objects", neverExpire);
    kv(sb, "expired_objects", 0);
    kv(sb, "evicted_objects", 0);
    kv(sb, "truncate_lut", 0);
    kv(sb, "index_used_bytes", objects * INDEX_BYTES_PER_RECORD);
    kv(sb, "data_used_bytes", dataBytes);
    kv(sb, "data_total_bytes", total);
    kv(sb, "data_used_pct", usedPct);
    kv(sb, "data_avail_pct", 100 - usedPct);
    kv(sb, "data_compression_ratio", "1.000");
    kv(sb, "replication-factor", topology.replicationFactor());
    kv(sb, "active-rack", 0);
    kv(sb, "allow-ttl-without-nsup", p.allowTtlWithoutNsup());
    kv(sb, "auto-revive", "false");
    kv(sb, "conflict-resolution-policy", "generation");
    kv(sb, "default-read-touch-ttl-pct", p.defaultReadTouchTtlPct());
    kv(sb, "default-ttl", p.defaultTtlSeconds());
    kv(sb, "disable-cold-start-eviction", "false");
    kv(sb, "disallow-expunge", "false");
    kv(sb, "disallow-null-setname", "false");
    kv(sb, "evict-tenths-pct", 5);
    kv(sb, "max-record-size", p.maxRecordBytes());
    kv(sb, "nsup-hist-period", 3600);
    kv(sb, "nsup-period", p.nsupPeriodSeconds());
    kv(sb, "nsup-threads", 1);
    kv(sb, "prefer-uniform-balance", "true");
    kv(sb, "rack-id", 0);
    kv(sb, "strong-consistency", "false");
    kv(sb, "strong-consistency-allow-expunge", "false");
    kv(sb, "write-commit-level-override", "off");
    kv(sb, "storage-engine", "memory");
    kv(sb, "storage-engine.data-size", total);
    kv(sb, "storage-engine.evict-used-pct", 0);
    kv(sb, "storage-engine.stop-writes-avail-pct", 5);
    kv(sb, "storage-engine.stop-writes-used-pct", 70);
    sb.setLength(sb.length() - 1); // the last ';'
    return sb.toString();
  }

  /** The live records this node holds a copy of (master or replica), as {@code objects}. */
  static long objects(Namespace ns, Topology topology) {
    int now = Namespace.nowVoidTime();
    long objects = 0;
    for (Map.Entry<Digest, StoredRecord> e : ns.view().entrySet()) {
      if (topology.role(e.getKey().partitionId()) != Topology.NONE
          && !e.getValue().expiredAt(now)) {
        objects++;
      }
    }
    return objects;
  }

  /** {@code sets}: one {@code ns=..:set=..:objects=..:...;} entry per named set with records. */
  static String sets(Iterable<Namespace> namespaces, Topology topology) {
    StringBuilder sb = new StringBuilder();
    for (Namespace ns : namespaces) {
      for (Map.Entry<String, long[]> e : held(ns, topology).entrySet()) {
        if (!e.getKey().isEmpty()) { // the null set is not a set a server lists
          setEntry(sb, ns, e.getKey(), e.getValue());
        }
      }
    }
    return sb.toString();
  }

  /** {@code sets/<ns>/<set>}: that set's entry, or nothing when it holds no record. */
  static String set(Namespace ns, String set, Topology topology) {
    long[] stats = held(ns, topology).get(set);
    if (stats == null || set.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    setEntry(sb, ns, set, stats);
    return sb.toString();
  }

  /** Set statistics of the records in the partitions this node holds a copy of. */
  private static Map<String, long[]> held(Namespace ns, Topology topology) {
    return ns.setStats(partition -> topology.role(partition) != Topology.NONE);
  }

  private static void setEntry(StringBuilder sb, Namespace ns, String set, long[] stats) {
    sb.append("ns=")
        .append(ns.name())
        .append(":set=")
        .append(set)
        .append(":objects=")
        .append(stats[0])
        .append(":tombstones=0:data_used_bytes=")
        .append(stats[1])
        .append(":truncate_lut=0:sindexes=0:index_populating=false:truncating=false")
        .append(":default-read-touch-ttl-pct=0:default-ttl=0:disable-eviction=false")
        .append(":enable-index=false:stop-writes-count=0:stop-writes-size=0;");
  }

  private static void kv(StringBuilder sb, String key, Object value) {
    sb.append(key).append('=').append(value).append(';');
  }
}
