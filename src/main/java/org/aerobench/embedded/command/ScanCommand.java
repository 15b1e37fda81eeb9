package org.aerobench.embedded.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.aerobench.embedded.exp.ExpFilter;
import org.aerobench.embedded.info.Topology;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.store.Digest;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.store.StoredRecord;
import org.aerobench.embedded.wire.Fields;
import org.aerobench.embedded.wire.MsgHeader;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.Wire;

/**
 * Partition scans ({@code scanAll}, {@code scanPartitions}): every live record of the set in the
 * requested partitions, each as a message with digest, namespace, set (and key when stored) fields,
 * then a last message.
 *
 * <p>Like a server, a node answers a requested partition it holds a copy of (master or replica, or
 * handed over a moment ago: {@link Topology#servesScan}) and marks one it holds none of
 * unavailable: a partition-done message whose result is PARTITION_UNAVAILABLE and whose generation
 * is the partition id, so that the client retries it on another node. A scan naming no partitions
 * (the pre-6.0 form) covers the partitions this node is master of. A node alone holds every
 * partition, so none is ever unavailable.
 */
final class ScanCommand {

  private ScanCommand() {}

  static void execute(
      Namespace ns,
      byte[] buf,
      Fields f,
      int info1,
      List<Op> binNames,
      Topology topology,
      ReplyBuffer out) {
    ExpFilter filter = ExpFilter.of(f);
    int built = filter == null ? Wire.RESULT_OK : filter.build();
    if (built != Wire.RESULT_OK) {
      MessageHandler.errorFrame(out, built); // the server refuses a scan whose filter won't build
      return;
    }
    BitSet partitions = new BitSet(Wire.PARTITIONS);
    byte[][] resumeAfter = new byte[Wire.PARTITIONS][];
    BitSet unavailable = new BitSet(Wire.PARTITIONS);
    readPartitions(buf, f, topology, partitions, resumeAfter, unavailable);
    boolean paged = f.maxRecords > 0 || f.digestArrayOffset >= 0;
    Emitter emit = new Emitter(out, ns, info1, binNames, paged ? f.maxRecords : 0);
    for (int p = unavailable.nextSetBit(0); p >= 0; p = unavailable.nextSetBit(p + 1)) {
      emit.unavailable(p);
    }
    int now = Namespace.nowVoidTime();
    if (!paged) {
      // Whole scan: any order will do, so stream straight from the map.
      for (Map.Entry<Digest, StoredRecord> e : ns.view().entrySet()) {
        if (matches(e, f.set, now, partitions) && passes(filter, e)) {
          emit.record(e.getKey().bytes(), e.getValue());
        }
      }
    } else {
      // Paged scan: a stable order (partition, then digest) so a page resumes after the last
      // digest the client saw in each partition, like the server's partition cursors.
      List<Map.Entry<Digest, StoredRecord>> hits = new ArrayList<>();
      for (Map.Entry<Digest, StoredRecord> e : ns.view().entrySet()) {
        if (matches(e, f.set, now, partitions) && passes(filter, e)) {
          hits.add(e);
        }
      }
      hits.sort(Comparator.comparing(e -> e.getKey().bytes(), ScanCommand::compareDigests));
      for (Map.Entry<Digest, StoredRecord> e : hits) {
        byte[] digest = e.getKey().bytes();
        byte[] after = resumeAfter[Digest.partitionId(digest)];
        if (after != null && compareDigests(digest, after) <= 0) {
          continue;
        }
        if (!emit.record(digest, e.getValue())) {
          break;
        }
      }
    }
    emit.finish();
  }

  private static boolean matches(
      Map.Entry<Digest, StoredRecord> e, String set, int now, BitSet partitions) {
    StoredRecord r = e.getValue();
    return (set == null || set.equals(r.set()))
        && !r.expiredAt(now)
        && partitions.get(e.getKey().partitionId());
  }

  /** A scan leaves out the records its filter expression rejects; it has no per-record error. */
  private static boolean passes(ExpFilter filter, Map.Entry<Digest, StoredRecord> e) {
    return filter == null || filter.test(e.getValue(), e.getKey().bytes()) == Wire.RESULT_OK;
  }

  /** Partition first (as the client numbers them), then unsigned digest bytes. */
  private static int compareDigests(byte[] a, byte[] b) {
    int byPartition = Integer.compare(Digest.partitionId(a), Digest.partitionId(b));
    return byPartition != 0 ? byPartition : Arrays.compareUnsigned(a, b);
  }

  /**
   * Partitions named by the PID array (2-byte little-endian ids) and the DIGEST array (20-byte
   * resume digests: their partition, after that digest), split into those this node holds a copy of
   * ({@code partitions}) and those it holds none of ({@code unavailable}); neither field means the
   * partitions this node is master of.
   */
  private static void readPartitions(
      byte[] buf,
      Fields f,
      Topology topology,
      BitSet partitions,
      byte[][] resumeAfter,
      BitSet unavailable) {
    if (f.pidOffset < 0 && f.digestArrayOffset < 0) {
      for (int p = 0; p < Wire.PARTITIONS; p++) {
        if (topology.role(p) == Topology.MASTER) {
          partitions.set(p);
        }
      }
      return;
    }
    for (int at = f.pidOffset; f.pidOffset >= 0 && at + 1 < f.pidOffset + f.pidLength; at += 2) {
      int pid = (buf[at] & 0xFF) | ((buf[at + 1] & 0xFF) << 8);
      if (pid < Wire.PARTITIONS) {
        request(pid, topology, partitions, unavailable);
      }
    }
    int end = f.digestArrayOffset + f.digestArrayLength;
    for (int at = f.digestArrayOffset;
        f.digestArrayOffset >= 0 && at + Wire.DIGEST_SIZE <= end;
        at += Wire.DIGEST_SIZE) {
      byte[] digest = Arrays.copyOfRange(buf, at, at + Wire.DIGEST_SIZE);
      int pid = Digest.partitionId(digest);
      if (request(pid, topology, partitions, unavailable)) {
        resumeAfter[pid] = digest;
      }
    }
  }

  /** Sorts a requested partition by whether this node holds a copy; true when it does. */
  private static boolean request(
      int pid, Topology topology, BitSet partitions, BitSet unavailable) {
    if (!topology.servesScan(pid)) {
      unavailable.set(pid);
      return false;
    }
    partitions.set(pid);
    return true;
  }

  /** Writes record messages in frames of about {@link BatchCommand#FRAME_CUT}, then the end. */
  private static final class Emitter {
    private final ReplyBuffer out;
    private final byte[] nsBytes;
    private final boolean noBins;
    private final List<Op> binNames;
    private final long max;
    private long sent;
    private int frameAt;

    Emitter(ReplyBuffer out, Namespace ns, int info1, List<Op> binNames, long max) {
      this.out = out;
      this.nsBytes = ns.name().getBytes(StandardCharsets.UTF_8);
      this.noBins = (info1 & Wire.INFO1_NOBINDATA) != 0;
      this.binNames = binNames;
      this.max = max > 0 ? max : Long.MAX_VALUE;
      this.frameAt = out.beginFrame();
    }

    /** Emits one record; false once the record limit is reached. */
    boolean record(byte[] digest, StoredRecord r) {
      if (sent >= max) {
        return false;
      }
      writeRecord(out, digest, nsBytes, r, noBins, binNames);
      sent++;
      cut();
      return true;
    }

    /** A partition-done message: this node holds no copy of {@code pid}. */
    void unavailable(int pid) {
      MsgHeader.write(
          out, Wire.INFO3_PARTITION_DONE, Wire.RESULT_PARTITION_UNAVAILABLE, pid, 0, 0, 0, 0);
      cut();
    }

    private void cut() {
      if (out.size() - frameAt > BatchCommand.FRAME_CUT) {
        out.endFrame(frameAt, Wire.TYPE_MESSAGE);
        frameAt = out.beginFrame();
      }
    }

    void finish() {
      MsgHeader.write(out, Wire.INFO3_LAST, Wire.RESULT_OK, 0, 0, 0, 0, 0);
      out.endFrame(frameAt, Wire.TYPE_MESSAGE);
    }
  }

  private static void writeRecord(
      ReplyBuffer out,
      byte[] digest,
      byte[] nsBytes,
      StoredRecord r,
      boolean noBins,
      List<Op> binNames) {
    byte[] setBytes = r.set() == null ? null : r.set().getBytes(StandardCharsets.UTF_8);
    int fieldCount = 2 + (setBytes != null ? 1 : 0) + (r.userKey() != null ? 1 : 0);
    int headerAt = out.size();
    MsgHeader.write(out, 0, Wire.RESULT_OK, r.generation(), r.voidTime(), 0, fieldCount, 0);
    field(out, Wire.FIELD_DIGEST, digest);
    field(out, Wire.FIELD_NAMESPACE, nsBytes);
    if (setBytes != null) {
      field(out, Wire.FIELD_SET, setBytes);
    }
    if (r.userKey() != null) {
      field(out, Wire.FIELD_KEY, r.userKey());
    }
    if (noBins) {
      return;
    }
    if (binNames.isEmpty()) {
      out.putBytes(r.encodedBins());
      Replies.patchOpCount(out, headerAt, r.bins().length);
      return;
    }
    int count = 0;
    for (Op op : binNames) {
      Bin b = op.name() == null ? null : r.bin(op.name());
      if (b != null) {
        out.putBytes(b.op());
        count++;
      }
    }
    Replies.patchOpCount(out, headerAt, count);
  }

  private static void field(ReplyBuffer out, int type, byte[] data) {
    out.putInt(data.length + 1);
    out.putByte(type);
    out.putBytes(data);
  }
}
