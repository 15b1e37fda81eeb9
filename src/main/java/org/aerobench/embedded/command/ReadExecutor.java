package org.aerobench.embedded.command;

import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.store.Digest;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.store.StoredRecord;
import org.aerobench.embedded.wire.MsgHeader;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.Wire;

/** Reads: get all bins, get named bins, header only / exists. Copies precomputed bin bytes. */
final class ReadExecutor {

  private ReadExecutor() {}

  static void read(Namespace ns, Digest digest, RowRequest rq, ReplyBuffer out, int index) {
    int refused = checkReadOps(rq);
    if (refused != Wire.RESULT_OK) {
      Replies.error(out, refused, index);
      return;
    }
    StoredRecord rec = ns.get(digest);
    if (rec == null) {
      Replies.error(out, Wire.RESULT_KEY_NOT_FOUND, index);
      return;
    }
    if ((rq.info1 & Wire.INFO1_NOBINDATA) != 0) {
      Replies.status(out, Wire.RESULT_OK, rec.generation(), rec.voidTime(), index);
      return;
    }
    if ((rq.info1 & Wire.INFO1_GET_ALL) != 0 || rq.ops.isEmpty()) {
      MsgHeader.write(
          out, 0, Wire.RESULT_OK, rec.generation(), rec.voidTime(), index, 0, rec.bins().length);
      out.putBytes(rec.encodedBins());
      return;
    }
    int headerAt = out.size();
    MsgHeader.write(out, 0, Wire.RESULT_OK, rec.generation(), rec.voidTime(), index, 0, 0);
    int count = 0;
    for (Op op : rq.ops) {
      if (op.name() == null) {
        continue; // read-header op: no bin data
      }
      Bin bin = rec.bin(op.name());
      if (bin != null) {
        out.putBytes(bin.op());
        count++;
      }
    }
    Replies.patchOpCount(out, headerAt, count);
  }

  /** Only plain READ ops are served on the read path; other known reads are unsupported. */
  private static int checkReadOps(RowRequest rq) {
    for (Op op : rq.ops) {
      switch (op.type()) {
        case Wire.OP_READ -> {}
        case Wire.OP_CDT_READ, Wire.OP_EXP_READ, Wire.OP_BIT_READ, Wire.OP_HLL_READ -> {
          return Wire.RESULT_UNSUPPORTED_FEATURE;
        }
        default -> {
          return Wire.RESULT_PARAMETER_ERROR; // unknown op, or a write op without INFO2_WRITE
        }
      }
    }
    return Wire.RESULT_OK;
  }
}
