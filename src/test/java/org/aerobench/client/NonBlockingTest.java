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

/** With 150 ms of injected server latency, read() hands back a pending future at once. */
class NonBlockingTest {

  static EmbeddedAerospike server;
  static AerospikeConnection connection;
  static Map<String, ClientStyle> styles;
  static final KeyPlan plan = KeyPlan.of(Fixtures.load(), "test", 9, 200);

  @BeforeAll
  static void start() throws InterruptedException {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    ClientSettings settings =
        ClientSettings.builder().localPort(server.port()).totalTimeoutMs(5_000).build();
    connection = AerospikeConnection.open(settings);
    assertThat(connection.awaitConnected(Duration.ofSeconds(5))).isTrue();
    styles = ClientStyles.create(connection, settings);
    // Latency only after connecting, so tending is not slowed; it delays AS_MSG replies only.
    server.setLatency(Latency.fixed(Duration.ofMillis(150)));
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
      assertThat(future.get(10, TimeUnit.SECONDS).total()).isEqualTo(1800);
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
