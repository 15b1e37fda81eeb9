package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.aerobench.embedded.EmbeddedAerospike;
import org.junit.jupiter.api.Test;

/** GET /info says what the app is connected to: embedded or external, nodes, build, styles. */
class AppInfoTest {

  @Test
  void info_reports_the_embedded_server_it_started_with_nodes_build_styles_and_model() {
    try (AppStack stack = AppStack.start(TestConfigs.quick(), false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());

      JsonNode info = http.get("/info").json();

      JsonNode aerospike = info.get("aerospike");
      assertThat(aerospike.get("embedded").asBoolean()).isTrue();
      assertThat(aerospike.get("node_count").asInt()).isEqualTo(1);
      assertThat(aerospike.get("nodes").get(0).asText()).isEqualTo(stack.embedded().nodeId());
      assertThat(aerospike.get("build").asText()).isNotBlank().isNotEqualTo("unknown");
      assertThat(aerospike.get("edition").asText()).contains("Edition");
      assertThat(aerospike.get("namespace").asText()).isEqualTo("test");
      assertThat(aerospike.get("seed_hosts").get(0).asText())
          .isEqualTo(stack.embedded().host() + ":" + stack.embedded().port());
      assertThat(aerospike.get("latency_injection").asText()).isEqualTo("off");
      assertThat(info.get("client_styles").get("sync").get("pool_threads").asInt()).isEqualTo(16);
      assertThat(info.get("client_styles").get("async").get("event_loops").asInt()).isPositive();
      assertThat(info.get("client_styles").get("virtual").get("max_concurrent").asInt())
          .isEqualTo(16);
      // Every style's limit, the batch policy, timeouts and retries are recorded.
      JsonNode limits = info.get("concurrency_limit");
      assertThat(limits.get("default").asInt()).isEqualTo(16);
      for (String style : new String[] {"sync", "async", "virtual"}) {
        assertThat(limits.get("per_style").get(style).asInt()).as(style).isEqualTo(16);
        assertThat(info.get("client_styles").get(style).get("limit").asInt()).isEqualTo(16);
      }
      JsonNode batch = aerospike.get("batch_policy");
      assertThat(batch.get("max_concurrent_threads").asInt()).isEqualTo(1);
      assertThat(batch.get("allow_inline").asBoolean()).isTrue();
      assertThat(batch.get("allow_inline_ssd").asBoolean()).isFalse();
      assertThat(batch.get("respond_all_keys").asBoolean()).isTrue();
      assertThat(batch.get("replica").asText()).isEqualTo("SEQUENCE");
      assertThat(aerospike.get("read_policy").get("replica").asText()).isEqualTo("SEQUENCE");
      JsonNode timeouts = aerospike.get("timeouts");
      assertThat(timeouts.get("total_timeout_ms").asInt()).isEqualTo(1000);
      assertThat(timeouts.get("socket_timeout_ms").asInt()).isEqualTo(500);
      assertThat(timeouts.get("max_retries").asInt()).isEqualTo(2);
      assertThat(timeouts.get("retries_can_follow_a_timeout").asBoolean()).isTrue();
      assertThat(info.get("model").get("engine").asText()).isEqualTo("java");
      assertThat(info.get("admission").get("request_deadline_ms").asInt()).isEqualTo(1000);
      http.close();
    }
  }

  @Test
  void an_app_pointed_at_hosts_reports_external_with_the_servers_build() {
    try (EmbeddedAerospike server = EmbeddedAerospike.start();
        AppStack stack =
            AppStack.start(
                TestConfigs.quick(
                    Map.of("AEROBENCH_AEROSPIKE_HOSTS", server.host() + ":" + server.port())),
                true,
                line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());

      JsonNode aerospike = http.get("/info").json().get("aerospike");

      assertThat(stack.embedded()).isNull();
      assertThat(aerospike.get("embedded").asBoolean()).isFalse();
      assertThat(aerospike.get("nodes").get(0).asText()).isEqualTo(server.nodeId());
      assertThat(aerospike.get("build").asText()).isNotEqualTo("unknown");
      http.close();
    }
  }
}
