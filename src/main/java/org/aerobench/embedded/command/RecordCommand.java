package org.aerobench.embedded.command;

import org.aerobench.embedded.exp.ExpFilter;
import org.aerobench.embedded.store.Digest;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.wire.Fields;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.Wire;

/** One record command (single or batch row): refuses what is unsupported, then reads or writes. */
final class RecordCommand {

  private RecordCommand() {}

  static void execute(Namespace ns, byte[] digest, RowRequest rq, ReplyBuffer out, int index) {
    execute(ns, digest, rq, null, out, index);
  }

  /**
   * {@code batch} is the enclosing batch message's fields, or null: a row without a filter of its
   * own (BatchReadPolicy/BatchWritePolicy.filterExp) takes the batch's (BatchPolicy.filterExp), as
   * the server does.
   */
  static void execute(
      Namespace ns, byte[] digest, RowRequest rq, Fields batch, ReplyBuffer out, int index) {
    if (ns == null) {
      Replies.error(out, Wire.RESULT_INVALID_NAMESPACE, index);
      return;
    }
    if (digest == null) {
      Replies.error(out, Wire.RESULT_PARAMETER_ERROR, index);
      return;
    }
    if (rq.fields.hasUdf || rq.fields.hasTxn) {
      // A batch row carries its own fields; the outer message's are refused by MessageHandler.
      // Not implemented: say so, never guess.
      Replies.error(out, Wire.RESULT_UNSUPPORTED_FEATURE, index);
      return;
    }
    ExpFilter filter = ExpFilter.of(rq.fields);
    if (filter == null && batch != null) {
      filter = ExpFilter.of(batch);
    }
    Digest key = new Digest(digest);
    if (rq.isWrite()) {
      WriteExecutor.write(ns, key, rq, filter, out, index);
    } else {
      ReadExecutor.read(ns, key, rq, filter, out, index);
    }
  }
}
