package org.aerobench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends bytes no well-behaved HTTP client would (a bad request line, raw '%', invalid UTF-8, a 9 KB
 * URI) over a plain socket, and reads the reply until the server closes. Every read has a timeout.
 */
final class RawHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TIMEOUT_MS = 20_000;

  private final String host;
  private final int port;

  RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  record Reply(int status, String head, String body) {

    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    boolean isJson() {
      String type = header("Content-Type");
      return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  /** The body of a chunked reply: hex size line, that many characters, CRLF, until size 0. */
  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int eol = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, eol).trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, eol + 2, eol + 2 + size);
      at = eol + 2 + size + 2;
    }
  }

  /** {@code GET <target> HTTP/1.1} with Host and Connection: close. */
  Reply get(String target) {
    return send(
        ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
  }

  /** A request of any method, e.g. {@code POST}. */
  Reply request(String method, String target) {
    return send(
        (method
                + " "
                + target
                + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sends the bytes as they are and reads the whole reply. */
  Reply send(byte[] request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      // One char per byte until the body is de-chunked (chunk sizes count bytes), then UTF-8.
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int split = text.indexOf("\r\n\r\n");
      if (split < 0) {
        throw new AssertionError("no HTTP reply head in: " + text);
      }
      String head = text.substring(0, split);
      int status = Integer.parseInt(head.substring(9, 12));
      String body = text.substring(split + 4);
      if ("chunked".equalsIgnoreCase(new Reply(status, head, "").header("Transfer-Encoding"))) {
        body = dechunk(body);
      }
      return new Reply(
          status,
          head,
          new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    }
  }
}
