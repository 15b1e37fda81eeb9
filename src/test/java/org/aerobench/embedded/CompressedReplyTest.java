package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompressedReplyTest {

  static EmbeddedAerospike server;

  @BeforeAll
  static void start() {
    server = EmbeddedAerospike.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void read_asking_for_a_compressed_reply_gets_a_type_4_frame_holding_the_record()
      throws Exception {
    Key key = new Key("test", "zip", "big");
    try (AerospikeClient client = new AerospikeClient(server.host(), server.port())) {
      client.put(null, key, new Bin("big", "y".repeat(5_000)));
    }
    try (RawWire raw = new RawWire(server)) {
      raw.send(RawWire.frame(2, 3, getAll(key.digest, 0x80 | 0x02 | 0x01)));
      byte[] body = raw.readFrameBody(4);

      long usize = ByteBuffer.wrap(body).getLong();
      Inflater inflater = new Inflater();
      inflater.setInput(body, 8, body.length - 8);
      byte[] inner = new byte[(int) usize];
      int n = inflater.inflate(inner);
      inflater.end();

      assertThat(n).isEqualTo(usize);
      assertThat(body.length).isLessThan((int) usize);
      assertThat(inner[1]).isEqualTo((byte) 3); // inner frame is an AS_MSG
      assertThat(inner[8 + 5]).isZero(); // result OK
      assertThat(new String(inner, StandardCharsets.US_ASCII)).contains("yyyyyyyy");
    }
  }

  @Test
  void compressed_requests_on_one_connection_are_each_inflated_even_after_a_broken_one()
      throws Exception {
    try (RawWire raw = new RawWire(server)) {
      raw.send(compressed(RawWire.frame(2, 1, "node\n".getBytes(StandardCharsets.UTF_8))));
      String first = new String(raw.readFrameBody(1), StandardCharsets.UTF_8);

      ByteBuffer notZlib =
          ByteBuffer.allocate(8 + 6).putLong(13).put(new byte[] {1, 2, 3, 4, 5, 6});
      raw.send(RawWire.frame(2, 4, notZlib.array()));
      byte[] refused = raw.readFrameBody(3);

      raw.send(compressed(RawWire.frame(2, 1, "build\n".getBytes(StandardCharsets.UTF_8))));
      String second = new String(raw.readFrameBody(1), StandardCharsets.UTF_8);

      assertThat(first).contains(server.nodeId());
      assertThat(refused[5] & 0xFF).isEqualTo(4); // PARAMETER_ERROR
      assertThat(second).startsWith("build\t");
    }
  }

  /** A type-4 frame: {@code usize(8) | zlib(inner frame)}. */
  private static byte[] compressed(byte[] innerFrame) {
    Deflater deflater = new Deflater();
    deflater.setInput(innerFrame);
    deflater.finish();
    byte[] zlib = new byte[innerFrame.length + 64];
    int n = deflater.deflate(zlib);
    deflater.end();
    ByteBuffer body = ByteBuffer.allocate(8 + n).putLong(innerFrame.length).put(zlib, 0, n);
    return RawWire.frame(2, 4, body.array());
  }

  private static byte[] getAll(byte[] digest, int info1) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {22, (byte) info1, 0, 0, 0, 0});
    out.writeInt(0);
    out.writeInt(0);
    out.writeInt(1000);
    out.writeShort(2);
    out.writeShort(0);
    out.writeInt(5);
    out.writeByte(0);
    out.write("test".getBytes(StandardCharsets.UTF_8));
    out.writeInt(21);
    out.writeByte(4);
    out.write(digest);
    return bytes.toByteArray();
  }
}
