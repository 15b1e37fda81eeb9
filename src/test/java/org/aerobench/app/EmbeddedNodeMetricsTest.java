package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aerobench.embedded.EmbeddedAerospike;
import org.junit.jupiter.api.Test;

/** The embedded server's own counters on a real app's GET /metrics. */
class EmbeddedNodeMetricsTest {

  @Test
  void the_one_node_server_reports_commands_keys_up_and_reply_time_after_a_read() {
    try (AppStack stack = AppStack.start(TestConfigs.quick(), false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());
      assertThat(http.get("/predict/async/sample?mode=single").status()).isEqualTo(200);

      String metrics = http.get("/metrics").body();

      Map<String, String> node1 = Map.of("node", "1");
      assertThat(MetricLines.value(metrics, "aerobench_embedded_node_up", node1)).isEqualTo(1.0);
      assertThat(MetricLines.value(metrics, "aerobench_embedded_node_commands_total", node1))
          .isPositive();
      assertThat(
              MetricLines.value(
                  metrics,
                  "aerobench_embedded_node_keys_total",
                  Map.of("node", "1", "role", "master")))
          .as("one node masters every partition")
          .isPositive();
      assertThat(
              MetricLines.value(
                  metrics,
                  "aerobench_embedded_node_keys_total",
                  Map.of("node", "1", "role", "proxied")))
          .isZero();
      assertThat(
              MetricLines.value(
                  metrics,
                  "aerobench_embedded_node_reply_seconds",
                  Map.of("node", "1", "quantile", "0.99")))
          .isPositive()
          .isLessThan(1.0);
      assertThat(MetricLines.value(metrics, "aerobench_embedded_node_reply_seconds_count", node1))
          .isEqualTo(MetricLines.value(metrics, "aerobench_embedded_node_commands_total", node1));
      http.close();
    }
  }

  @Test
  void an_app_pointed_at_hosts_has_no_embedded_node_metrics() {
    try (EmbeddedAerospike server = EmbeddedAerospike.start();
        AppStack stack =
            AppStack.start(
                TestConfigs.quick(
                    Map.of("AEROBENCH_AEROSPIKE_HOSTS", server.host() + ":" + server.port())),
                true,
                line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());

      String metrics = http.get("/metrics").body();

      assertThat(metrics)
          .doesNotContain("aerobench_embedded_node")
          .contains("aerospike_client_node");
      http.close();
    }
  }
}
