package org.aerobench.embedded.command;

import org.aerobench.embedded.exp.ExpFilter;
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

  /** A read; a record that does not pass {@code filter} (or null) answers FILTERED_OUT. */
  static void read(
      Namespace ns, Digest digest, RowRequest rq, ExpFilter filter, ReplyBuffer out, int index) {
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
    if (filter != null) {
      // Before the read-touch: a record the filter rejects is not read, so not touched either.
      int code = filter.test(rec, digest.bytes());
      if (code != Wire.RESULT_OK) {
        Replies.error(out, code, index);
        return;
      }
    }
    if (rec.voidTime() != 0 && rq.ttl != NEVER_TOUCH) {
      int code = readTouch(ns, digest, rec, rq.ttl);
      if (code != Wire.RESULT_OK) {
        Replies.error(out, code, index);
        return;
      }
    }
    if (hasComplexReads(rq)) {
      WriteExecutor.readOps(rec, digest.bytes(), rq, out, index);
      return;
    }
    if ((rq.info1 & Wire.INFO1_NOBINDATA) != 0) {
      Replies.status(out, Wire.RESULT_OK, rec.generation(), rec.voidTime(), index);
      return;
    }
    if ((rq.info1 & Wire.INFO1_GET_ALL) != 0) {
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

  /** True when a read has list, map or expression reads, which run through the operate path. */
  private static boolean hasComplexReads(RowRequest rq) {
    for (Op op : rq.ops) {
      if (op.type() == Wire.OP_CDT_READ || op.type() == Wire.OP_EXP_READ) {
        return true;
      }
    }
    return false;
  }

  /** A read's TTL slot carries its readTouchTtlPercent: -1 never touches, 0 = namespace default. */
  private static final int NEVER_TOUCH = -1;

  /**
   * Read-touch, as a server does it: when a read comes within {@code pct}% of the last write's TTL
   * of the record's end of life, the expiry is pushed out by that TTL again. The generation stays
   * (a touch by a read must not fail others' generation checks) and this reply still carries the
   * expiry the record had when it was read.
   */
  private static int readTouch(Namespace ns, Digest digest, StoredRecord rec, int requested) {
    int pct = requested == 0 ? ns.policy().defaultReadTouchTtlPct() : requested;
    if (pct == 0) {
      return Wire.RESULT_OK;
    }
    if (pct < 0 || pct > 100) {
      return Wire.RESULT_PARAMETER_ERROR;
    }
    long nowMillis = System.currentTimeMillis();
    long voidTime = Integer.toUnsignedLong(rec.voidTime());
    long writeTtl = voidTime - Namespace.voidTimeAt(rec.lastUpdateMillis());
    long threshold = voidTime - writeTtl * pct / 100;
    long now = Namespace.voidTimeAt(nowMillis);
    if (now < threshold) {
      return Wire.RESULT_OK;
    }
    int newVoidTime = (int) (now + writeTtl);
    ns.compute(
        digest,
        (k, current) ->
            current == rec && Integer.compareUnsigned(newVoidTime, current.voidTime()) > 0
                ? current.touched(newVoidTime, nowMillis)
                : current); // a write came in between: it set the expiry itself
    return Wire.RESULT_OK;
  }

  /**
   * Plain, list, map and expression reads are served; bit and HLL reads are unsupported. A read
   * that asks for neither all bins, nor the header, nor a named bin is a PARAMETER_ERROR ("bin
   * op(s) expected"), as is a bin name over 15 bytes (BIN_NAME_TOO_LONG).
   */
  private static int checkReadOps(RowRequest rq) {
    if (rq.ops.isEmpty()) {
      return (rq.info1 & (Wire.INFO1_GET_ALL | Wire.INFO1_NOBINDATA)) != 0
          ? Wire.RESULT_OK
          : Wire.RESULT_PARAMETER_ERROR;
    }
    for (Op op : rq.ops) {
      if (op.nameTooLong()) {
        return Wire.RESULT_BIN_NAME_TOO_LONG;
      }
      switch (op.type()) {
        case Wire.OP_READ, Wire.OP_CDT_READ, Wire.OP_EXP_READ -> {}
        case Wire.OP_BIT_READ, Wire.OP_HLL_READ -> {
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
