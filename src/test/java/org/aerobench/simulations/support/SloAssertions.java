package org.aerobench.simulations.support;

import static io.gatling.javaapi.core.CoreDsl.details;

import io.gatling.javaapi.core.Assertion;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Service-level objectives per request name, read from a properties file (the bundled {@code
 * assertions.properties}, or {@code -Dassertions=<file>}) and turned into Gatling assertions so
 * that {@code mvn gatling:test} fails when one is missed.
 *
 * <p>Keys are {@code [<label>.][<client>.]<metric> = <limit>}; the most specific key wins. Metrics:
 * {@code p50 p75 p90 p95 p99 max} (response time in ms, must stay below the limit) and {@code
 * failedPercent} (failed requests in %, must stay below). The warm-up is never asserted.
 */
public final class SloAssertions {

  /** The bundled file, on the test classpath. */
  public static final String RESOURCE = "/assertions.properties";

  private static final Set<String> METRICS =
      Set.of("p50", "p75", "p90", "p95", "p99", "max", "failedPercent");

  private final Map<String, Double> limits;
  private final String source;

  private SloAssertions(Map<String, Double> limits, String source) {
    this.limits = limits;
    this.source = source;
  }

  /** The thresholds of {@code -Dassertions} when given, else the bundled ones. */
  public static SloAssertions load(Parameters params) {
    if (params.assertions() != null) {
      try (Reader in = Files.newBufferedReader(params.assertions(), StandardCharsets.UTF_8)) {
        return parse(in, params.assertions().toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    try (InputStream in = SloAssertions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the test classpath");
      }
      return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses thresholds.
   *
   * @throws BadParameterException naming the file and every bad key or value
   */
  public static SloAssertions parse(Reader in, String source) throws IOException {
    Properties props = new Properties();
    props.load(in);
    Map<String, Double> limits = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String key : props.stringPropertyNames()) {
      String metric = key.substring(key.lastIndexOf('.') + 1);
      String value = props.getProperty(key).trim();
      if (!METRICS.contains(metric)) {
        problems.add(
            source
                + ": key '"
                + key
                + "' does not end with a known metric; allowed: "
                + String.join(", ", METRICS.stream().sorted().toList()));
        continue;
      }
      try {
        double limit = Double.parseDouble(value);
        if (limit <= 0) {
          throw new NumberFormatException();
        }
        limits.put(key, limit);
      } catch (NumberFormatException e) {
        problems.add(source + ": " + key + "=" + value + " must be a number > 0");
      }
    }
    if (!problems.isEmpty()) {
      throw new BadParameterException(problems);
    }
    return new SloAssertions(limits, source);
  }

  /** Where the thresholds came from, for the run's output. */
  public String source() {
    return source;
  }

  /**
   * The limit for one request and metric: {@code label.client.metric}, else {@code client.metric},
   * else {@code metric}; {@code null} when none applies.
   */
  public Double limit(String label, String client, String metric) {
    for (String key : List.of(label + "." + client + "." + metric, client + "." + metric, metric)) {
      if (limits.containsKey(key)) {
        return limits.get(key);
      }
    }
    return null;
  }

  /** Assertions for every request {@code "<label> <client>"} of the simulation. */
  public List<Assertion> forRequests(List<String> labels, List<String> clients) {
    List<Assertion> assertions = new ArrayList<>();
    for (String label : labels) {
      for (String client : clients) {
        assertions.addAll(forRequest(label, client));
      }
    }
    return assertions;
  }

  private List<Assertion> forRequest(String label, String client) {
    String name = PredictCalls.requestName(label, client);
    List<Assertion> assertions = new ArrayList<>();
    for (String metric : List.of("p50", "p75", "p90", "p95", "p99")) {
      Double limit = limit(label, client, metric);
      if (limit != null) {
        double percentile = Double.parseDouble(metric.substring(1));
        assertions.add(details(name).responseTime().percentile(percentile).lt(limit.intValue()));
      }
    }
    Double max = limit(label, client, "max");
    if (max != null) {
      assertions.add(details(name).responseTime().max().lt(max.intValue()));
    }
    Double failed = limit(label, client, "failedPercent");
    if (failed != null) {
      assertions.add(details(name).failedRequests().percent().lt(failed));
    }
    return assertions;
  }
}
