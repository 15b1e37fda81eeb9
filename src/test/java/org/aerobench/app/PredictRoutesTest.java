package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.Log;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aerobench.app.config.AppConfig;
import org.aerobench.app.config.ConfigLoader;
import org.aerobench.client.ReadMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The routes over real HTTP on a random port, backed by the seeded embedded server. */
class PredictRoutesTest {

  private static final List<String> STYLES = List.of("sync", "async", "virtual");

  private static AppStack stack;
  private static HttpProbe http;

  @BeforeAll
  static void start() throws InterruptedException {
    AppConfig config = ConfigLoader.defaults(Map.of()).withPort(0);
    stack = AppStack.start(config, false, line -> {});
    http = new HttpProbe(stack.url());
    // The model warms up in the background (default model.warmup=true); /ready waits for it.
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (http.get("/ready").status() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
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

  @Test
  void every_style_and_mode_scores_the_same_predictions() {
    JsonNode reference = null;
    for (String style : STYLES) {
      for (ReadMode mode : ReadMode.values()) {
        HttpProbe.Reply reply = http.get("/predict/" + style + "/sample?mode=" + mode.wireName());
        assertThat(reply.status()).as("%s %s: %s", style, mode, reply.body()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("client_type").asText()).isEqualTo(style);
        assertThat(body.get("mode").asText()).isEqualTo(mode.wireName());
        assertThat(body.get("predictions")).hasSize(200);
        assertThat(body.get("records_total").asInt()).isEqualTo(1800);
        assertThat(body.get("inference_ms").asDouble()).isPositive();
        assertThat(body.get("total_ms").asDouble())
            .isGreaterThanOrEqualTo(body.get("aerospike_ms").asDouble());
        if (reference == null) {
          reference = body;
          assertThat(body.get("records_found").asInt()).isBetween(1, 1799);
        } else {
          assertThat(body.get("predictions")).isEqualTo(reference.get("predictions"));
          assertThat(body.get("records_found")).isEqualTo(reference.get("records_found"));
        }
      }
    }
    List<Double> scores = new ArrayList<>();
    reference.get("predictions").forEach(p -> scores.add(p.get("score").asDouble()));
    // The untrained model saturates on raw counters (as the reference's does): 0..1, not constant.
    assertThat(scores).allSatisfy(s -> assertThat(s).isBetween(0.0, 1.0));
    assertThat(scores.stream().distinct().count()).isGreaterThan(10);
  }

  @Test
  void skip_inference_is_lookup_only_with_zero_scores_in_every_style_and_mode() {
    for (String style : STYLES) {
      for (ReadMode mode : ReadMode.values()) {
        HttpProbe.Reply reply =
            http.get("/predict/" + style + "/sample?skip_inference=true&mode=" + mode.wireName());
        assertThat(reply.status()).as("%s %s: %s", style, mode, reply.body()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("inference_ms").asDouble()).isZero();
        assertThat(body.get("feature_ms").asDouble()).isZero();
        assertThat(body.get("predictions")).hasSize(200);
        body.get("predictions").forEach(p -> assertThat(p.get("score").asDouble()).isZero());
      }
    }
  }

  @Test
  void smaller_plans_read_fewer_keys_and_score_fewer_ads() {
    HttpProbe.Reply reply = http.get("/predict/async/sample?mode=gather&num_sets=2&batch_size=10");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("records_total").asInt()).isEqualTo(20);
    assertThat(reply.json().get("predictions")).hasSize(10);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mode=fast|mode|fast|single, gather, sequential, merge_gather",
        "num_sets=0|num_sets|0|an integer in 1..9 (ASCII digits, no sign, spaces or leading zeros)",
        "num_sets=10|num_sets|10|an integer in 1..9 (ASCII digits, no sign, spaces or leading zeros)",
        "num_sets=abc|num_sets|abc|an integer in 1..9 (ASCII digits, no sign, spaces or leading zeros)",
        "batch_size=0|batch_size|0|an integer in 1..200 (ASCII digits, no sign, spaces or leading zeros)",
        "batch_size=201|batch_size|201|an integer in 1..200 (ASCII digits, no sign, spaces or leading zeros)",
        "batch_size=1e3|batch_size|1e3|an integer in 1..200 (ASCII digits, no sign, spaces or leading zeros)",
        "skip_inference=maybe|skip_inference|maybe|true, false"
      })
  void invalid_query_parameter_answers_400_naming_parameter_value_and_allowed(
      String query, String parameter, String value, String allowed) {
    for (String style : STYLES) {
      HttpProbe.Reply reply = http.get("/predict/" + style + "/sample?" + query);

      assertThat(reply.status()).isEqualTo(400);
      JsonNode body = reply.json();
      assertThat(body.get("parameter").asText()).isEqualTo(parameter);
      assertThat(body.get("value").asText()).isEqualTo(value);
      assertThat(body.get("allowed").asText()).isEqualTo(allowed);
      assertThat(body.get("error").asText()).isEqualTo("invalid query parameter");
    }
  }

  @Test
  void unknown_client_answers_404_listing_the_valid_names() {
    HttpProbe.Reply reply = http.get("/predict/official/sample");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("client").asText()).isEqualTo("official");
    assertThat(reply.json().get("valid").toString()).isEqualTo("[\"async\",\"sync\",\"virtual\"]");
  }

  @Test
  void unknown_path_answers_404_json_listing_the_routes() {
    HttpProbe.Reply reply = http.get("/predict");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("error").asText()).isEqualTo("no route for GET /predict");
    assertThat(reply.json().get("routes").toString()).contains("GET /predict/{client}/sample");
  }

  @Test
  void health_and_ready_answer_ok_once_started() {
    assertThat(http.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
    HttpProbe.Reply ready = http.get("/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("ready");
  }

  @Test
  void metrics_expose_the_reference_names_per_client_type_after_requests() {
    for (String style : STYLES) {
      assertThat(http.get("/predict/" + style + "/sample?mode=gather").status()).isEqualTo(200);
    }

    HttpProbe.Reply metrics = http.get("/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.header("Content-Type")).startsWith("text/plain");
    String text = metrics.body();
    for (String style : STYLES) {
      assertThat(text)
          .containsPattern(
              "predict_requests_total\\{client_type=\"" + style + "\",status=\"success\"} [1-9]")
          .containsPattern(
              "aerospike_batch_read_set_duration_seconds_count\\{client_type=\""
                  + style
                  + "\",set_name=\"nccsh_adid\"} [1-9]")
          .containsPattern(
              "predict_duration_seconds_count\\{client_type=\""
                  + style
                  + "\",mode=\"gather\"} [1-9]")
          .contains("dlrm_inference_duration_seconds_count{client_type=\"" + style + "\"}")
          .contains(
              "aerospike_records_found_ratio_bucket{client_type=\"" + style + "\",le=\"1.0\"}")
          .contains("predict_active_requests{client_type=\"" + style + "\"} 0");
    }
    assertThat(text)
        .contains("aerospike_client_node_connections{")
        .contains("aerospike_client_event_loop_commands{")
        .contains("predict_inflight_slots{client_type=\"async\",state=\"in_use\"} 0")
        .contains("jvm_threads_current");
  }

  @Test
  void every_style_has_an_aerospike_client_of_its_own_by_default() {
    assertThat(http.get("/predict/sync/sample").status()).isEqualTo(200);

    String text = http.get("/metrics").body();

    for (String style : STYLES) {
      assertThat(text)
          .containsPattern(
              "aerospike_client_node_connections\\{client=\""
                  + style
                  + "\",node=\"[^\"]+\",pool=\"sync\",state=\"in_pool\"}");
    }
    assertThat(text).doesNotContain("client=\"shared\"");
  }

  @Test
  void metrics_expose_the_blocking_styles_workers_and_their_read_time_for_littles_law() {
    assertThat(http.get("/predict/sync/sample?mode=gather").status()).isEqualTo(200);
    assertThat(http.get("/predict/virtual/sample?mode=gather").status()).isEqualTo(200);

    String text = http.get("/metrics").body();

    assertThat(text)
        .contains("aerobench_style_workers{client_type=\"sync\",state=\"limit\"} 16")
        .contains("aerobench_style_workers{client_type=\"virtual\",state=\"limit\"} 16")
        .contains("aerobench_style_workers{client_type=\"sync\",state=\"queued\"} 0")
        // The async style keeps its own command slots, so it has workers too.
        .containsPattern("aerobench_style_workers\\{client_type=\"async\",state=\"limit\"} \\d+")
        // gather = one blocking read per set: at least 9 reads, and time spent inside them
        .containsPattern("aerobench_style_reads_total\\{client_type=\"sync\"} (9|[1-9][0-9]+)")
        .contains("aerobench_inference_executor{state=\"queued\"} 0");
    var busy =
        java.util.regex.Pattern.compile(
                "aerobench_style_worker_busy_seconds_total\\{client_type=\"sync\"} (\\S+)")
            .matcher(text);
    assertThat(busy.find()).isTrue();
    assertThat(Double.parseDouble(busy.group(1))).isPositive();
  }

  @Test
  void the_clients_own_warnings_reach_the_app_log_but_not_its_info_lines() {
    assertThat(Log.isSet()).isTrue();
    assertThat(Log.warnEnabled()).isTrue();
    assertThat(Log.infoEnabled()).isFalse();
  }
}
