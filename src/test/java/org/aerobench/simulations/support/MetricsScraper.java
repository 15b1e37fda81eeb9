package org.aerobench.simulations.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;

/** Reads the app's Prometheus {@code /metrics} text. */
public final class MetricsScraper {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI metrics;

  public MetricsScraper(String baseUrl) {
    this.metrics = URI.create(baseUrl + "/metrics");
  }

  /**
   * The exposition text.
   *
   * @throws IOException when the app does not answer 200 within 10 s
   */
  public String scrape() throws IOException {
    return get(metrics);
  }

  /**
   * Another GET of the same app, e.g. {@code /info}.
   *
   * @throws IOException when the app does not answer 200 within 10 s
   */
  public String fetch(String path) throws IOException {
    return get(metrics.resolve(path));
  }

  private String get(URI uri) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(uri + " answered HTTP " + response.statusCode());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + uri, e);
    }
  }

  /** Scrapes into a file; returns the text. */
  public String scrapeTo(Path file) throws IOException {
    String text = scrape();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return text;
  }

  /** {@code process_cpu_seconds_total} of an exposition (the JVM's CPU time), if present. */
  public static OptionalDouble processCpuSeconds(String exposition) {
    for (String line : exposition.split("\n")) {
      if (line.startsWith("process_cpu_seconds_total ")
          || line.startsWith("process_cpu_seconds_total{")) {
        String value = line.substring(line.lastIndexOf(' ') + 1).trim();
        try {
          return OptionalDouble.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
          return OptionalDouble.empty();
        }
      }
    }
    return OptionalDouble.empty();
  }
}
