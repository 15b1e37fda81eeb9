package org.aerobench.embedded.command;

import org.aerobench.embedded.store.Digest;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.Wire;

/** One record command (single or batch row): refuses what is unsupported, then reads or writes. */
final class RecordCommand {

  private RecordCommand() {}

  static void execute(Namespace ns, byte[] digest, RowRequest rq, ReplyBuffer out, int index) {
    if (ns == null) {
      Replies.error(out, Wire.RESULT_INVALID_NAMESPACE, index);
      return;
    }
    if (digest == null) {
      Replies.error(out, Wire.RESULT_PARAMETER_ERROR, index);
      return;
    }
    if (rq.fields.hasUdf || rq.fields.hasFilter || rq.fields.hasTxn) {
      // A batch row carries its own fields (e.g. BatchReadPolicy.filterExp); the outer message's
      // are refused by MessageHandler. Not implemented: say so, never guess.
      Replies.error(out, Wire.RESULT_UNSUPPORTED_FEATURE, index);
      return;
    }
    Digest key = new Digest(digest);
    if (rq.isWrite()) {
      WriteExecutor.write(ns, key, rq, out, index);
    } else {
      ReadExecutor.read(ns, key, rq, out, index);
    }
  }
}
