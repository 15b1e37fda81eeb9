package org.aerobench.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latency under overload (issue 13): {@code bench.clients} concurrent loopback clients (default
 * 500), each calling {@code GET /predict/<style>/sample} in a loop for {@code bench.seconds}
 * (default 20) against {@code bin/aerobench serve}, started here as its own process (so its default
 * heap applies), or against {@code -Dbench.baseUrl}. Prints per status the count and the
 * client-side p50/p99/max, how many 200s the server timed past its deadline, and the app's peak
 * RSS. Not a test; the figures go in the README. Run it on a quiet machine:
 *
 * <pre>
 * bin/bench org.aerobench.app.OverloadBenchmark [-Dbench.clients=500] [-Dbench.seconds=20]
 * </pre>
 *
 * (JVM properties through {@code BENCH_JAVA_OPTS}, e.g. {@code BENCH_JAVA_OPTS=-Dbench.seconds=2}
 * for a smoke run.)
 */
public final class OverloadBenchmark {

  private static final int CLIENTS = Integer.getInteger("bench.clients", 500);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final String BASE_URL = System.getProperty("bench.baseUrl");
  private static final int DEADLINE_MS = Integer.getInteger("bench.deadlineMs", 1000);
  private static final Pattern TOTAL_MS = Pattern.compile("\"total_ms\":([0-9.]+)");
  private static final List<String> STYLES = List.of("sync", "async", "virtual");

  private OverloadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Process app = null;
    String url = BASE_URL;
    if (url == null) {
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      Path log = Files.createTempFile("overload-serve", ".log");
      app =
          new ProcessBuilder("bin/aerobench", "serve", "--port", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      url = "http://127.0.0.1:" + port;
      System.out.println("serve pid " + app.pid() + ", log " + log);
    }
    try (HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      awaitReady(http, url, Duration.ofSeconds(120));
      run(http, url, app);
    } finally {
      if (app != null) {
        app.destroy();
        app.waitFor();
      }
    }
  }

  private static void run(HttpClient http, String url, Process app) throws Exception {
    Map<Integer, Histogram> byStatus = new ConcurrentHashMap<>();
    AtomicLong pastDeadline = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long end = System.nanoTime() + SECONDS * 1_000_000_000L;
    long peakRssKb = 0;
    try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int u = 0; u < CLIENTS; u++) {
        String path = url + "/predict/" + STYLES.get(u % STYLES.size()) + "/sample";
        users.submit(
            () -> {
              HttpRequest request =
                  HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(30)).build();
              while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                try {
                  HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                  long micros = (System.nanoTime() - t0) / 1_000;
                  byStatus
                      .computeIfAbsent(r.statusCode(), s -> new ConcurrentHistogram(3))
                      .recordValue(micros);
                  Matcher m = TOTAL_MS.matcher(r.body());
                  if (r.statusCode() == 200
                      && m.find()
                      && Double.parseDouble(m.group(1)) > DEADLINE_MS) {
                    pastDeadline.incrementAndGet();
                  }
                } catch (IOException e) {
                  failures.incrementAndGet();
                }
              }
              return null;
            });
      }
      while (System.nanoTime() < end) {
        Thread.sleep(250);
        peakRssKb = Math.max(peakRssKb, app == null ? 0 : rssKb(app.pid()));
      }
    }
    System.out.printf(
        "%d clients x %d s against %s (deadline %d ms)%n", CLIENTS, SECONDS, url, DEADLINE_MS);
    System.out.println("| status | replies | p50 ms | p99 ms | max ms |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (var e : new TreeMap<>(byStatus).entrySet()) {
      Histogram h = e.getValue();
      System.out.printf(
          "| %d | %d | %.1f | %.1f | %.1f |%n",
          e.getKey(),
          h.getTotalCount(),
          h.getValueAtPercentile(50) / 1e3,
          h.getValueAtPercentile(99) / 1e3,
          h.getMaxValue() / 1e3);
    }
    System.out.println("200s with server total_ms past the deadline: " + pastDeadline.get());
    System.out.println("connection failures: " + failures.get());
    if (app != null) {
      System.out.printf("app peak RSS: %.0f MB%n", peakRssKb / 1024.0);
    }
  }

  private static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process ended: no figure
    }
    return 0;
  }

  private static void awaitReady(HttpClient http, String url, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url + "/ready")).timeout(Duration.ofSeconds(5)).build();
    List<String> last = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        last.add(e.toString());
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(url + "/ready not 200 within " + timeout + ": " + last);
  }
}
