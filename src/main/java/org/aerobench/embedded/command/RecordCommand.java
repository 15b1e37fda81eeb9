package org.aerobench.embedded.command;

import org.aerobench.embedded.exp.ExpFilter;
import org.aerobench.embedded.store.Digest;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.Wire;

/** One record command (single or batch row): refuses what is unsupported, then reads or writes. */
final class RecordCommand {

  private RecordCommand() {}

  /** A single-record command: its filter, if any, is its own message's. */
  static void execute(Namespace ns, byte[] digest, RowRequest rq, ReplyBuffer out, int index) {
    execute(ns, digest, rq, ExpFilter.of(rq.fields), out, index);
  }

  /**
   * {@code filter} applies to this record, or is null. A batch passes the row's own filter
   * (BatchReadPolicy/BatchWritePolicy.filterExp), else the batch's (BatchPolicy.filterExp), as the
   * server does, each built once per batch rather than once per row.
   */
  static void execute(
      Namespace ns, byte[] digest, RowRequest rq, ExpFilter filter, ReplyBuffer out, int index) {
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
    Digest key = new Digest(digest);
    if (rq.isWrite()) {
      WriteExecutor.write(ns, key, rq, filter, out, index);
    } else {
      ReadExecutor.read(ns, key, rq, filter, out, index);
    }
  }
}
