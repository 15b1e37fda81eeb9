package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.aerobench.data.Fixtures;
import org.aerobench.data.KeyPlan;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Past their bounded queues, the sync and async styles refuse reads with an overload error. */
class BackpressureTest {

  final KeyPlan plan = KeyPlan.of(Fixtures.load(), "test", 9, 10);
  EmbeddedAerospike server;
  AerospikeConnection connection;
  ClientStyle style;

  @BeforeEach
  void start() {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
  }

  @AfterEach
  void stop() {
    if (style != null) {
      style.close();
    }
    if (connection != null) {
      connection.close();
    }
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sync", "async"})
  void a_burst_beyond_the_queue_bound_is_refused_as_overload_and_the_rest_succeed(String name)
      throws Exception {
    // One event loop running 5 commands with 5 queued; one pool thread with 5 queued.
    ClientSettings settings =
        ClientSettings.builder()
            .localPort(server.port())
            .eventLoopCount(1)
            .asyncMaxCommands(5)
            .maxCommandsInQueue(5)
            .syncPoolThreads(1)
            .syncQueueCapacity(5)
            .totalTimeoutMs(20_000)
            .socketTimeoutMs(20_000)
            .build();
    connection = AerospikeConnection.open(settings);
    assertThat(connection.awaitConnected(Duration.ofSeconds(5))).isTrue();
    style = ClientStyles.create(name, connection, settings);
    // Long enough that no read completes during the burst even on a loaded machine (the exact
    // counts below depend on it); the sync queue then drains in 6 × 2 s, within each get's 30 s.
    server.setLatency(Latency.fixed(Duration.ofSeconds(2)));

    List<CompletableFuture<LookupResult>> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burst.add(style.read(plan, ReadMode.SINGLE)); // 20 batch calls at once, room for 10 or 6
    }
    int overloaded = 0;
    int succeeded = 0;
    for (CompletableFuture<LookupResult> read : burst) {
      try {
        assertThat(read.get(30, TimeUnit.SECONDS).total()).isEqualTo(90);
        succeeded++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(ClientFailures.classify(e))
            .as(e.getCause().toString())
            .isEqualTo(ClientFailures.Kind.OVERLOADED);
        overloaded++;
      }
    }

    // async: 5 running + 5 queued on the one loop; sync: 1 running + 5 queued.
    int room = name.equals("async") ? 10 : 6;
    assertThat(succeeded).isEqualTo(room);
    assertThat(overloaded).isEqualTo(20 - room);
  }
}
