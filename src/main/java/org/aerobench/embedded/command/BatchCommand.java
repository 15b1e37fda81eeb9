package org.aerobench.embedded.command;

import java.util.function.Consumer;
import org.aerobench.embedded.exp.ExpFilter;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.store.Store;
import org.aerobench.embedded.wire.Fields;
import org.aerobench.embedded.wire.MsgHeader;
import org.aerobench.embedded.wire.Op;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.Wire;
import org.aerobench.embedded.wire.WireFormatException;
import org.aerobench.embedded.wire.WireReader;

/**
 * Batch index commands: {@code get/exists(BatchPolicy, Key[])}, {@code get(List<BatchRead>)} and
 * {@code operate(List<BatchRecord>)}. One reply message per row, its row index in the
 * transaction-ttl slot, then a last message with INFO3_LAST.
 */
final class BatchCommand {

  /** Reply frames are cut at about this size, like a server streaming a large batch. */
  static final int FRAME_CUT = 128 * 1024;

  private final RowRequest rq = new RowRequest();
  private final Consumer<byte[]> onKey;

  /** {@code onKey} sees every row's digest (the node's per-partition counters). */
  BatchCommand(Consumer<byte[]> onKey) {
    this.onKey = onKey;
  }

  /**
   * Reads the BATCH_INDEX field and answers every row.
   *
   * <pre>
   * batch field: count(4) | flags(1) | row...
   * row:         index(4) | digest(20) | row flags(1) | [repeat: nothing more]
   *   READ (0):  info1(1) | n_fields(2) | n_ops(2) | fields | ops         (pre batch-any)
   *   else:      [INFO: info1 info2 info3] [INFO4: info4] [GEN: gen(2)] [TTL: ttl(4)]
   *              | n_fields(2) | n_ops(2) | fields | ops
   * </pre>
   */
  void execute(Store store, byte[] buf, Fields msg, ReplyBuffer out) {
    WireReader in = new WireReader(buf, msg.batchOffset, msg.batchOffset + msg.batchLength);
    int count = in.i32();
    in.u8(); // batch flags (inline, respond-all-keys): every row is answered anyway
    if (count < 0 || (long) count * (4 + Wire.DIGEST_SIZE + 1) > in.remaining()) {
      throw new WireFormatException(
          "batch row count " + count + " does not fit the " + in.remaining() + "-byte field");
    }
    int frameAt = out.beginFrame();
    Namespace ns = null;
    boolean havePrevious = false;
    ExpFilter batchFilter = ExpFilter.of(msg);
    ExpFilter filter = batchFilter;
    for (int i = 0; i < count; i++) {
      int index = in.i32();
      in.require(Wire.DIGEST_SIZE, "batch row digest");
      byte[] digest = in.bytes(Wire.DIGEST_SIZE, "batch row digest");
      int rowFlags = in.u8();
      if ((rowFlags & Wire.BATCH_MSG_REPEAT) != 0) {
        if (!havePrevious) {
          throw new WireFormatException("batch row " + i + " repeats a previous row but is first");
        }
      } else {
        readRow(in, rowFlags);
        ns = store.namespace(rq.fields.namespace);
        ExpFilter rowFilter = ExpFilter.of(rq.fields);
        filter = rowFilter != null ? rowFilter : batchFilter; // a repeated row keeps its filter
        havePrevious = true;
      }
      onKey.accept(digest);
      RecordCommand.execute(ns, digest, rq, filter, out, index);
      if (out.size() - frameAt > FRAME_CUT) {
        out.endFrame(frameAt, Wire.TYPE_MESSAGE);
        frameAt = out.beginFrame();
      }
    }
    MsgHeader.write(out, Wire.INFO3_LAST, Wire.RESULT_OK, 0, 0, 0, 0, 0);
    out.endFrame(frameAt, Wire.TYPE_MESSAGE);
  }

  private void readRow(WireReader in, int rowFlags) {
    rq.clear();
    if (rowFlags == Wire.BATCH_MSG_READ) {
      rq.info1 = in.u8();
    } else {
      if ((rowFlags & Wire.BATCH_MSG_INFO) != 0) {
        rq.info1 = in.u8();
        rq.info2 = in.u8();
        rq.info3 = in.u8();
      }
      if ((rowFlags & Wire.BATCH_MSG_INFO4) != 0) {
        in.u8(); // transaction attributes: transactions are refused via their fields
      }
      if ((rowFlags & Wire.BATCH_MSG_GEN) != 0) {
        rq.generation = in.u16();
      }
      if ((rowFlags & Wire.BATCH_MSG_TTL) != 0) {
        rq.ttl = in.i32();
      }
    }
    int fieldCount = in.u16();
    int opCount = in.u16();
    rq.fields.read(in, fieldCount);
    Op.readAll(in, opCount, rq.ops);
  }
}
