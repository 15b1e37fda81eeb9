package org.aerobench.embedded;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A plain blocking socket speaking (or breaking) the wire protocol by hand, for tests. */
final class RawWire implements AutoCloseable {

  final Socket socket;
  private final DataInputStream in;

  RawWire(EmbeddedAerospike server) throws IOException {
    socket = new Socket(server.host(), server.port());
    socket.setSoTimeout(5_000); // every read has a timeout
    in = new DataInputStream(socket.getInputStream());
  }

  void send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  static byte[] frame(int version, int type, byte[] body) {
    return ByteBuffer.allocate(8 + body.length)
        .putLong(((long) version << 56) | ((long) type << 48) | body.length)
        .put(body)
        .array();
  }

  /** Sends an info request and returns the reply text. */
  String info(String... names) throws IOException {
    send(frame(2, 1, (String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8)));
    return new String(readFrameBody(1), StandardCharsets.UTF_8);
  }

  /** Reads one reply frame of the expected type and returns its body. */
  byte[] readFrameBody(int expectedType) throws IOException {
    long word = in.readLong();
    int type = (int) (word >>> 48) & 0xFF;
    if (type != expectedType) {
      throw new IOException("reply type " + type + ", expected " + expectedType);
    }
    byte[] body = new byte[(int) (word & 0xFFFF_FFFF_FFFFL)];
    in.readFully(body);
    return body;
  }

  /** True when the server closed the connection (read returns -1) within the socket timeout. */
  boolean closedByServer() throws IOException {
    try {
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (java.net.SocketException e) {
      return true; // connection reset also means closed
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
