package org.aerobench.embedded.net;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.aerobench.embedded.command.MessageHandler;
import org.aerobench.embedded.info.InfoHandler;
import org.aerobench.embedded.wire.ProtoHeader;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.Wire;
import org.aerobench.embedded.wire.WireFormatException;
import org.aerobench.embedded.wire.WireReader;

/** Turns one received frame (info, AS_MSG, compressed, admin) into its reply frame(s). */
final class FrameProcessor {

  /** Admin (security) reply: 16-byte header, result code in byte 1. */
  private static final int ADMIN_HEADER_SIZE = 16;

  private static final int RESULT_SECURITY_NOT_ENABLED = 52; // login on a server without security

  private final InfoHandler info;
  private final MessageHandler messages;
  private final long maxFrame;
  private final ReplyCompressor compressor = new ReplyCompressor();
  // One per loop, reset after each frame: a new Inflater per frame allocates native zlib state.
  private final Inflater inflater = new Inflater();

  FrameProcessor(InfoHandler info, MessageHandler messages, long maxFrame) {
    this.info = info;
    this.messages = messages;
    this.maxFrame = maxFrame;
  }

  /** True if the frame is an AS_MSG (the only kind latency injection delays). */
  static boolean isMessage(int type) {
    return type == Wire.TYPE_MESSAGE || type == Wire.TYPE_COMPRESSED;
  }

  void process(int type, byte[] body, int length, ReplyBuffer out) {
    switch (type) {
      case Wire.TYPE_INFO -> {
        int at = out.beginFrame();
        out.putBytes(info.handle(body, length));
        out.endFrame(at, Wire.TYPE_INFO);
      }
      case Wire.TYPE_MESSAGE -> {
        int from = out.size();
        messages.handle(body, length, out);
        if (length > 1 && (body[1] & Wire.INFO1_COMPRESS_RESPONSE) != 0) {
          compressor.compressFrames(out, from); // body[1] is info1 of the AS_MSG header
        }
      }
      case Wire.TYPE_COMPRESSED -> processCompressed(body, length, out);
      default -> {
        int at = out.beginFrame();
        out.putByte(0);
        out.putByte(RESULT_SECURITY_NOT_ENABLED);
        for (int i = 2; i < ADMIN_HEADER_SIZE; i++) {
          out.putByte(0);
        }
        out.endFrame(at, Wire.TYPE_ADMIN);
      }
    }
  }

  /**
   * Compressed frame body: {@code usize(8) | zlib(whole inner frame)}, the inner frame being a
   * proto header and an info or AS_MSG body of {@code usize - 8} bytes.
   */
  private void processCompressed(byte[] body, int length, ReplyBuffer out) {
    byte[] inner;
    try {
      if (length < 8) {
        throw new WireFormatException("compressed frame of " + length + " bytes has no size");
      }
      long usize = WireReader.readLong(body, 0);
      if (usize < Wire.PROTO_HEADER_SIZE || usize > maxFrame + Wire.PROTO_HEADER_SIZE) {
        throw new WireFormatException(
            "compressed frame claims " + usize + " bytes; limit is " + maxFrame);
      }
      inner = inflate(body, length, (int) usize);
      ProtoHeader h = ProtoHeader.read(ByteBuffer.wrap(inner), maxFrame);
      if (h.type() == Wire.TYPE_COMPRESSED || h.size() != usize - Wire.PROTO_HEADER_SIZE) {
        throw new WireFormatException("compressed frame holds a bad inner frame " + h);
      }
      byte[] innerBody = new byte[(int) h.size()];
      System.arraycopy(inner, Wire.PROTO_HEADER_SIZE, innerBody, 0, innerBody.length);
      process(h.type(), innerBody, innerBody.length, out);
    } catch (WireFormatException e) {
      MessageHandler.errorFrame(out, Wire.RESULT_PARAMETER_ERROR);
    }
  }

  private byte[] inflate(byte[] body, int length, int usize) {
    try {
      inflater.setInput(body, 8, length - 8);
      byte[] inner = new byte[usize];
      int n = inflater.inflate(inner);
      if (n != usize || !inflater.finished()) {
        throw new WireFormatException(
            "compressed frame inflated to " + n + " bytes; expected " + usize);
      }
      return inner;
    } catch (DataFormatException e) {
      throw new WireFormatException("compressed frame is not a zlib stream: " + e.getMessage());
    } finally {
      inflater.reset(); // also after a bad stream, so the next frame starts clean
    }
  }
}
