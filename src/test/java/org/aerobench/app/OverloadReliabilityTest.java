package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aerobench.app.config.AppConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Far more concurrent requests than the app admits: it sheds with 503 + Retry-After instead of
 * queueing, serves nothing past its deadline (plus the last stage's slack), and its queues stay
 * within their configured bounds. Asserts behaviour and the app's own accounting, not latency.
 */
@Tag("reliability")
class OverloadReliabilityTest {

  private static final int LIMIT = 4;
  private static final int MAX_WAITING = 8;
  private static final int DEADLINE_MS = 400;
  // Only features, inference and the response build (about a millisecond) may run past the
  // deadline; the rest is room for a shared 2-core machine's scheduling, not a speed claim.
  private static final double SLACK_MS = 1_500;

  private static AppConfig config() {
    AppConfig base =
        TestConfigs.quick(
            Map.of(
                "AEROBENCH_AEROSPIKE_TOTAL_TIMEOUT_MS", "5000",
                "AEROBENCH_AEROSPIKE_SOCKET_TIMEOUT_MS", "5000"));
    return base.withLimits(
            new AppConfig.Limits(
                LIMIT, DEADLINE_MS, MAX_WAITING, 0, base.limits().inferenceQueue()))
        .withEmbedded(new AppConfig.Embedded(true, 0, 150, 0, 0));
  }

  @Test
  void a_burst_gets_fast_503s_with_retry_after_and_no_accepted_request_is_served_past_its_deadline()
      throws InterruptedException {
    try (AppStack stack = AppStack.start(config(), false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());
      HttpProbe watcher = new HttpProbe(stack.url());
      for (String style : List.of("sync", "async", "virtual")) {
        // A cold first call (connections, JIT) may miss the short deadline: warm up until served.
        OutageReliabilityTest.poll(http, "/predict/" + style + "/sample", r -> r.status() == 200);
      }

      List<CompletableFuture<HttpProbe.Reply>> burst = new ArrayList<>();
      for (int i = 0; i < 90; i++) {
        String style = List.of("sync", "async", "virtual").get(i % 3);
        String mode = List.of("single", "gather", "sequential").get(i / 3 % 3);
        burst.add(http.getAsync("/predict/" + style + "/sample?mode=" + mode));
      }
      List<String> scrapes = new ArrayList<>();
      while (!burst.stream().allMatch(CompletableFuture::isDone) && scrapes.size() < 200) {
        scrapes.add(watcher.get("/metrics").body());
        Thread.sleep(20);
      }
      List<HttpProbe.Reply> replies = burst.stream().map(CompletableFuture::join).toList();

      List<HttpProbe.Reply> served = replies.stream().filter(r -> r.status() == 200).toList();
      List<HttpProbe.Reply> shed = replies.stream().filter(r -> r.status() == 503).toList();
      assertThat(served.size() + shed.size()).as("only 200 or 503").isEqualTo(replies.size());
      assertThat(served).isNotEmpty();
      assertThat(shed).hasSizeGreaterThan(replies.size() / 2);
      for (HttpProbe.Reply reply : shed) {
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.json().get("error").asText()).isEqualTo("overloaded");
        assertThat(reply.json().get("limit").asText())
            .isIn("inflight.limit", "request.deadline.ms");
      }
      for (HttpProbe.Reply reply : served) {
        assertThat(reply.json().get("total_ms").asDouble())
            .as("a 200 from arrival to reply, within the deadline plus the last stage")
            .isLessThanOrEqualTo(DEADLINE_MS + SLACK_MS);
      }
      for (String metrics : scrapes) {
        assertThat(gauge(metrics, "predict_inflight_slots", "in_use")).isLessThanOrEqualTo(LIMIT);
        assertThat(gauge(metrics, "predict_inflight_slots", "waiting"))
            .isLessThanOrEqualTo(MAX_WAITING);
        assertThat(gauge(metrics, "aerobench_inference_executor", "queued"))
            .isLessThanOrEqualTo(config().limits().inferenceQueue());
      }
      String after = watcher.get("/metrics").body();
      assertThat(after)
          .containsPattern(
              "predict_requests_total\\{client_type=\"sync\",status=\"rejected\"} [1-9]");
      assertThat(gauge(after, "predict_inflight_slots", "max_waiting")).isEqualTo(MAX_WAITING);
      http.close();
      watcher.close();
    }
  }

  /** The largest value of a gauge's {@code state} over the styles (each has its own bound). */
  private static double gauge(String metrics, String name, String state) {
    Matcher m =
        Pattern.compile(name + "\\{(?:client_type=\"[^\"]+\",)?state=\"" + state + "\"} (\\S+)")
            .matcher(metrics);
    double max = Double.NEGATIVE_INFINITY;
    while (m.find()) {
      max = Math.max(max, Double.parseDouble(m.group(1)));
    }
    assertThat(max).as("%s{state=%s} in the scrape", name, state).isFinite();
    return max;
  }
}
