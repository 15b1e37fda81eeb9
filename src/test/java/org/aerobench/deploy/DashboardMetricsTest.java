package org.aerobench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aerobench.app.AppStack;
import org.aerobench.app.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * Every metric deploy/grafana/aerobench.json queries exists in a real {@code /metrics} scrape of
 * the app (started in-process on the seeded embedded server, after a request per client and read
 * mode), with the labels its selectors filter on: a renamed metric cannot leave a panel empty.
 */
class DashboardMetricsTest {

  /** A metric selector in PromQL: a name right before its label matchers. */
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");

  private static final Pattern MATCHER =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!=|!~|=)");

  /** Labels Prometheus adds when it scrapes (kubernetes_sd relabelling), not the app. */
  private static final Set<String> SCRAPE_LABELS = Set.of("job", "pod", "instance", "namespace");

  @Test
  void every_queried_metric_and_label_is_in_a_real_scrape_of_the_app() throws Exception {
    JsonNode dashboard =
        new ObjectMapper().readTree(Path.of("deploy/grafana/aerobench.json").toFile());
    List<String> exprs = new ArrayList<>();
    dashboard
        .path("panels")
        .forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
    assertThat(exprs).hasSizeGreaterThanOrEqualTo(12);

    String scrape = scrapeAfterTraffic();
    Set<String> missing = new TreeSet<>();
    for (String expr : exprs) {
      Matcher m = SELECTOR.matcher(expr);
      assertThat(m.find()).as("no metric selector in " + expr).isTrue();
      do {
        String metric = m.group(1);
        List<String> samples =
            scrape
                .lines()
                .filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
                .toList();
        if (samples.isEmpty()) {
          missing.add(metric);
          continue;
        }
        Matcher label = MATCHER.matcher(m.group(2));
        while (label.find()) {
          String name = label.group(1);
          if (!SCRAPE_LABELS.contains(name)
              && samples.stream().noneMatch(s -> s.contains(name + "=\""))) {
            missing.add(metric + " label " + name);
          }
        }
      } while (m.find());
    }
    assertThat(missing).as("queried by the dashboard but absent from /metrics").isEmpty();
  }

  @Test
  void the_dashboard_has_the_reference_panels() throws Exception {
    JsonNode dashboard =
        new ObjectMapper().readTree(Path.of("deploy/grafana/aerobench.json").toFile());
    List<String> titles = new ArrayList<>();
    dashboard.path("panels").forEach(p -> titles.add(p.path("title").asText()));
    assertThat(String.join("\n", titles))
        .contains(
            "Predict p95",
            "Predict p99",
            "batch read p95, all sets",
            "per set",
            "Stage decomposition")
        .contains("by status", "In-flight and rejected", "found ratio", "connections", "Event-loop")
        .contains("JVM heap", "GC");
  }

  private static String scrapeAfterTraffic() throws Exception {
    try (AppStack stack =
        AppStack.start(ConfigLoader.defaults(Map.of()).withPort(0), false, line -> {})) {
      HttpClient http = HttpClient.newHttpClient();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (get(http, stack.url() + "/ready").statusCode() != 200
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      for (String client : List.of("sync", "async", "virtual")) {
        for (String mode : List.of("single", "gather")) {
          assertThat(
                  get(http, stack.url() + "/predict/" + client + "/sample?mode=" + mode)
                      .statusCode())
              .isEqualTo(200);
        }
      }
      return get(http, stack.url() + "/metrics").body();
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
