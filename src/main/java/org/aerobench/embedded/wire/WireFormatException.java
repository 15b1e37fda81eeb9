package org.aerobench.embedded.wire;

/**
 * A frame or message that breaks the wire format. When the frame boundary itself is lost (bad proto
 * header), the connection is closed; inside a well-framed message it becomes a result code.
 */
public final class WireFormatException extends RuntimeException {

  public WireFormatException(String message) {
    super(message);
  }
}
