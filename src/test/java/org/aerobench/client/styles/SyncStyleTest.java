package org.aerobench.client.styles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.aerobench.client.AerospikeConnection;
import org.aerobench.client.ClientSettings;
import org.aerobench.client.LookupResult;
import org.aerobench.client.ReadMode;
import org.aerobench.data.Fixtures;
import org.aerobench.data.KeyPlan;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;
import org.junit.jupiter.api.Test;

class SyncStyleTest {

  @Test
  void close_fails_the_reads_still_queued_so_every_future_completes() throws Exception {
    KeyPlan plan = KeyPlan.of(Fixtures.load(), "test", 9, 10);
    try (EmbeddedAerospike server = EmbeddedAerospike.start(EmbeddedConfig.defaults())) {
      ClientSettings settings =
          ClientSettings.builder()
              .localPort(server.port())
              .syncPoolThreads(1)
              .syncQueueCapacity(5)
              .totalTimeoutMs(10_000)
              .socketTimeoutMs(10_000)
              .build();
      try (AerospikeConnection connection = AerospikeConnection.open(settings)) {
        assertThat(connection.awaitConnected(Duration.ofSeconds(5))).isTrue();
        SyncStyle style = new SyncStyle(connection, settings);
        server.setLatency(Latency.fixed(Duration.ofSeconds(1))); // the one thread stays busy

        List<CompletableFuture<LookupResult>> reads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          reads.add(style.read(plan, ReadMode.SINGLE)); // 1 running (or about to) + 3 queued
        }
        style.close();

        // At least the 3 behind the running one were dropped by the closing pool, and failed.
        List<CompletableFuture<LookupResult>> queued = reads.subList(1, reads.size());
        assertThat(queued).allSatisfy(read -> assertThat(read).isCompletedExceptionally());
        assertThat(queued)
            .allSatisfy(
                read ->
                    assertThat(read.exceptionNow())
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("sync style is closed"));
        // The running one ends too (answered, or failed by the interrupt); none is left pending.
        CompletableFuture.allOf(reads.get(0)).exceptionally(e -> null).get(15, TimeUnit.SECONDS);
        assertThat(reads).allSatisfy(read -> assertThat(read).isDone());
      }
    }
  }
}
