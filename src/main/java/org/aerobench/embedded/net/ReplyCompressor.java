package org.aerobench.embedded.net;

import java.util.zip.Deflater;
import org.aerobench.embedded.wire.ReplyBuffer;
import org.aerobench.embedded.wire.Wire;
import org.aerobench.embedded.wire.WireReader;

/**
 * Compresses reply frames for a client that set INFO1_COMPRESS_RESPONSE (its {@code compress}
 * policy), frame by frame, as the client inflates each frame on its own.
 *
 * <pre>
 * compressed frame: proto(version 2 | type 4 | size) | usize(8) | zlib(whole original frame)
 * </pre>
 */
final class ReplyCompressor {

  /** Frames up to this size are sent as they are, like the client's own request threshold. */
  static final int THRESHOLD = 128;

  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
  private byte[] work = new byte[64 * 1024];

  /** Replaces the frames in {@code out[from, size)} by their compressed form. */
  void compressFrames(ReplyBuffer out, int from) {
    int length = out.size() - from;
    byte[] plain = new byte[length];
    System.arraycopy(out.array(), from, plain, 0, length);
    out.truncate(from);
    int at = 0;
    while (at + Wire.PROTO_HEADER_SIZE <= length) {
      int frameLength =
          Wire.PROTO_HEADER_SIZE + (int) (WireReader.readLong(plain, at) & 0xFFFF_FFFF_FFFFL);
      if (frameLength <= THRESHOLD) {
        out.putBytes(plain, at, frameLength);
      } else {
        writeCompressed(out, plain, at, frameLength);
      }
      at += frameLength;
    }
  }

  private void writeCompressed(ReplyBuffer out, byte[] plain, int at, int frameLength) {
    deflater.reset();
    deflater.setInput(plain, at, frameLength);
    deflater.finish();
    if (work.length < frameLength + 64) {
      work = new byte[frameLength + 64];
    }
    int csize = 0;
    while (!deflater.finished()) {
      if (csize == work.length) {
        work = java.util.Arrays.copyOf(work, work.length * 2);
      }
      csize += deflater.deflate(work, csize, work.length - csize);
    }
    int frameAt = out.beginFrame();
    out.putLong(frameLength);
    out.putBytes(work, 0, csize);
    out.endFrame(frameAt, Wire.TYPE_COMPRESSED);
  }
}
