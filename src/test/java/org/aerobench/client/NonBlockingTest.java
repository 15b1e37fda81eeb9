package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.aerobench.data.Fixtures;
import org.aerobench.data.KeyPlan;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With 1 s of injected server latency, read() hands back a pending future at once. The delay is
 * long so that no reply can arrive before the assertion even on a loaded machine; the plan has two
 * sets (still several calls per read) so that the sequential mode takes 2 s, not 9.
 */
class NonBlockingTest {

  static EmbeddedAerospike server;
  static AerospikeConnection connection;
  static Map<String, ClientStyle> styles;
  static final KeyPlan plan = KeyPlan.of(Fixtures.load(), "test", 2, 200);

  @BeforeAll
  static void start() throws InterruptedException {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    ClientSettings settings =
        ClientSettings.builder()
            .localPort(server.port())
            .totalTimeoutMs(10_000)
            .socketTimeoutMs(5_000) // above the 1 s latency, else each try times out
            .build();
    connection = AerospikeConnection.open(settings);
    assertThat(connection.awaitConnected(Duration.ofSeconds(5))).isTrue();
    styles = ClientStyles.create(connection, settings);
    // Latency only after connecting, so tending is not slowed; it delays AS_MSG replies only.
    server.setLatency(Latency.fixed(Duration.ofSeconds(1)));
  }

  @AfterAll
  static void stop() {
    if (styles != null) {
      ClientStyles.closeAll(styles);
    }
    if (connection != null) {
      connection.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sync", "async", "virtual"})
  void read_returns_a_pending_future_while_the_server_is_slow(String style) throws Exception {
    for (ReadMode mode : ReadMode.values()) {
      CompletableFuture<LookupResult> future = styles.get(style).read(plan, mode);

      assertThat(future).as(style + " " + mode).isNotDone();
      assertThat(future.get(10, TimeUnit.SECONDS).total()).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @EnumSource(ReadMode.class)
  void async_completes_on_an_event_loop_thread_not_on_a_waiting_one(ReadMode mode)
      throws Exception {
    AtomicReference<String> completer = new AtomicReference<>();

    styles
        .get("async")
        .read(plan, mode)
        .thenRun(() -> completer.set(Thread.currentThread().getName()))
        .get(10, TimeUnit.SECONDS);

    // The client's NIO loops are named "as-nio-<n>"; no pool or virtual thread took part.
    assertThat(completer.get()).startsWith("as-nio");
  }
}
