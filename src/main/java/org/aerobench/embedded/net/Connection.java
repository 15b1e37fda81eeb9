package org.aerobench.embedded.net;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.aerobench.embedded.ServerLimits;

/** One client connection's read and write state; touched only by its I/O thread. */
final class Connection {

  /** A body buffer starts this small and doubles as bytes arrive, up to the frame's size. */
  private static final int FIRST_BODY_BYTES = 4096;

  /** A body buffer up to this size is kept for the next frame; bigger ones are dropped. */
  private static final int RETAINED_BODY_BYTES = 256 * 1024;

  private static final byte[] NO_BYTES = new byte[0];

  final SocketChannel channel;
  final String remote;
  SelectionKey key;
  final ByteBuffer header = ByteBuffer.allocate(8);
  private byte[] bodyArray = NO_BYTES;
  private ByteBuffer bodyBuffer = ByteBuffer.wrap(NO_BYTES);
  private long budgetedBodyBytes; // the part of bodyArray counted in the shared budget
  boolean readingBody;
  int bodyLength;
  int bodyFilled;
  int frameType;
  long lastActivityNanos;
  long frameStartNanos; // 0 while no frame is in progress
  final ArrayDeque<ByteBuffer> pendingWrites = new ArrayDeque<>();
  long queuedBytes; // unsent reply bytes, all counted in the budget
  int delayedReplies; // replies waiting in the latency scheduler
  long lastDueNanos; // keeps delayed replies in request order
  boolean closed;

  Connection(SocketChannel channel, String remote, long now) {
    this.channel = channel;
    this.remote = remote;
    this.lastActivityNanos = now;
  }

  /** Prepares to read a body of {@code size} bytes (size already checked against the limit). */
  void expectBody(int type, int size) {
    frameType = type;
    bodyLength = size;
    bodyFilled = 0;
    readingBody = true;
  }

  /**
   * Where the next body bytes go. Grows the buffer (doubling, never past the frame's size) only
   * when it is full, so a header claiming 16 MiB costs nothing until the bytes come. Null when the
   * growth does not fit the shared budget.
   */
  ByteBuffer bodyRoom(BufferBudget budget) {
    if (bodyFilled == bodyArray.length) {
      int capacity = (int) Math.min(bodyLength, Math.max(FIRST_BODY_BYTES, 2L * bodyArray.length));
      long counted = Math.max(0, capacity - ServerLimits.FREE_BYTES_PER_CONNECTION);
      if (counted > budgetedBodyBytes && !budget.tryReserve(counted - budgetedBodyBytes)) {
        return null;
      }
      budgetedBodyBytes = Math.max(budgetedBodyBytes, counted);
      bodyArray = Arrays.copyOf(bodyArray, capacity);
      bodyBuffer = ByteBuffer.wrap(bodyArray);
    }
    bodyBuffer.limit(Math.min(bodyLength, bodyArray.length)).position(bodyFilled);
    return bodyBuffer;
  }

  boolean bodyComplete() {
    return bodyFilled == bodyLength;
  }

  byte[] bodyArray() {
    return bodyArray;
  }

  /** After the frame is answered: a big buffer goes back to the budget, a small one is kept. */
  void frameDone(BufferBudget budget) {
    readingBody = false;
    frameStartNanos = 0;
    if (bodyArray.length > RETAINED_BODY_BYTES) {
      releaseBody(budget);
    }
  }

  /** Returns everything this connection holds to the budget (on close). */
  void releaseAll(BufferBudget budget) {
    releaseBody(budget);
    budget.release(queuedBytes);
    queuedBytes = 0;
    pendingWrites.clear();
  }

  private void releaseBody(BufferBudget budget) {
    budget.release(budgetedBodyBytes);
    budgetedBodyBytes = 0;
    bodyArray = NO_BYTES;
    bodyBuffer = ByteBuffer.wrap(NO_BYTES);
  }
}
