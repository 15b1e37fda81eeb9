package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.policy.ClientPolicy;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LatencyInjectionTest {

  static EmbeddedAerospike server;
  static AerospikeClient client;

  @BeforeAll
  static void start() {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    ClientPolicy policy = new ClientPolicy();
    policy.readPolicyDefault.totalTimeout = 10_000;
    policy.readPolicyDefault.socketTimeout = 10_000;
    client = new AerospikeClient(policy, new Host(server.host(), server.port()));
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @AfterEach
  void noLatency() {
    server.setLatency(Latency.NONE);
  }

  @Test
  void fixed_delay_makes_a_get_take_at_least_that_long() {
    Key key = new Key("test", "latency", 1);
    client.put(null, key, new Bin("a", 1));
    server.setLatency(Latency.fixed(Duration.ofMillis(50)));

    long start = System.nanoTime();
    client.get(null, key);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(elapsedMillis).isGreaterThanOrEqualTo(50);
  }

  @Test
  void delayed_reply_does_not_stop_another_connection_on_the_same_io_thread() throws Exception {
    // One I/O thread, so both connections are served by it; a fixed delay, never switched.
    EmbeddedConfig config =
        EmbeddedConfig.defaults()
            .withIoThreads(1)
            .withLatency(Latency.fixed(Duration.ofSeconds(2)));
    try (EmbeddedAerospike oneThread = EmbeddedAerospike.start(config);
        RawWire slow = new RawWire(oneThread);
        RawWire other = new RawWire(oneThread)) {
      long start = System.nanoTime();
      slow.send(RawWire.frame(2, 3, getMessage()));

      String node = other.info("node"); // info is never delayed
      long otherMillis = (System.nanoTime() - start) / 1_000_000;
      byte[] slowReply = slow.readFrameBody(3);
      long slowMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(node).contains(oneThread.nodeId());
      // Had the thread slept through the slow get, the info would have waited 2 s too.
      assertThat(otherMillis).isLessThan(1_000);
      assertThat(slowReply[5] & 0xFF).isEqualTo(2); // KEY_NOT_FOUND for the zero digest
      assertThat(slowMillis).isGreaterThanOrEqualTo(2_000);
    }
  }

  @Test
  void info_replies_are_never_delayed() throws Exception {
    server.setLatency(Latency.fixed(Duration.ofSeconds(3)));
    try (RawWire raw = new RawWire(server)) {
      long start = System.nanoTime();
      String node = raw.info("node");

      assertThat(node).contains(server.nodeId());
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
    }
  }

  @Test
  void latency_from_config_applies_from_the_start() {
    EmbeddedConfig config =
        EmbeddedConfig.defaults().withLatency(Latency.fixed(Duration.ofMillis(30)));
    try (EmbeddedAerospike delayed = EmbeddedAerospike.start(config);
        AerospikeClient c = new AerospikeClient(delayed.host(), delayed.port())) {
      long start = System.nanoTime();
      c.exists(null, new Key("test", "latency", 2));
      assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(30);
      assertThat(delayed.latency()).isEqualTo(Latency.fixed(Duration.ofMillis(30)));
    }
  }

  /** An AS_MSG get of an all-zero digest in namespace test. */
  private static byte[] getMessage() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {22, 3, 0, 0, 0, 0});
    out.writeInt(0);
    out.writeInt(0);
    out.writeInt(1000);
    out.writeShort(2);
    out.writeShort(0);
    byte[] ns = "test".getBytes(StandardCharsets.UTF_8);
    out.writeInt(ns.length + 1);
    out.writeByte(0);
    out.write(ns);
    out.writeInt(21);
    out.writeByte(4);
    out.write(new byte[20]);
    return bytes.toByteArray();
  }
}
