package org.aerobench.report.gate;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aerobench.report.ReportInputException;

/**
 * The gate's thresholds, read from a properties file (see {@code conf/gate.properties} for the
 * documented defaults).
 *
 * @param slos client to percentile to limit in ms ({@code slo.<client>.p<NN>})
 * @param maxErrorPercent per request name ({@code errors.max.percent})
 * @param relatives {@code relative.<challenger>.p<NN>.max.ratio.vs.<base>}
 * @param maxP95RegressionPercent vs a baseline run, null = rule off
 * @param maxThroughputDropPercent vs a baseline run, null = rule off
 * @param regressionNeedsNoise count a p95 regression only when the bootstrap says beyond noise
 * @param relativeNeedsNoise count a relative rule only when the server times confirm the challenger
 *     is slower than the base beyond noise
 * @param source "gatling" (client side, whole ms) or "server" (total_ms from server times)
 * @param sloModes modes the absolute SLOs apply to, a trailing {@code *} matching a prefix; empty =
 *     every mode ({@code slo.modes=*})
 * @param ignoredModes modes no rule applies to (e.g. warmup)
 * @param unknownClients "error" or "ignore": what to do with a request whose client has no SLO
 * @param regressionRelativeTo the control arm ({@code regression.relative.to}): other arms'
 *     regressions are measured relative to it in the same run (ratio of ratios); null = absolute
 */
public record GateConfig(
    Map<String, Map<Double, Double>> slos,
    Double maxErrorPercent,
    List<Relative> relatives,
    Double maxP95RegressionPercent,
    Double maxThroughputDropPercent,
    boolean regressionNeedsNoise,
    boolean relativeNeedsNoise,
    String source,
    Set<String> sloModes,
    Set<String> ignoredModes,
    String unknownClients,
    String regressionRelativeTo,
    Path file) {

  /** "challenger pNN no worse than ratio × base pNN", within each mode. */
  public record Relative(String challenger, double percentile, double ratio, String base) {}

  private static final Pattern SLO = Pattern.compile("slo\\.([^.]+)\\.p(\\d+(?:\\.\\d+)?)");
  private static final Pattern RELATIVE =
      Pattern.compile("relative\\.([^.]+)\\.p(\\d+(?:\\.\\d+)?)\\.max\\.ratio\\.vs\\.([^.]+)");
  private static final String FORMS =
      "slo.<client>.p<NN>, errors.max.percent, relative.<client>.p<NN>.max.ratio.vs.<client>,"
          + " regression.p95.max.percent, regression.throughput.max.drop.percent,"
          + " regression.require.beyond.noise, regression.relative.to, relative.require.beyond.noise, source, slo.modes, ignore.modes, unknown.clients";

  /**
   * Reads a gate file.
   *
   * @throws ReportInputException naming the file and key on a missing file, unknown key or value
   *     that is not a number / allowed word
   */
  public static GateConfig read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ReportInputException(
          file + " is missing: expected the gate's thresholds (see conf/gate.properties)");
    }
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new ReportInputException(file + " is not a properties file: " + e.getMessage(), e);
    }
    Map<String, Map<Double, Double>> slos = new LinkedHashMap<>();
    List<Relative> relatives = new ArrayList<>();
    Double maxError = null;
    Double regression = null;
    Double throughputDrop = null;
    boolean needsNoise = true;
    boolean relativeNoise = true;
    String source = "gatling";
    Set<String> ignored = new LinkedHashSet<>();
    Set<String> sloModes = new LinkedHashSet<>();
    String unknown = "error";
    String relativeTo = null;
    for (String key : new TreeSet<>(props.stringPropertyNames())) {
      String value = props.getProperty(key).trim();
      Matcher slo = SLO.matcher(key);
      Matcher relative = RELATIVE.matcher(key);
      if (slo.matches()) {
        slos.computeIfAbsent(slo.group(1), c -> new LinkedHashMap<>())
            .put(Double.parseDouble(slo.group(2)), positive(file, key, value));
      } else if (relative.matches()) {
        relatives.add(
            new Relative(
                relative.group(1),
                Double.parseDouble(relative.group(2)),
                positive(file, key, value),
                relative.group(3)));
      } else {
        switch (key) {
          case "errors.max.percent" -> maxError = nonNegative(file, key, value);
          case "regression.p95.max.percent" -> regression = nonNegative(file, key, value);
          case "regression.throughput.max.drop.percent" ->
              throughputDrop = nonNegative(file, key, value);
          case "regression.require.beyond.noise" ->
              needsNoise = Boolean.parseBoolean(oneOf(file, key, value, "true", "false"));
          case "relative.require.beyond.noise" ->
              relativeNoise = Boolean.parseBoolean(oneOf(file, key, value, "true", "false"));
          case "source" -> source = oneOf(file, key, value, "gatling", "server");
          case "ignore.modes" -> ignored.addAll(list(value));
          case "slo.modes" -> {
            if (!value.equals("*")) {
              sloModes.addAll(list(value));
            }
          }
          case "unknown.clients" -> unknown = oneOf(file, key, value, "error", "ignore");
          case "regression.relative.to" -> relativeTo = arm(file, key, value);
          default ->
              throw new ReportInputException(
                  file + ": unknown key '" + key + "'; expected one of " + FORMS);
        }
      }
    }
    return new GateConfig(
        slos,
        maxError,
        relatives,
        regression,
        throughputDrop,
        needsNoise,
        relativeNoise,
        source,
        sloModes,
        ignored,
        unknown,
        relativeTo,
        file);
  }

  private static String arm(Path file, String key, String value) {
    try {
      return org.aerobench.client.Arm.parse(value, org.aerobench.client.ClientStyles.names())
          .name();
    } catch (IllegalArgumentException e) {
      throw new ReportInputException(file + ": " + key + "=" + value + ": " + e.getMessage(), e);
    }
  }

  private static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }

  /**
   * True when the absolute SLOs apply to requests of {@code mode}: every mode when {@code
   * slo.modes=*}, else the modes listed, where a trailing {@code *} matches a prefix ({@code
   * lookup*} is {@code lookup} and LookupOnly's {@code lookup_<read mode>}).
   */
  public boolean sloAppliesTo(String mode) {
    return sloModes.isEmpty()
        || sloModes.stream()
            .anyMatch(
                m ->
                    m.endsWith("*")
                        ? mode.startsWith(m.substring(0, m.length() - 1))
                        : m.equals(mode));
  }

  private static double positive(Path file, String key, String value) {
    double v = number(file, key, value);
    if (v <= 0) {
      throw new ReportInputException(
          file + ": " + key + "=" + value + " must be a positive number");
    }
    return v;
  }

  private static double nonNegative(Path file, String key, String value) {
    double v = number(file, key, value);
    if (v < 0) {
      throw new ReportInputException(file + ": " + key + "=" + value + " must be 0 or more");
    }
    return v;
  }

  private static double number(Path file, String key, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new ReportInputException(
          file + ": " + key + "=" + value + " is not a number (e.g. " + key + "=300)");
    }
  }

  private static String oneOf(Path file, String key, String value, String... allowed) {
    for (String a : allowed) {
      if (a.equals(value)) {
        return value;
      }
    }
    throw new ReportInputException(
        file + ": " + key + "=" + value + " is not one of " + String.join(", ", allowed));
  }
}
