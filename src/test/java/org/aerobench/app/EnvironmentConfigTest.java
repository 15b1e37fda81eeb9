package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aerobench.app.config.AppConfig;
import org.junit.jupiter.api.Test;

/**
 * Environment overrides reach the running app: here Netty epoll event loops for the async style.
 */
class EnvironmentConfigTest {

  @Test
  void async_style_serves_on_netty_epoll_loops_chosen_by_environment_variable() {
    AppConfig config =
        TestConfigs.quick(
            Map.of(
                "AEROBENCH_AEROSPIKE_EVENT_LOOP_KIND", "netty_epoll",
                "AEROBENCH_AEROSPIKE_EVENT_LOOP_COUNT", "1"));
    try (AppStack stack = AppStack.start(config, false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());

      HttpProbe.Reply reply = http.get("/predict/async/sample?mode=merge_gather");

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json().get("predictions")).hasSize(200);
      assertThat(http.get("/metrics").body())
          .contains(
              "aerospike_client_event_loop_commands{client=\"async\",event_loop=\"0\",state=\"queued\"}")
          .doesNotContain("event_loop=\"1\"");
      http.close();
    }
  }
}
