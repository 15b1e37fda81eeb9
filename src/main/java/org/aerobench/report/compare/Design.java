package org.aerobench.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.aerobench.client.Arm;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.run.RunConditions;
import org.aerobench.report.run.RunFolder;

/**
 * What the experiment was, as the run recorded it: the load model, the call order, every style's
 * limits, the batch policy, timeouts and retries, and where the database ran. Read from {@code
 * conditions.json} as a JSON tree (the simulation's own fields and the app's {@code GET /info}
 * under {@code app}), so fields added by newer simulations and apps are shown as recorded and a
 * field an older run lacks reads "not recorded": the page never states a condition nobody measured.
 */
final class Design {

  static final String NOT_RECORDED = "not recorded";

  /** Top-level fields a simulation may record the database's location in, most specific first. */
  private static final List<String> DATABASE_FIELDS =
      List.of("database", "databaseLocation", "database_location", "aerospikeLocation", "db");

  private static final Pattern TIMEOUT = Pattern.compile("(?i).*(timeout|retr|sleep).*");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The load model as the comparison needs it.
   *
   * @param kind "closed", "open", or null when not recorded
   * @param pause a closed model's pause after each call, or null when not recorded
   * @param description in words, for the page
   */
  record LoadModel(String kind, Duration pause, String description) {

    boolean closed() {
      return "closed".equals(kind);
    }
  }

  private final RunData run;
  private final JsonNode conditions;
  private final Map<String, String> parameters;

  Design(RunData run) {
    this.run = run;
    RunFolder files = new RunFolder(run.folder());
    this.conditions = tree(files.conditions());
    this.parameters = parameters(files.parameters());
  }

  /** Label to value, in display order; every label is present, its value maybe "not recorded". */
  Map<String, String> lines() {
    Map<String, String> lines = new LinkedHashMap<>();
    LoadModel load = loadModel();
    lines.put("load model", load.description());
    lines.put("call order", callOrder());
    lines.put("coordinated omission", coordinatedOmission(load));
    limits(lines);
    lines.put("batch policy", batchPolicy());
    lines.put("timeouts and retries", timeouts());
    lines.put("database", database());
    lines.put(
        "warm-up",
        present(conditions.path("warmup")) ? describe(conditions.path("warmup")) : NOT_RECORDED);
    return lines;
  }

  LoadModel loadModel() {
    boolean capacity = Files.exists(new RunFolder(run.folder()).capacity());
    JsonNode recorded = conditions.path("loadModel");
    String text = present(recorded) ? describe(recorded) : null;
    // The model's own field when there is one, else the words of the whole record.
    String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    for (String field : List.of("model", "kind", "type")) {
      if (recorded.path(field).isTextual()) {
        lower = recorded.path(field).asText().toLowerCase(Locale.ROOT);
        break;
      }
    }
    Duration pause = pause(recorded);
    String kind;
    if (capacity || lower.contains("open")) {
      kind = "open";
    } else if (lower.contains("closed")) {
      kind = "closed";
    } else {
      kind =
          run.conditions().map(c -> c.arrivalRatePerSecond() > 0 ? "open" : "closed").orElse(null);
    }
    String description;
    if (capacity) {
      description =
          "open model, one arrival process per capacity level, each client offered the level's"
              + " rate (see the capacity tables)";
    } else if (text != null) {
      description = text;
    } else if (run.conditions().isEmpty()) {
      description = NOT_RECORDED;
    } else {
      RunConditions c = run.conditions().get();
      description =
          c.arrivalRatePerSecond() > 0
              ? String.format(
                  Locale.ROOT,
                  "open model, %.1f requests/s over all clients",
                  c.arrivalRatePerSecond())
              : "closed model, "
                  + c.users()
                  + " users (peak), "
                  + (pause == null
                      ? "pause " + NOT_RECORDED
                      : "pause " + millis(pause) + " after each call");
    }
    return new LoadModel(kind, pause, description);
  }

  private String callOrder() {
    JsonNode order = conditions.path("callOrder");
    if (present(order)) {
      if (order.isObject() && order.has("policy")) {
        String text = order.get("policy").asText();
        if (order.has("seed") && !order.get("seed").isNull()) {
          text += ", seed " + order.get("seed").asText();
        }
        return text;
      }
      return describe(order);
    }
    // Before the order was recorded, PredictCalls called the clients as listed in every iteration.
    return run.conditions()
        .map(
            c ->
                NOT_RECORDED
                    + " (runs of that age called "
                    + String.join(" then ", c.clients())
                    + " in every iteration, the baseline first)")
        .orElse(NOT_RECORDED);
  }

  private static String coordinatedOmission(LoadModel load) {
    if (load.kind() == null) {
      return NOT_RECORDED;
    }
    if (!load.closed()) {
      return "open model: arrivals do not wait for responses, so the percentiles are not subject to"
          + " coordinated omission";
    }
    String subject =
        "closed model: a user sends its next request only after the response and its pause, so a"
            + " stall holds back the very requests that would have measured it; every percentile"
            + " here is subject to coordinated omission. ";
    if (load.pause() == null || load.pause().isZero()) {
      return subject
          + "No pause is recorded (or it is 0), so there is no expected interval to correct with:"
          + " the CO rows are left out.";
    }
    return subject
        + "Each mode's 'responses > pause' row counts the responses that held their user back by"
        + " more than its pause, 'omitted (estimate)' the requests one arrival every "
        + millis(load.pause())
        + " would have sent meanwhile, and the 'CO-corrected' rows add those back (HdrHistogram's"
        + " expected-interval correction of the client-times log; no rows without that log).";
  }

  private void limits(Map<String, String> lines) {
    JsonNode app = conditions.path("app");
    if (!present(app)) {
      lines.put("limits", NOT_RECORDED + " (the app did not report GET /info)");
      return;
    }
    JsonNode styles = app.path("client_styles");
    JsonNode admission = app.path("admission").path("per_style");
    List<String> names = new ArrayList<>();
    run.conditions()
        .ifPresent(c -> c.clients().stream().map(Arm::style).distinct().forEach(names::add));
    if (names.isEmpty()) {
      styles.properties().forEach(f -> names.add(f.getKey()));
    }
    for (String style : names) {
      List<String> parts = new ArrayList<>();
      if (present(styles.path(style))) {
        parts.add(describe(styles.path(style)));
      }
      if (present(admission.path(style))) {
        parts.add("admission " + describe(admission.path(style)));
      }
      lines.put("limits, " + style, parts.isEmpty() ? NOT_RECORDED : String.join("; ", parts));
    }
    List<String> shared = new ArrayList<>();
    app.path("admission")
        .properties()
        .forEach(
            f -> {
              if (!f.getKey().equals("per_style")) {
                shared.add(f.getKey() + " " + describe(f.getValue()));
              }
            });
    JsonNode perStyle = app.path("aerospike").path("client_per_style");
    if (present(perStyle)) {
      shared.add(
          perStyle.asBoolean()
              ? "one AerospikeClient per style"
              : "one AerospikeClient shared by every style");
    }
    lines.put("shared limits", shared.isEmpty() ? NOT_RECORDED : String.join(", ", shared));
  }

  private String batchPolicy() {
    List<String> found =
        find(conditions.path("app"), "", k -> k.toLowerCase(Locale.ROOT).contains("batch"));
    return found.isEmpty() ? NOT_RECORDED : String.join("; ", found);
  }

  private String timeouts() {
    List<String> found = find(conditions.path("app"), "", k -> TIMEOUT.matcher(k).matches());
    return found.isEmpty() ? NOT_RECORDED : String.join(", ", found);
  }

  private String database() {
    JsonNode recorded = conditions.path("database");
    if (recorded.path("where").isTextual()) {
      String where =
          switch (recorded.path("where").asText()) {
            case "own-jvm" -> "embedded, in its own JVM";
            case "app-jvm" ->
                "embedded, inside the app's JVM (an app GC pause pauses the database too)";
            case "external" -> "external";
            default -> recorded.path("where").asText();
          };
      String address = recorded.path("address").asText("");
      return where + (address.isEmpty() ? "" : " at " + address);
    }
    for (String field : DATABASE_FIELDS) {
      if (present(conditions.path(field))) {
        return describe(conditions.path(field));
      }
    }
    if (run.conditions().isEmpty()) {
      return NOT_RECORDED;
    }
    RunConditions c = run.conditions().get();
    if (c.embedded()) {
      return "embedded, in-memory; where it ran is "
          + NOT_RECORDED
          + " (until the simulations could start it in its own JVM it ran inside the app's JVM,"
          + " so an app GC pause paused the database too)";
    }
    JsonNode hosts = conditions.path("app").path("aerospike").path("seed_hosts");
    return "external"
        + c.aerospikeBuild().map(b -> ", build " + b).orElse("")
        + (present(hosts) ? ", seed hosts " + describe(hosts) : "");
  }

  /** Every field under {@code node} whose name {@code matches}, as "path value", depth first. */
  private static List<String> find(JsonNode node, String path, Predicate<String> matches) {
    List<String> found = new ArrayList<>();
    if (!node.isObject()) {
      return found;
    }
    node.properties()
        .forEach(
            f -> {
              String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
              if (matches.test(f.getKey())) {
                found.add(at + " " + describe(f.getValue()));
              } else {
                found.addAll(find(f.getValue(), at, matches));
              }
            });
    return found;
  }

  /** A recorded value in words: text as is, an object as "key value, key value". */
  static String describe(JsonNode node) {
    if (node.isObject()) {
      List<String> parts = new ArrayList<>();
      node.properties()
          .forEach(
              f ->
                  parts.add(
                      f.getKey()
                          + " "
                          + (f.getValue().isObject()
                              ? "(" + describe(f.getValue()) + ")"
                              : describe(f.getValue()))));
      return String.join(", ", parts);
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(describe(item)));
      return "[" + String.join(", ", items) + "]";
    }
    return node.asText();
  }

  /** A closed model's pause: from the recorded load model, else the run's parameters. */
  private Duration pause(JsonNode recorded) {
    if (recorded.isObject()) {
      for (var f : recorded.properties()) {
        if (f.getKey().toLowerCase(Locale.ROOT).contains("pause") && f.getValue().isValueNode()) {
          Duration pause =
              f.getValue().isNumber()
                  ? Duration.ofNanos(Math.round(f.getValue().asDouble() * 1e6))
                  : duration(f.getValue().asText());
          if (pause != null) {
            return pause;
          }
        }
      }
    }
    if (parameters.containsKey("pauseMs")) {
      return duration(parameters.get("pauseMs"));
    }
    return parameters.containsKey("pause") ? duration(parameters.get("pause")) : null;
  }

  /** "PT0.05S" or a number of milliseconds; null when neither. */
  private static Duration duration(String text) {
    try {
      return text.startsWith("PT")
          ? Duration.parse(text)
          : Duration.ofNanos(Math.round(Double.parseDouble(text) * 1e6));
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  static String millis(Duration d) {
    double ms = d.toNanos() / 1e6;
    return (ms == Math.rint(ms)
            ? String.format(Locale.ROOT, "%.0f", ms)
            : String.format(Locale.ROOT, "%.3f", ms).replaceAll("0+$", ""))
        + " ms";
  }

  private static boolean present(JsonNode node) {
    return !node.isMissingNode() && !node.isNull();
  }

  private static JsonNode tree(Path file) {
    if (!Files.isRegularFile(file)) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new ReportInputException(
          file + " is not valid run-conditions JSON: " + e.getMessage(), e);
    }
  }

  /** {@code parameters.txt}: {@code name=value} a line, {@code #} comments. */
  private static Map<String, String> parameters(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return values;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
      }
    } catch (IOException e) {
      throw new ReportInputException(file + " cannot be read: " + e.getMessage(), e);
    }
    return values;
  }
}
