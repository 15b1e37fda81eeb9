package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** What hostile or careless clients can make the server hold, and that others are still served. */
class HardeningTest {

  @Test
  void headers_claiming_the_maximum_frame_allocate_nothing_and_a_normal_client_is_served()
      throws Exception {
    try (EmbeddedAerospike server = EmbeddedAerospike.start();
        AerospikeClient client = new AerospikeClient(server.host(), server.port())) {
      int hostile = 200; // 200 x 16 MiB = 3.2 GB if a header alone were allocated for
      long heapBefore = usedHeapAfterGc();
      List<Socket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < hostile; i++) {
          Socket s = new Socket(server.host(), server.port());
          sockets.add(s);
          s.getOutputStream().write(header(3, EmbeddedConfig.DEFAULT_MAX_FRAME_BYTES));
          s.getOutputStream().write(new byte[1000]); // a little of the promised body
          if (i % 50 == 0) {
            assertServes(client, i);
          }
        }
        await(() -> server.openConnections() >= hostile + 1, "all connections open");
        for (int i = 0; i < 20; i++) {
          assertServes(client, hostile + i); // both I/O threads have been through their keys
        }

        long grown = usedHeapAfterGc() - heapBefore;

        assertThat(grown).as("heap growth in bytes").isLessThan(128L << 20);
        assertThat(server.bufferedBytes())
            .isLessThanOrEqualTo(ServerLimits.DEFAULT_MAX_BUFFERED_BYTES);
      } finally {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }

  @Test
  void a_frame_past_the_shared_buffer_bound_closes_only_its_connection() throws Exception {
    EmbeddedConfig config =
        EmbeddedConfig.defaults().withLimits(ServerLimits.defaults().withMaxBufferedBytes(1 << 20));
    try (EmbeddedAerospike server = EmbeddedAerospike.start(config);
        AerospikeClient client = new AerospikeClient(server.host(), server.port());
        RawWire first = new RawWire(server);
        RawWire second = new RawWire(server)) {
      first.send(header(3, 4 << 20));
      first.send(new byte[900 * 1024]); // holds about 1 MiB of the budget: the buffer doubles
      await(() -> server.bufferedBytes() > 512 * 1024, "the first frame's buffer to grow");

      try {
        second.send(header(3, 4 << 20));
        second.send(new byte[200 * 1024]);
      } catch (IOException closedWhileSending) {
        // the server may close it before all of it is written: that is the point
      }

      assertThat(second.closedByServer()).isTrue();
      assertThat(server.bufferedBytes()).isLessThanOrEqualTo(1 << 20);
      assertServes(client, 1); // small requests fit each connection's free share
    }
  }

  @Test
  void a_connection_beyond_the_cap_is_closed_at_once_and_one_fits_again_after_a_close()
      throws Exception {
    EmbeddedConfig config =
        EmbeddedConfig.defaults().withLimits(ServerLimits.defaults().withMaxConnections(2));
    try (EmbeddedAerospike server = EmbeddedAerospike.start(config)) {
      RawWire one = new RawWire(server);
      try (RawWire two = new RawWire(server)) {
        assertThat(one.info("node")).contains(server.nodeId());
        assertThat(two.info("node")).contains(server.nodeId());
        try (RawWire refused = new RawWire(server)) {
          assertThat(refused.closedByServer()).isTrue();
        }

        one.close();
        await(() -> server.openConnections() == 1, "the closed connection to be dropped");

        try (RawWire again = new RawWire(server)) {
          assertThat(again.info("node")).contains(server.nodeId());
        }
      }
    }
  }

  @Test
  void an_idle_connection_is_closed_after_the_idle_timeout() throws Exception {
    EmbeddedConfig config =
        EmbeddedConfig.defaults()
            .withLimits(ServerLimits.defaults().withIdleTimeout(Duration.ofMillis(300)));
    try (EmbeddedAerospike server = EmbeddedAerospike.start(config);
        RawWire raw = new RawWire(server)) {
      assertThat(raw.info("node")).contains(server.nodeId());
      long start = System.nanoTime();

      assertThat(raw.closedByServer()).isTrue();

      assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(250));
    }
  }

  @Test
  void a_frame_that_stalls_half_way_is_closed_after_the_read_timeout() throws Exception {
    EmbeddedConfig config =
        EmbeddedConfig.defaults()
            .withLimits(ServerLimits.defaults().withFrameReadTimeout(Duration.ofMillis(300)));
    try (EmbeddedAerospike server = EmbeddedAerospike.start(config);
        RawWire raw = new RawWire(server)) {
      raw.send(header(1, 100));
      raw.send(new byte[10]);

      assertThat(raw.closedByServer()).isTrue();
    }
  }

  @Test
  void a_client_that_does_not_read_its_replies_is_not_read_from_until_it_does() throws Exception {
    int requests = 20_000; // about 28 MB of replies, far more than the socket buffers hold
    byte[] one = RawWire.frame(2, 1, "namespace/test\n".getBytes(StandardCharsets.UTF_8));
    ByteBuffer all = ByteBuffer.allocate(one.length * requests);
    for (int i = 0; i < requests; i++) {
      all.put(one);
    }
    try (EmbeddedAerospike server = EmbeddedAerospike.start();
        Socket socket = new Socket()) {
      socket.setReceiveBufferSize(16 * 1024);
      socket.connect(new java.net.InetSocketAddress(server.host(), server.port()), 5_000);
      socket.setSoTimeout(5_000);
      CompletableFuture<Void> sent =
          CompletableFuture.runAsync(
              () -> {
                try {
                  socket.getOutputStream().write(all.array());
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      Thread.sleep(500); // the server answers until the socket is full, then stops reading

      assertThat(server.bufferedBytes()).as("unsent reply bytes held").isLessThan(64 * 1024);

      DataInputStream in =
          new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
      for (int i = 0; i < requests; i++) {
        long word = in.readLong();
        byte[] body = new byte[(int) (word & 0xFFFF_FFFF_FFFFL)];
        in.readFully(body);
        assertThat(new String(body, StandardCharsets.UTF_8)).startsWith("namespace/test\t");
      }
      sent.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void an_info_request_of_a_megabyte_of_unknown_names_gets_a_bounded_reply() throws Exception {
    String[] names = new String[100_000];
    for (int i = 0; i < names.length; i++) {
      names[i] = "unknown-" + i;
    }
    try (EmbeddedAerospike server = EmbeddedAerospike.start();
        RawWire raw = new RawWire(server)) {
      String reply = raw.info(names);

      assertThat(reply.length()).isLessThan((1 << 20) + 4096);
      assertThat(reply).contains("info-reply-limit\tERROR:8:").endsWith("per request\n");
      assertThat(raw.info("node")).contains(server.nodeId());
    }
  }

  private static byte[] header(int type, long size) {
    return ByteBuffer.allocate(8).putLong((2L << 56) | ((long) type << 48) | size).array();
  }

  private static void assertServes(AerospikeClient client, int i) {
    Key key = new Key("test", "hardening", i);
    client.put(null, key, new Bin("i", i));
    assertThat(client.get(null, key).getInt("i")).isEqualTo(i);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 5 s for " + what);
      }
      Thread.sleep(10);
    }
  }
}
