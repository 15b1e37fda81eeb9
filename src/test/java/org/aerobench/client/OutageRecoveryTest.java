package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aerospike.client.AerospikeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.aerobench.data.FeatureSet;
import org.aerobench.data.Fixtures;
import org.aerobench.data.KeyPlan;
import org.aerobench.data.SeedPlan;
import org.aerobench.data.Seeder;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stopped server fails reads quickly with the client's exception; a server back on the same port
 * is found by the same connection without any action from the caller.
 */
class OutageRecoveryTest {

  static final int TOTAL_TIMEOUT_MS = 500;
  final KeyPlan plan = KeyPlan.of(Fixtures.load(), "test", 9, 200);
  EmbeddedAerospike server;
  AerospikeConnection connection;
  Map<String, ClientStyle> styles;

  @AfterEach
  void stop() {
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

  @Test
  void reads_fail_within_the_timeout_while_down_and_work_again_after_restart() throws Exception {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    int port = server.port();
    ClientSettings settings =
        ClientSettings.builder()
            .localPort(port)
            .totalTimeoutMs(TOTAL_TIMEOUT_MS)
            .socketTimeoutMs(TOTAL_TIMEOUT_MS)
            .connectTimeoutMs(TOTAL_TIMEOUT_MS)
            .tendIntervalMs(100)
            .build();
    connection = AerospikeConnection.open(settings);
    assertThat(connection.awaitConnected(Duration.ofSeconds(5))).isTrue();
    styles = ClientStyles.create(connection, settings);
    new Seeder().seed(connection.client(), "test", Fixtures.load());
    for (ClientStyle style : styles.values()) {
      assertThat(style.read(plan, ReadMode.SINGLE).get(5, TimeUnit.SECONDS).found()).isPositive();
    }

    server.close();

    for (ClientStyle style : styles.values()) {
      for (ReadMode mode : ReadMode.values()) {
        CompletableFuture<LookupResult> read = style.read(plan, mode);
        // Generous bound for a loaded CI machine; the client gives up after TOTAL_TIMEOUT_MS.
        assertThatThrownBy(() -> read.get(5 * TOTAL_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            .as(style.name() + " " + mode)
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(AerospikeException.class)
            .satisfies(
                e ->
                    assertThat(ClientFailures.classify(e))
                        .as(e.toString())
                        .isEqualTo(ClientFailures.Kind.UNAVAILABLE));
      }
    }
    assertThat(awaitDisconnected(Duration.ofSeconds(5))).isTrue();

    server = EmbeddedAerospike.start(EmbeddedConfig.defaults().withPort(port));

    assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
    new Seeder().seed(connection.client(), "test", Fixtures.load()); // memory store came back empty
    for (ClientStyle style : styles.values()) {
      for (ReadMode mode : ReadMode.values()) {
        LookupResult result = style.read(plan, mode).get(5, TimeUnit.SECONDS);
        assertThat(result.found()).as(style.name() + " " + mode).isEqualTo(intendedFound());
      }
    }
  }

  @Test
  void connection_opens_while_the_cluster_is_down_and_connects_when_it_comes_up() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ClientSettings settings =
        ClientSettings.builder()
            .localPort(port)
            .totalTimeoutMs(TOTAL_TIMEOUT_MS)
            .connectTimeoutMs(TOTAL_TIMEOUT_MS)
            .tendIntervalMs(100)
            .build();

    connection = AerospikeConnection.open(settings);
    styles = ClientStyles.create(connection, settings);

    assertThat(connection.isConnected()).isFalse();
    for (ClientStyle style : styles.values()) {
      assertThatThrownBy(() -> style.read(plan, ReadMode.SINGLE).get(5, TimeUnit.SECONDS))
          .as(style.name())
          .cause()
          .satisfies(
              e ->
                  assertThat(ClientFailures.classify(e))
                      .as(e.toString())
                      .isEqualTo(ClientFailures.Kind.UNAVAILABLE));
    }

    server = EmbeddedAerospike.start(EmbeddedConfig.defaults().withPort(port));

    assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
    for (ClientStyle style : styles.values()) {
      assertThat(style.read(plan, ReadMode.GATHER).get(5, TimeUnit.SECONDS).total())
          .isEqualTo(1800);
    }
  }

  private static int intendedFound() {
    int found = 0;
    for (FeatureSet set : FeatureSet.values()) {
      found += SeedPlan.intendedFound(set, 200, 200);
    }
    return found;
  }

  private boolean awaitDisconnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connection.isConnected()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }
}
