package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.aerobench.app.config.AppConfig;
import org.junit.jupiter.api.Test;

/**
 * Past its style's admission bound a request waits at most until its deadline, then gets 503
 * counted as rejected; a full wait queue refuses at once.
 */
class BackpressureTest {

  private static AppConfig config(int limit, int deadlineMs, int maxWaiting, int latencyMs) {
    // Reads may take the injected latency and more without timing out (they would answer 503
    // "aerospike unavailable" instead of the limit under test).
    AppConfig base =
        TestConfigs.quick(
            Map.of(
                "AEROBENCH_AEROSPIKE_TOTAL_TIMEOUT_MS", "30000",
                "AEROBENCH_AEROSPIKE_SOCKET_TIMEOUT_MS", "30000"));
    return base.withLimits(
            new AppConfig.Limits(limit, deadlineMs, maxWaiting, 0, base.limits().inferenceQueue()))
        .withEmbedded(new AppConfig.Embedded(true, 0, latencyMs, 0, 0));
  }

  private static List<HttpProbe.Reply> concurrently(HttpProbe http, List<String> paths) {
    List<CompletableFuture<HttpProbe.Reply>> replies = new ArrayList<>();
    for (String path : paths) {
      replies.add(http.getAsync(path));
    }
    return replies.stream().map(CompletableFuture::join).toList();
  }

  @Test
  void requests_past_a_styles_limit_and_its_wait_queue_get_503_naming_the_limit_as_rejected() {
    // inflight.limit=2 per style: two admitted reads per style hold their slots for 2 s, two more
    // wait; the rest of that style is refused at once. Every style has its own slots, so one
    // style's backlog never sheds another's requests.
    try (AppStack stack = AppStack.start(config(2, 20_000, 2, 2_000), false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());
      assertThat(http.get("/predict/async/sample?skip_inference=true").status()).isEqualTo(200);
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < 18; i++) {
        paths.add("/predict/" + List.of("sync", "async", "virtual").get(i % 3) + "/sample");
      }

      List<HttpProbe.Reply> replies = concurrently(http, paths);

      List<HttpProbe.Reply> rejected = replies.stream().filter(r -> r.status() == 503).toList();
      long ok = replies.stream().filter(r -> r.status() == 200).count();
      assertThat(ok + rejected.size()).isEqualTo(18);
      assertThat(ok).isEqualTo(12); // 2 admitted + 2 waiting, per style
      for (HttpProbe.Reply reply : rejected) {
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.json().get("error").asText()).isEqualTo("overloaded");
        assertThat(reply.json().get("limit").asText()).isEqualTo("inflight.limit");
        assertThat(reply.json().get("limit_value").asInt()).isEqualTo(2);
        assertThat(reply.json().get("message").asText())
            .contains("the app is at its limit of 2 admitted requests of the")
            .contains("the wait queue of 2 is full");
      }
      String metrics = http.get("/metrics").body();
      for (String style : List.of("sync", "async", "virtual")) {
        assertThat(metrics)
            .containsPattern(
                "predict_requests_total\\{client_type=\"" + style + "\",status=\"rejected\"} 2");
      }
      http.close();
    }
  }

  @Test
  void a_saturated_style_does_not_shed_or_delay_another_styles_requests() {
    // sync's one slot and one waiting place are taken by slow reads; async is still admitted.
    try (AppStack stack = AppStack.start(config(1, 20_000, 1, 2_000), false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());
      List<CompletableFuture<HttpProbe.Reply>> sync = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        sync.add(http.getAsync("/predict/sync/sample"));
      }
      HttpProbe.Reply async = http.get("/predict/async/sample");

      assertThat(async.status()).isEqualTo(200);
      assertThat(sync.stream().map(CompletableFuture::join).map(HttpProbe.Reply::status))
          .contains(503);
      http.close();
    }
  }

  @Test
  void requests_that_find_a_slot_before_their_deadline_are_served() {
    try (AppStack stack = AppStack.start(config(1, 20_000, 10, 300), false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());

      List<HttpProbe.Reply> replies =
          concurrently(
              http,
              List.of("/predict/sync/sample", "/predict/async/sample", "/predict/sync/sample"));

      assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
      http.close();
    }
  }
}
