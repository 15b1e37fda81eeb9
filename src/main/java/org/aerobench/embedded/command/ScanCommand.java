package org.aerobench.embedded.command;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
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
 * then a last message. A single node owns every partition, so none is ever unavailable and no
 * per-partition done markers are needed.
 */
final class ScanCommand {

  private ScanCommand() {}

  static void execute(
      Namespace ns, byte[] buf, Fields f, int info1, List<Op> binNames, ReplyBuffer out) {
    BitSet partitions = partitions(buf, f);
    long max = f.maxRecords > 0 ? f.maxRecords : Long.MAX_VALUE;
    boolean noBins = (info1 & Wire.INFO1_NOBINDATA) != 0;
    byte[] nsBytes = ns.name().getBytes(StandardCharsets.UTF_8);
    int now = Namespace.nowVoidTime();
    long sent = 0;
    int frameAt = out.beginFrame();
    for (Map.Entry<Digest, StoredRecord> e : ns.view().entrySet()) {
      StoredRecord r = e.getValue();
      byte[] digest = e.getKey().bytes();
      if (sent >= max) {
        break;
      }
      if ((f.set != null && !f.set.equals(r.set()))
          || r.expiredAt(now)
          || (partitions != null && !partitions.get(Digest.partitionId(digest)))) {
        continue;
      }
      writeRecord(out, digest, nsBytes, r, noBins, binNames);
      sent++;
      if (out.size() - frameAt > BatchCommand.FRAME_CUT) {
        out.endFrame(frameAt, Wire.TYPE_MESSAGE);
        frameAt = out.beginFrame();
      }
    }
    MsgHeader.write(out, Wire.INFO3_LAST, Wire.RESULT_OK, 0, 0, 0, 0, 0);
    out.endFrame(frameAt, Wire.TYPE_MESSAGE);
  }

  /**
   * Partitions named by the PID array (2-byte little-endian ids) and the DIGEST array (20-byte
   * resume digests: their partitions are sent whole); null means all of them.
   */
  private static BitSet partitions(byte[] buf, Fields f) {
    if (f.pidOffset < 0 && f.digestArrayOffset < 0) {
      return null;
    }
    BitSet set = new BitSet(Wire.PARTITIONS);
    for (int at = f.pidOffset; f.pidOffset >= 0 && at + 1 < f.pidOffset + f.pidLength; at += 2) {
      int pid = (buf[at] & 0xFF) | ((buf[at + 1] & 0xFF) << 8);
      if (pid < Wire.PARTITIONS) {
        set.set(pid);
      }
    }
    int end = f.digestArrayOffset + f.digestArrayLength;
    for (int at = f.digestArrayOffset;
        f.digestArrayOffset >= 0 && at + Wire.DIGEST_SIZE <= end;
        at += Wire.DIGEST_SIZE) {
      set.set(((buf[at] & 0xFF) | ((buf[at + 1] & 0xFF) << 8)) % Wire.PARTITIONS);
    }
    return set;
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
