package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.cluster.EmbeddedCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code serve} with {@code embedded.nodes=3}: a cluster in the app's JVM behind the app. */
class EmbeddedClusterAppTest {

  private static AppStack stack;
  private static HttpProbe http;

  @BeforeAll
  static void start() {
    stack =
        AppStack.start(
            TestConfigs.quick(
                Map.of(
                    "AEROBENCH_EMBEDDED_NODES", "3",
                    "AEROBENCH_EMBEDDED_NODE_LATENCY", "3:fixed-ms=0.5")),
            false,
            line -> {});
    http = new HttpProbe(stack.url());
    awaitTrue(() -> http.get("/ready").status() == 200, "the app is ready");
    awaitTrue(
        () -> http.get("/info").json().get("aerospike").get("node_count").asInt() == 3,
        "the client sees all three nodes");
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
  void info_lists_every_node_as_a_seed_and_the_three_nodes_the_client_sees() {
    EmbeddedCluster cluster = stack.cluster();

    JsonNode aerospike = http.get("/info").json().get("aerospike");

    assertThat(stack.embedded()).as("no one-node server beside the cluster").isNull();
    assertThat(aerospike.get("embedded").asBoolean()).isTrue();
    assertThat(aerospike.get("embedded_nodes").asInt()).isEqualTo(3);
    assertThat(aerospike.get("embedded_replication_factor").asInt()).isEqualTo(2);
    assertThat(texts(aerospike.get("seed_hosts"))).containsExactlyElementsOf(cluster.seeds());
    assertThat(texts(aerospike.get("nodes")))
        .containsExactlyInAnyOrder(cluster.nodeId(1), cluster.nodeId(2), cluster.nodeId(3));
    assertThat(aerospike.get("latency_injection").asText()).isEqualTo("off; node 3: fixed 0.5 ms");
  }

  @Test
  void per_node_latency_is_set_once_seeded_and_only_on_its_node() {
    EmbeddedCluster cluster = stack.cluster();

    assertThat(cluster.latency(3)).isEqualTo(Latency.fixed(Duration.ofNanos(500_000)));
    assertThat(cluster.latency(1)).isEqualTo(Latency.NONE);
    assertThat(cluster.latency(2)).isEqualTo(Latency.NONE);
  }

  @Test
  void a_read_through_the_app_is_answered_by_every_node_and_metrics_label_all_three() {
    for (String style : List.of("sync", "async", "virtual")) {
      HttpProbe.Reply reply = http.get("/predict/" + style + "/sample?mode=single");
      assertThat(reply.status()).as(style + ": " + reply.body()).isEqualTo(200);
    }

    String metrics = http.get("/metrics").body();

    assertThat(MetricLines.labelValues(metrics, "aerobench_embedded_node_commands_total", "node"))
        .containsExactly("1", "2", "3");
    for (String node : List.of("1", "2", "3")) {
      assertThat(
              MetricLines.value(
                  metrics, "aerobench_embedded_node_commands_total", Map.of("node", node)))
          .as("commands of node %s", node)
          .isPositive();
      assertThat(
              MetricLines.value(
                  metrics,
                  "aerobench_embedded_node_keys_total",
                  Map.of("node", node, "role", "master")))
          .as("keys node %s masters (the default replica policy reads masters)", node)
          .isPositive();
      assertThat(MetricLines.value(metrics, "aerobench_embedded_node_up", Map.of("node", node)))
          .isEqualTo(1.0);
    }
    assertThat(MetricLines.labelValues(metrics, "aerospike_client_node_connections", "node"))
        .containsExactlyInAnyOrder(
            stack.cluster().nodeId(1), stack.cluster().nodeId(2), stack.cluster().nodeId(3));
  }

  @Test
  void a_frozen_node_reads_as_down_until_it_thaws() {
    EmbeddedCluster cluster = stack.cluster();
    cluster.freeze(2);
    String frozen;
    try {
      frozen = http.get("/metrics").body();
    } finally {
      cluster.thaw(2);
    }
    String thawed = http.get("/metrics").body();

    assertThat(MetricLines.value(frozen, "aerobench_embedded_node_up", Map.of("node", "2")))
        .isEqualTo(0.0);
    assertThat(MetricLines.value(frozen, "aerobench_embedded_node_up", Map.of("node", "1")))
        .isEqualTo(1.0);
    assertThat(MetricLines.value(thawed, "aerobench_embedded_node_up", Map.of("node", "2")))
        .isEqualTo(1.0);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after 30 s waiting until " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }
}
