package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.aerobench.app.config.AppConfig;
import org.junit.jupiter.api.Test;

/** Past the in-flight bound a request waits a bounded time, then gets 503 counted as rejected. */
class BackpressureTest {

  private static AppConfig config(int limit, int waitMs, int maxWaiting, int latencyMs) {
    // Reads may take the injected latency and more without timing out (they would answer 503
    // "aerospike unavailable" instead of the limit under test).
    AppConfig base =
        TestConfigs.quick(
            Map.of(
                "AEROBENCH_AEROSPIKE_TOTAL_TIMEOUT_MS", "10000",
                "AEROBENCH_AEROSPIKE_SOCKET_TIMEOUT_MS", "10000"));
    return base.withLimits(
            new AppConfig.Limits(limit, waitMs, maxWaiting, 0, base.limits().inferenceQueue()))
        .withEmbedded(new AppConfig.Embedded(true, 0, latencyMs, 0, 0));
  }

  private static List<HttpProbe.Reply> concurrently(HttpProbe http, String path, int n) {
    List<CompletableFuture<HttpProbe.Reply>> replies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      replies.add(http.getAsync(path));
    }
    return replies.stream().map(CompletableFuture::join).toList();
  }

  @Test
  void requests_past_the_limit_and_the_wait_get_503_naming_the_limit_and_count_as_rejected() {
    // The two admitted reads hold their slots for 2 s, far longer than a cold app (first
    // connections, JIT) takes to receive all twelve; rejections come after the 100 ms wait.
    try (AppStack stack = AppStack.start(config(2, 100, 2, 2_000), false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());
      // Warm-up: opens the async connections and loads the route's classes before the burst.
      assertThat(http.get("/predict/async/sample?skip_inference=true").status()).isEqualTo(200);

      List<HttpProbe.Reply> replies =
          concurrently(http, "/predict/async/sample?skip_inference=true", 12);

      List<HttpProbe.Reply> rejected = replies.stream().filter(r -> r.status() == 503).toList();
      long ok = replies.stream().filter(r -> r.status() == 200).count();
      assertThat(ok + rejected.size()).isEqualTo(12);
      assertThat(ok).isGreaterThanOrEqualTo(2);
      assertThat(rejected).hasSizeGreaterThanOrEqualTo(8);
      for (HttpProbe.Reply reply : rejected) {
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.json().get("error").asText()).isEqualTo("overloaded");
        assertThat(reply.json().get("limit").asText()).isEqualTo("inflight.limit");
        assertThat(reply.json().get("limit_value").asInt()).isEqualTo(2);
        assertThat(reply.json().get("message").asText())
            .contains("client style 'async' is at its in-flight limit of 2 requests");
      }
      assertThat(http.get("/metrics").body())
          .contains(
              "predict_requests_total{client_type=\"async\",status=\"rejected\"} "
                  + rejected.size()
                  + ".0");
      http.close();
    }
  }

  @Test
  void requests_that_find_a_slot_within_the_wait_are_served() {
    try (AppStack stack = AppStack.start(config(1, 10_000, 10, 300), false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());

      List<HttpProbe.Reply> replies = concurrently(http, "/predict/sync/sample", 3);

      assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
      // One at a time behind a 300 ms server: the last one waited for two others.
      double slowest =
          replies.stream()
              .mapToDouble(r -> r.json().get("total_ms").asDouble())
              .max()
              .orElseThrow();
      assertThat(slowest).isGreaterThan(600.0);
      http.close();
    }
  }
}
