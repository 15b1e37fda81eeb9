package org.aerobench.embedded.net;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/** One client connection's read and write state; touched only by its I/O thread. */
final class Connection {

  /** A body buffer up to this size is kept for the next frame; bigger ones are dropped. */
  private static final int RETAINED_BODY_BYTES = 1 << 20;

  final SocketChannel channel;
  final String remote;
  SelectionKey key;
  final ByteBuffer header = ByteBuffer.allocate(8);
  private byte[] bodyArray = new byte[4096];
  ByteBuffer body; // null while reading a header
  int frameType;
  final ArrayDeque<ByteBuffer> pendingWrites = new ArrayDeque<>();
  long queuedBytes;
  int delayedReplies; // replies waiting in the latency scheduler
  long lastDueNanos; // keeps delayed replies in request order
  boolean closed;

  Connection(SocketChannel channel, String remote) {
    this.channel = channel;
    this.remote = remote;
  }

  /** Prepares to read a body of {@code size} bytes (size already checked against the limit). */
  void expectBody(int type, int size) {
    frameType = type;
    if (size > bodyArray.length) {
      byte[] bigger = new byte[size];
      if (size <= RETAINED_BODY_BYTES) {
        bodyArray = bigger;
      }
      body = ByteBuffer.wrap(bigger, 0, size);
    } else {
      body = ByteBuffer.wrap(bodyArray, 0, size);
    }
  }

  byte[] bodyArray() {
    return body.array();
  }
}
