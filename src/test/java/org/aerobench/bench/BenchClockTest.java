package org.aerobench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.Key;
import java.time.Duration;
import java.util.List;
import org.aerobench.client.AerospikeConnection;
import org.aerobench.client.ClientSettings;
import org.aerobench.client.ClientStyles;
import org.aerobench.data.FeatureSet;
import org.aerobench.data.SetKeys;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every env A client starts a call's clock at the same point, when the call is issued, and stops it
 * when its result is seen: with one worker and three calls fired together, the third call's time
 * holds the two waits for the worker, for the bare caller threads as for the app's pool.
 */
@Timeout(60)
class BenchClockTest {

  private static final long LATENCY_MS = 40;

  private EmbeddedAerospike server;
  private AerospikeConnection connection;
  private ClientSettings settings;
  private final SetKeys keys =
      new SetKeys(
          FeatureSet.NCCSH_ADID,
          List.of(
              new Key("test", FeatureSet.NCCSH_ADID.setName(), "a"),
              new Key("test", FeatureSet.NCCSH_ADID.setName(), "b")));

  @BeforeEach
  void start() throws InterruptedException {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    settings =
        ClientSettings.builder()
            .localPort(server.port())
            .concurrencyLimit(1)
            .totalTimeoutMs(10_000)
            .socketTimeoutMs(10_000)
            .build();
    connection = AerospikeConnection.open(settings);
    assertThat(connection.awaitConnected(Duration.ofSeconds(5))).isTrue();
    server.setLatency(Latency.fixed(Duration.ofMillis(LATENCY_MS)));
  }

  @AfterEach
  void stop() {
    if (connection != null) {
      connection.close();
    }
    server.close();
  }

  @Test
  void bareCallerThreadsCountTheWaitForACallerThread() throws InterruptedException {
    try (BenchClient callers =
        new CallerThreadsClient(
            connection.client(), AerospikeConnection.batchPolicy(settings), 1, 30_000)) {
      assertTheLastCallWaitedForTheOthers(callers.fireTogether(keys, 3));
    }
  }

  @Test
  void theAppsSyncPoolCountsTheWaitForAPoolThread() throws InterruptedException {
    try (BenchClient pool =
        new StyleClient(
            BenchClientKind.SYNC,
            ClientStyles.create("sync", connection, settings),
            "test",
            30_000)) {
      assertTheLastCallWaitedForTheOthers(pool.fireTogether(keys, 3));
    }
  }

  private static void assertTheLastCallWaitedForTheOthers(List<CallSample> samples) {
    List<Long> millis = samples.stream().map(s -> s.latencyNanos() / 1_000_000).sorted().toList();
    assertThat(millis).hasSize(3);
    assertThat(millis.get(0)).isGreaterThanOrEqualTo(LATENCY_MS);
    // Timed around the blocking call only, every call would read about one latency.
    assertThat(millis.get(2)).isGreaterThanOrEqualTo(3 * LATENCY_MS - 5);
  }
}
