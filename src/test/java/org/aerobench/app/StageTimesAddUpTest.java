package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.aerobench.app.config.AppConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reply's stage times mean what they say: over real requests through the real app and the
 * embedded server, with more requests than each style's limits let run at once (so every style
 * queues), the stages add up to the total, and the waits for a slot show as {@code queue_ms} rather
 * than inside {@code aerospike_ms}.
 */
class StageTimesAddUpTest {

  private static final int REQUESTS = 48;
  private static final int AT_ONCE = 8;

  private static AppStack stack;
  private static HttpProbe http;

  @BeforeAll
  static void start() {
    AppConfig config =
        TestConfigs.quick(
                Map.of(
                    // Two calls at once per style (pool threads, permits, async command
                    // slots): eight concurrent gathers of 9 calls each must queue.
                    "AEROBENCH_AEROSPIKE_CONCURRENCY_LIMIT", "2",
                    "AEROBENCH_REQUEST_DEADLINE_MS", "20000",
                    "AEROBENCH_AEROSPIKE_TOTAL_TIMEOUT_MS", "5000",
                    "AEROBENCH_AEROSPIKE_SOCKET_TIMEOUT_MS", "5000"))
            .withEmbedded(new AppConfig.Embedded(true, 0, 0.5, 0, 0));
    stack = AppStack.start(config, false, line -> {});
    http = new HttpProbe(stack.url());
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sync", "async", "virtual"})
  void the_mean_stages_add_up_to_the_mean_total_and_waits_are_queue_time(String style)
      throws Exception {
    List<JsonNode> replies = new ArrayList<>();
    for (int sent = 0; sent < REQUESTS; sent += AT_ONCE) {
      List<CompletableFuture<HttpProbe.Reply>> burst = new ArrayList<>();
      for (int i = 0; i < AT_ONCE; i++) {
        burst.add(http.getAsync("/predict/" + style + "/sample?mode=gather"));
      }
      for (CompletableFuture<HttpProbe.Reply> call : burst) {
        HttpProbe.Reply reply = call.get(30, TimeUnit.SECONDS);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        replies.add(reply.json());
      }
    }

    double total = mean(replies, "total_ms");
    double stages =
        mean(replies, "key_extraction_ms")
            + mean(replies, "queue_ms")
            + mean(replies, "aerospike_ms")
            + mean(replies, "feature_ms")
            + mean(replies, "inference_ms")
            + mean(replies, "response_ms");
    System.out.printf(
        "%s: total %.3f ms, stages %.3f ms, queue %.3f ms, aerospike %.3f ms%n",
        style, total, stages, mean(replies, "queue_ms"), mean(replies, "aerospike_ms"));
    assertThat(stages).as("mean of the stages vs mean total_ms").isCloseTo(total, within(0.1));
    // Eight gathers at once on two workers per style must have waited for them.
    assertThat(mean(replies, "queue_ms")).isGreaterThan(0.5);
    // Nine calls of at least 0.5 ms each ran in every request.
    assertThat(mean(replies, "aerospike_ms")).isGreaterThan(0.5);
  }

  private static org.assertj.core.data.Offset<Double> within(double ms) {
    return org.assertj.core.data.Offset.offset(ms);
  }

  private static double mean(List<JsonNode> replies, String field) {
    return replies.stream()
        .mapToDouble(
            r -> {
              JsonNode value = r.get(field);
              assertThat(value).as("field %s in %s", field, r).isNotNull();
              return value.asDouble();
            })
        .average()
        .orElseThrow();
  }
}
