package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.aerobench.app.config.AppConfig;
import org.aerobench.data.Seeder;
import org.aerobench.embedded.EmbeddedAerospike;
import org.junit.jupiter.api.Test;

/** Aerospike goes away and comes back on the same port: 503s, /ready 503, then recovery. */
class AerospikeOutageTest {

  private static final List<String> STYLES = List.of("sync", "async", "virtual");

  @Test
  void outage_answers_503_within_the_timeout_and_the_app_recovers_when_the_server_returns()
      throws InterruptedException {
    AppConfig config = TestConfigs.quick();
    int totalTimeoutMs = config.aerospike().totalTimeoutMs();
    try (AppStack stack = AppStack.start(config, false, line -> {})) {
      HttpProbe http = new HttpProbe(stack.url());
      int aerospikePort = stack.embedded().port();
      for (String style : STYLES) {
        assertThat(http.get("/predict/" + style + "/sample").status()).isEqualTo(200);
      }

      stack.embedded().close();

      for (String style : STYLES) {
        HttpProbe.Reply reply = http.get("/predict/" + style + "/sample?mode=gather");
        assertThat(reply.status()).as("%s: %s", style, reply.body()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.json().get("error").asText()).isEqualTo("aerospike unavailable");
        assertThat(reply.json().get("cause").asText()).isNotBlank();
        // Generous margin over the configured total timeout: a 2-core machine runs other builds.
        assertThat(reply.elapsedMs()).isLessThan(totalTimeoutMs + 2_000.0);
      }
      assertThat(http.get("/metrics").body())
          .containsPattern(
              "predict_requests_total\\{client_type=\"async\",status=\"error\"} [1-9]");
      HttpProbe.Reply notReady = poll(http, "/ready", r -> r.status() == 503);
      assertThat(notReady.json().get("reason").asText())
          .containsAnyOf("aerospike cluster not connected", "aerospike reads failing");
      assertThat(http.get("/health").status()).isEqualTo(200);

      try (EmbeddedAerospike again =
          EmbeddedAerospike.start(AppStack.embeddedConfig(config).withPort(aerospikePort))) {
        assertThat(again.port()).isEqualTo(aerospikePort);
        poll(http, "/ready", r -> r.status() == 200);
        stack.backend().seed(new Seeder());
        for (String style : STYLES) {
          HttpProbe.Reply back =
              poll(http, "/predict/" + style + "/sample", r -> r.status() == 200);
          assertThat(back.json().get("records_found").asInt()).isPositive();
        }
      }
      http.close();
    }
  }

  /** GETs until the predicate holds, at most 30 s. */
  private static HttpProbe.Reply poll(HttpProbe http, String path, Predicate<HttpProbe.Reply> ok)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpProbe.Reply last;
    do {
      last = http.get(path);
      if (ok.test(last)) {
        return last;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("GET " + path + " never matched within 30 s; last: " + last.body());
  }
}
