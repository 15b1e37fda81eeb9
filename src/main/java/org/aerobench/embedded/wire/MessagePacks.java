package org.aerobench.embedded.wire;

import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.ArrayBufferInput;

/**
 * The one place the embedded server makes msgpack-core readers and writers (list and map values,
 * CDT arguments, expressions), so that its buffer choice is made before msgpack-core initialises.
 */
public final class MessagePacks {

  static {
    // msgpack-core's default buffer calls sun.misc.Unsafe memory access, which JDK 24+ warns about
    // on stderr. The universal buffer is plain Java; it must be chosen before msgpack-core's buffer
    // classes initialise, and a user's own choice of the property wins.
    if (System.getProperty("msgpack.universal-buffer") == null) {
      System.setProperty("msgpack.universal-buffer", "true");
    }
  }

  private MessagePacks() {}

  /** A reader of {@code buf[offset, offset + length)}, without copying it. */
  public static MessageUnpacker unpacker(byte[] buf, int offset, int length) {
    return MessagePack.DEFAULT_UNPACKER_CONFIG.newUnpacker(
        new ArrayBufferInput(buf, offset, length));
  }

  /** A writer into a growing byte array. */
  public static MessageBufferPacker packer() {
    return MessagePack.newDefaultBufferPacker();
  }
}
