package org.aerobench.embedded.command;

import org.aerobench.embedded.wire.MsgHeader;
import org.aerobench.embedded.wire.ReplyBuffer;

/** Small reply shapes shared by the command families. */
final class Replies {

  private Replies() {}

  /** A header-only record message with a result code (errors, writes, exists). */
  static void status(ReplyBuffer out, int resultCode, int generation, int voidTime, int index) {
    MsgHeader.write(out, 0, resultCode, generation, voidTime, index, 0, 0);
  }

  static void error(ReplyBuffer out, int resultCode, int index) {
    status(out, resultCode, 0, 0, index);
  }

  /** Patches the n_ops field of the message header that starts at {@code headerAt}. */
  static void patchOpCount(ReplyBuffer out, int headerAt, int opCount) {
    byte[] b = out.array();
    b[headerAt + 20] = (byte) (opCount >>> 8);
    b[headerAt + 21] = (byte) opCount;
  }
}
