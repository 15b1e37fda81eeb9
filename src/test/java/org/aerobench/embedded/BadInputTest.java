package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.aerobench.embedded.net.IoLoop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BadInputTest {

  static EmbeddedAerospike server;
  ListAppender<ILoggingEvent> warnings;

  @BeforeAll
  static void start() {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void captureServerWarnings() {
    warnings = new ListAppender<>();
    warnings.start();
    ((Logger) LoggerFactory.getLogger(IoLoop.class)).addAppender(warnings);
  }

  @AfterEach
  void releaseServerWarnings() {
    ((Logger) LoggerFactory.getLogger(IoLoop.class)).detachAppender(warnings);
  }

  @Test
  void bad_proto_version_closes_the_connection_and_is_logged_once() throws Exception {
    try (RawWire raw = new RawWire(server)) {
      raw.send(RawWire.frame(9, 3, new byte[22]));
      assertThat(raw.closedByServer()).isTrue();
    }
    assertOneWarningContaining("proto version 9");
    assertServerStillServes();
  }

  @Test
  void frame_claiming_one_tebibyte_closes_the_connection() throws Exception {
    try (RawWire raw = new RawWire(server)) {
      long oneTiB = 1L << 40;
      byte[] header =
          java.nio.ByteBuffer.allocate(8).putLong((2L << 56) | (3L << 48) | oneTiB).array();
      raw.send(header);
      assertThat(raw.closedByServer()).isTrue();
    }
    assertOneWarningContaining("proto size " + (1L << 40));
    assertServerStillServes();
  }

  @Test
  void truncated_header_then_close_is_logged_and_the_server_keeps_serving() throws Exception {
    try (RawWire raw = new RawWire(server)) {
      raw.send(new byte[] {2, 3, 0});
      raw.socket.shutdownOutput();
      assertThat(raw.closedByServer()).isTrue();
    }
    assertOneWarningContaining("truncated proto header");
    assertServerStillServes();
  }

  @Test
  void garbage_bytes_close_the_connection() throws Exception {
    try (RawWire raw = new RawWire(server)) {
      raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(raw.closedByServer()).isTrue();
    }
    assertServerStillServes();
  }

  @Test
  void unknown_info_command_answers_error_and_keeps_the_connection() throws Exception {
    try (RawWire raw = new RawWire(server)) {
      String reply = raw.info("no-such-command");
      String node = raw.info("node");

      assertThat(reply).startsWith("no-such-command\tERROR:");
      assertThat(node).isEqualTo("node\t" + server.nodeId() + "\n");
    }
  }

  @Test
  void as_msg_with_an_unknown_op_gets_an_error_result_code() throws Exception {
    try (RawWire raw = new RawWire(server)) {
      raw.send(RawWire.frame(2, 3, message(0, 1, 99)));
      byte[] reply = raw.readFrameBody(3);

      assertThat(reply[5] & 0xFF).isEqualTo(4); // PARAMETER_ERROR
      assertThat(raw.info("node")).contains(server.nodeId()); // connection still usable
    }
  }

  @Test
  void as_msg_whose_fields_overrun_the_frame_gets_parameter_error() throws Exception {
    byte[] msg = message(0, 1, 1);
    msg[22 + 3] = 100; // first field claims 100 bytes more than the frame holds
    try (RawWire raw = new RawWire(server)) {
      raw.send(RawWire.frame(2, 3, msg));
      byte[] reply = raw.readFrameBody(3);

      assertThat(reply[5] & 0xFF).isEqualTo(4);
    }
  }

  @Test
  void admin_login_gets_security_not_enabled() throws Exception {
    try (RawWire raw = new RawWire(server)) {
      raw.send(RawWire.frame(2, 2, new byte[16]));
      byte[] reply = raw.readFrameBody(2);

      assertThat(reply[1] & 0xFF).isEqualTo(52); // SECURITY_NOT_ENABLED
    }
  }

  /** An AS_MSG read of namespace test with a digest field and one op of the given type. */
  private static byte[] message(int info2, int info1, int opType) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(22);
    out.writeByte(info1);
    out.writeByte(info2);
    out.writeByte(0);
    out.writeByte(0);
    out.writeByte(0);
    out.writeInt(0);
    out.writeInt(0);
    out.writeInt(1000);
    out.writeShort(2); // fields
    out.writeShort(1); // ops
    byte[] ns = "test".getBytes(StandardCharsets.UTF_8);
    out.writeInt(ns.length + 1);
    out.writeByte(0); // namespace
    out.write(ns);
    out.writeInt(21);
    out.writeByte(4); // digest
    out.write(new byte[20]);
    out.writeInt(4 + 1); // op: size, type, particle, version, name length, name
    out.writeByte(opType);
    out.writeByte(0);
    out.writeByte(0);
    out.writeByte(1);
    out.writeByte('a');
    return bytes.toByteArray();
  }

  private void assertOneWarningContaining(String text) throws InterruptedException {
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (warnings.list.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(warnings.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement()
        .satisfies(e -> assertThat(e.getFormattedMessage()).contains(text));
  }

  private static void assertServerStillServes() {
    try (AerospikeClient client = new AerospikeClient(server.host(), server.port())) {
      Key key = new Key("test", "after-bad-input", 1);
      client.put(null, key, new Bin("ok", 1));
      assertThat(client.get(null, key).getInt("ok")).isEqualTo(1);
    }
  }
}
