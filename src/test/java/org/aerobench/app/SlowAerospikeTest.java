package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.aerobench.app.config.AppConfig;
import org.junit.jupiter.api.Test;

/**
 * A slow Aerospike (1 s per command, timeouts raised to 5 s) must not stall anything else the app
 * serves: /health stays fast while 60 predicts wait on it.
 */
class SlowAerospikeTest {

  @Test
  void health_answers_fast_while_many_slow_predicts_are_in_flight() {
    AppConfig config =
        TestConfigs.quick(
                Map.of(
                    "AEROBENCH_AEROSPIKE_TOTAL_TIMEOUT_MS", "5000",
                    "AEROBENCH_AEROSPIKE_SOCKET_TIMEOUT_MS", "5000",
                    // 60 slow predicts must all be admitted and within their deadline here.
                    "AEROBENCH_INFLIGHT_LIMIT", "64",
                    "AEROBENCH_REQUEST_DEADLINE_MS", "20000"))
            .withEmbedded(new AppConfig.Embedded(true, 0, 1000, 0, 0));
    try (AppStack stack = AppStack.start(config, false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());
      HttpProbe probe = new HttpProbe(stack.url()); // its own connection and selector thread
      probe.get("/health"); // connected and warm: health timings are not connect timings
      for (String style : List.of("sync", "async", "virtual")) {
        assertThat(http.get("/predict/" + style + "/sample").status()).isEqualTo(200);
      }

      List<CompletableFuture<HttpProbe.Reply>> predicts = new ArrayList<>();
      for (String style : List.of("sync", "async", "virtual")) {
        for (int i = 0; i < 20; i++) {
          predicts.add(http.getAsync("/predict/" + style + "/sample"));
        }
      }
      sleepMs(100); // let the burst be accepted and handed to Aerospike; it then waits >= 1 s
      List<Double> healthMs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        HttpProbe.Reply health = probe.get("/health");
        assertThat(health.status()).isEqualTo(200);
        healthMs.add(health.elapsedMs());
      }
      System.out.println("health ms while 60 slow predicts were in flight: " + healthMs);
      boolean predictsStillInFlight = predicts.stream().noneMatch(CompletableFuture::isDone);

      List<HttpProbe.Reply> replies = predicts.stream().map(CompletableFuture::join).toList();
      assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
      // Every predict waited on the slow server. A delayed reply is aimed at its delay minus the
      // I/O loop's measured timer lag (a fraction of a millisecond, at most 1 ms), so one may
      // leave that much before the full second.
      assertThat(replies)
          .allSatisfy(
              r ->
                  assertThat(r.json().get("aerospike_ms").asDouble())
                      .isGreaterThanOrEqualTo(999.0));
      assertThat(predictsStillInFlight)
          .as("health was probed while predicts were in flight")
          .isTrue();
      // Each probe finished well under one Aerospike round trip (1 s), so none waited for one;
      // the median bound allows one scheduling hiccup on a shared 2-core machine.
      assertThat(healthMs).allSatisfy(ms -> assertThat(ms).isLessThan(900.0));
      assertThat(healthMs.stream().sorted().toList().get(healthMs.size() / 2)).isLessThan(150.0);
      http.close();
      probe.close();
    }
  }

  private static void sleepMs(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
