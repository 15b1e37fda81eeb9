package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.aerobench.app.config.AppConfig;
import org.aerobench.data.Seeder;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.Latency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The backend killed or frozen under the app: /ready must say so (it stayed 200 while every predict
 * got 503), predicts answer 503 within the configured timeout, and both recover by themselves.
 * Every wait is a bounded poll.
 */
@Tag("reliability")
class OutageReliabilityTest {

  private static final List<String> STYLES = List.of("sync", "async", "virtual");

  private static AppConfig config() {
    return TestConfigs.quick(
        Map.of(
            "AEROBENCH_AEROSPIKE_TOTAL_TIMEOUT_MS", "500",
            "AEROBENCH_AEROSPIKE_SOCKET_TIMEOUT_MS", "500",
            "AEROBENCH_READY_FAILURE_WINDOW_MS", "1000",
            "AEROBENCH_READY_PROBE_INTERVAL_MS", "100"));
  }

  @Test
  void a_frozen_server_the_client_still_lists_makes_ready_503_with_the_reason_then_200_again()
      throws InterruptedException {
    try (AppStack stack = AppStack.start(config(), false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());
      assertThat(poll(http, "/ready", r -> r.status() == 200).status()).isEqualTo(200);

      // Info commands are never delayed, so cluster tending still sees the node: only reads stall.
      stack.embedded().setLatency(Latency.fixed(Duration.ofSeconds(60)));

      HttpProbe.Reply frozen = http.get("/predict/async/sample");
      assertThat(frozen.status()).as(frozen.body()).isEqualTo(503);
      assertThat(frozen.header("Retry-After")).isEqualTo("1");
      HttpProbe.Reply notReady = poll(http, "/ready", r -> r.status() == 503);
      assertThat(notReady.json().get("reason").asText())
          .contains("aerospike reads failing or timing out")
          .contains("ready.failure.window.ms");
      assertThat(http.get("/info").json().get("aerospike").get("node_count").asInt())
          .as("the client still lists the node: 'connected' alone would say ready")
          .isEqualTo(1);

      stack.embedded().setLatency(Latency.NONE);

      assertThat(poll(http, "/ready", r -> r.status() == 200).status()).isEqualTo(200);
      assertThat(poll(http, "/predict/sync/sample", r -> r.status() == 200).status())
          .isEqualTo(200);
      http.close();
    }
  }

  @Test
  void a_killed_server_gives_503_predicts_and_ready_503_then_recovery_after_restart_by_itself()
      throws InterruptedException {
    AppConfig config = config();
    try (AppStack stack = AppStack.start(config, false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());
      int port = stack.embedded().port();

      stack.embedded().close();

      for (String style : STYLES) {
        HttpProbe.Reply reply = http.get("/predict/" + style + "/sample?mode=gather");
        assertThat(reply.status()).as("%s: %s", style, reply.body()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
      }
      assertThat(poll(http, "/ready", r -> r.status() == 503).json().get("status").asText())
          .isEqualTo("not ready");
      assertThat(http.get("/health").status()).isEqualTo(200);

      try (EmbeddedAerospike again =
          EmbeddedAerospike.start(AppStack.embeddedConfig(config).withPort(port))) {
        poll(http, "/ready", r -> r.status() == 200);
        stack.backend().seed(new Seeder());
        for (String style : STYLES) {
          assertThat(poll(http, "/predict/" + style + "/sample", r -> r.status() == 200).status())
              .isEqualTo(200);
        }
      }
      http.close();
    }
  }

  /** GETs until the predicate holds, at most 30 s. */
  static HttpProbe.Reply poll(HttpProbe http, String path, Predicate<HttpProbe.Reply> ok)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpProbe.Reply last;
    do {
      last = http.get(path);
      if (ok.test(last)) {
        return last;
      }
      Thread.sleep(50);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("GET " + path + " never matched within 30 s; last: " + last.body());
  }
}
