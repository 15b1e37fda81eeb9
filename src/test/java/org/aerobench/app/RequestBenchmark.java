package org.aerobench.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aerobench.app.config.AppConfig;
import org.aerobench.app.config.ConfigLoader;

/**
 * One predict request end to end, per client style, inference on and off: N sequential requests
 * over real HTTP (one keep-alive connection) against the app started in-process with the seeded
 * embedded server. Prints p50/p99 of the client-side time and of the server's own total_ms. Not a
 * test; run it with
 *
 * <pre>
 * bin/mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
 *     -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     [-Dbench.requests=300] [-Dbench.warmup=200] [-Dbench.mode=single] [-Dbench.latencyMs=0] \
 *     org.aerobench.app.RequestBenchmark
 * </pre>
 *
 * <p>Sequential requests measure latency, not capacity (Gatling does that). Client, app and server
 * share the JVM and the cores, so compare rows with each other, not with a real cluster.
 */
public final class RequestBenchmark {

  private static final int REQUESTS = Integer.getInteger("bench.requests", 300);
  private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
  private static final String MODE = System.getProperty("bench.mode", "single");
  private static final int LATENCY_MS = Integer.getInteger("bench.latencyMs", 0);
  private static final Pattern TOTAL_MS = Pattern.compile("\"total_ms\":([0-9.]+)");

  private RequestBenchmark() {}

  public static void main(String[] args) throws Exception {
    AppConfig config =
        ConfigLoader.defaults(Map.of())
            .withPort(0)
            .withEmbedded(new AppConfig.Embedded(true, 0, LATENCY_MS, 0, 0));
    try (AppStack stack = AppStack.start(config, false, line -> {});
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      awaitReady(client, stack.url()); // the model's JIT warm-up runs in the background
      System.out.printf(
          "RequestBenchmark: %d sequential requests after %d warm-up, mode=%s, embedded latency"
              + " %d ms, %d cores, %s%n",
          REQUESTS,
          WARMUP,
          MODE,
          LATENCY_MS,
          Runtime.getRuntime().availableProcessors(),
          Runtime.version());
      System.out.printf(
          "%-8s %-9s %12s %12s %14s %14s%n",
          "style", "inference", "http p50 ms", "http p99 ms", "server p50 ms", "server p99 ms");
      for (boolean inference : List.of(true, false)) {
        for (String style : List.of("sync", "async", "virtual")) {
          URI uri =
              URI.create(
                  stack.url()
                      + "/predict/"
                      + style
                      + "/sample?mode="
                      + MODE
                      + "&skip_inference="
                      + !inference);
          HttpRequest request =
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
          for (int i = 0; i < WARMUP; i++) {
            send(client, request);
          }
          double[] httpMs = new double[REQUESTS];
          double[] serverMs = new double[REQUESTS];
          for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            String body = send(client, request);
            httpMs[i] = (System.nanoTime() - start) / 1e6;
            Matcher m = TOTAL_MS.matcher(body);
            if (!m.find()) {
              throw new IllegalStateException("no total_ms in " + body);
            }
            serverMs[i] = Double.parseDouble(m.group(1));
          }
          System.out.printf(
              "%-8s %-9s %12.3f %12.3f %14.3f %14.3f%n",
              style,
              inference ? "on" : "off",
              percentile(httpMs, 50),
              percentile(httpMs, 99),
              percentile(serverMs, 50),
              percentile(serverMs, 99));
        }
      }
    }
  }

  private static void awaitReady(HttpClient client, String url) throws Exception {
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/ready")).GET().build();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (client.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("app not ready within 60 s");
      }
      Thread.sleep(100);
    }
  }

  private static String send(HttpClient client, HttpRequest request) throws Exception {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** Nearest-rank percentile. */
  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
