package org.aerobench.simulations.support;

import static io.gatling.javaapi.core.CoreDsl.details;

import io.gatling.javaapi.core.Assertion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.gate.GateConfig;

/**
 * The service-level objectives of {@code conf/gate.properties} (or {@code -Dassertions=<file>} in
 * the same format), turned into Gatling assertions so that {@code mvn gatling:test} fails when one
 * is missed. The run and the CI gate ({@code aerobench gate}) read the same file through {@link
 * GateConfig}, so their thresholds cannot drift apart.
 *
 * <p>Keys used here, with the gate's meaning: {@code slo.<client>.p<NN>} (Gatling's response time
 * percentile, ms, at most the limit) for the labels {@code slo.modes} names; {@code
 * errors.max.percent} (failed requests per request name, at most); {@code ignore.modes} (labels
 * never asserted); {@code unknown.clients}. A label is the first word of a request name ({@code
 * "single async"}). The gate's relative and regression rules compare clients or runs, which
 * Gatling's assertions cannot express, and {@code source=server} is the gate's alone: Gatling
 * asserts on what the client saw. The warm-up is never asserted.
 */
public final class SloAssertions {

  /** The default thresholds, relative to the project folder (where Maven runs Gatling). */
  public static final Path DEFAULT_FILE = Path.of("conf", "gate.properties");

  private final GateConfig config;

  private SloAssertions(GateConfig config) {
    this.config = config;
  }

  /**
   * The thresholds of {@code -Dassertions} when given, else those of {@link #DEFAULT_FILE}.
   *
   * @throws BadParameterException naming the file when it is missing or not a valid gate file
   */
  public static SloAssertions load(Parameters params) {
    boolean given = params.assertions() != null;
    Path file = given ? params.assertions() : DEFAULT_FILE;
    String origin = given ? "-Dassertions=" + file : "default thresholds " + file;
    if (!Files.isRegularFile(file)) {
      throw new BadParameterException(
          List.of(
              origin
                  + ": no such file (relative paths start at "
                  + Path.of("").toAbsolutePath()
                  + "); run from the project folder or pass -Dassertions=<file in the format of"
                  + " conf/gate.properties>"));
    }
    try {
      SloAssertions slo = new SloAssertions(GateConfig.read(file));
      System.out.println("aerobench: SLO assertions from " + file);
      return slo;
    } catch (ReportInputException e) {
      throw new BadParameterException(List.of(origin + ": " + e.getMessage() + oldFormatHint(e)));
    }
  }

  /** Thresholds from an already read gate file. */
  public static SloAssertions of(GateConfig config) {
    return new SloAssertions(config);
  }

  // Before the thresholds moved to conf/gate.properties, -Dassertions took a file of its own.
  private static String oldFormatHint(ReportInputException e) {
    return e.getMessage().contains("unknown key")
        ? " (-Dassertions takes the format of conf/gate.properties: the former failedPercent=N is"
            + " errors.max.percent=N, <client>.p<NN>=N is slo.<client>.p<NN>=N)"
        : "";
  }

  /** The file the thresholds came from. */
  public Path file() {
    return config.file();
  }

  /**
   * The capacity study's break rules: each client's p95 SLO and the error limit of this file.
   *
   * @throws BadParameterException naming a client whose style has no {@code slo.<style>.p95} line
   */
  public org.aerobench.report.capacity.BreakRules breakRules(List<String> clients) {
    Map<String, Double> p95 = new java.util.LinkedHashMap<>();
    List<String> missing = new java.util.ArrayList<>();
    for (String client : clients) {
      String style = org.aerobench.report.capacity.BreakRules.style(client);
      Double limit = config.slos().getOrDefault(style, Map.of()).get(95.0);
      if (limit == null) {
        missing.add(
            config.file()
                + ": client '"
                + client
                + "' has no slo."
                + style
                + ".p95 line; the capacity study breaks a level on the p95 SLO, e.g. slo."
                + style
                + ".p95=300");
      } else {
        p95.put(style, limit);
      }
    }
    if (!missing.isEmpty()) {
      throw new BadParameterException(missing);
    }
    return org.aerobench.report.capacity.BreakRules.of(
        p95, config.maxErrorPercent() == null ? 100 : config.maxErrorPercent());
  }

  /** Response-time limits (percentile to ms) of one request; empty when none applies. */
  public Map<Double, Double> latencyLimits(String label, String client) {
    if (config.ignoredModes().contains(label) || !config.sloAppliesTo(label)) {
      return Map.of();
    }
    // An A/A arm (sync#2) is held to its style's SLO lines.
    return config.slos().getOrDefault(org.aerobench.client.Arm.style(client), Map.of());
  }

  /** The failed-request limit (%) of one request name; {@code null} when none applies. */
  public Double maxErrorPercent(String label) {
    return config.ignoredModes().contains(label) ? null : config.maxErrorPercent();
  }

  /**
   * Assertions for every request {@code "<label> <client>"} of the simulation.
   *
   * @throws BadParameterException when a client has no {@code slo.<client>.*} line for a label the
   *     SLOs apply to and the file says {@code unknown.clients=error} (as the gate would, later)
   */
  public List<Assertion> forRequests(List<String> labels, List<String> clients) {
    List<String> problems = new ArrayList<>();
    List<Assertion> assertions = new ArrayList<>();
    for (String label : labels) {
      for (String client : clients) {
        if (missesSlo(label, client)) {
          problems.add(
              file()
                  + ": no slo."
                  + client
                  + ".* line for request '"
                  + PredictCalls.requestName(label, client)
                  + "'; add slo."
                  + client
                  + ".p95=<ms>, or set unknown.clients=ignore");
        }
        assertions.addAll(forRequest(label, client));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadParameterException(problems);
    }
    return assertions;
  }

  private boolean missesSlo(String label, String client) {
    return !config.ignoredModes().contains(label)
        && config.sloAppliesTo(label)
        && !config.slos().containsKey(org.aerobench.client.Arm.style(client))
        && config.unknownClients().equals("error");
  }

  // "At most" (lte), as the gate: a measure equal to the limit passes in both.
  private List<Assertion> forRequest(String label, String client) {
    String name = PredictCalls.requestName(label, client);
    List<Assertion> assertions = new ArrayList<>();
    for (var slo : latencyLimits(label, client).entrySet()) {
      assertions.add(
          details(name).responseTime().percentile(slo.getKey()).lte(wholeMs(slo.getValue())));
    }
    Double maxError = maxErrorPercent(label);
    if (maxError != null) {
      assertions.add(details(name).failedRequests().percent().lte(maxError));
    }
    return assertions;
  }

  /**
   * Gatling types response-time targets as whole ms and measures whole ms, so "measured <= 0.5" is
   * exactly "measured <= 0": rounding down loses nothing. (Rounding down with {@code lt}, as
   * before, turned "< 0.5" into "< 0", which no run can meet.)
   */
  static int wholeMs(double limit) {
    return (int) Math.floor(limit);
  }
}
