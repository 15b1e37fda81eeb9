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
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.aerobench.client.Arm;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.run.RunConditions;
import org.aerobench.report.run.RunFolder;

/**
 * What the experiment was, as the run recorded it: the load model, the call order, every style's
 * limits, the batch policy, timeouts and retries, and where the database ran. The simulation's own
 * fields are read from {@link RunConditions} ({@code loadModel}, {@code callOrder}, {@code warmup},
 * {@code database}); the limits, batch policy and timeouts from the app's {@code GET /info} under
 * {@code app}, shown as the app reported them, so a key added by a newer app is shown too. A field
 * an older run lacks reads "not recorded": the page never states a condition nobody measured.
 */
final class Design {

  static final String NOT_RECORDED = "not recorded";

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
  private final Optional<RunConditions> conditions;
  private final JsonNode app;
  private final Map<String, String> parameters;

  Design(RunData run) {
    this.run = run;
    this.conditions = run.conditions();
    this.app =
        conditions
            .map(RunConditions::app)
            .<JsonNode>map(JSON::valueToTree)
            .orElse(MissingNode.getInstance());
    this.parameters = parameters(new RunFolder(run.folder()).parameters());
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
    lines.put("warm-up", warmup());
    return lines;
  }

  LoadModel loadModel() {
    if (conditions.isEmpty()) {
      return new LoadModel(null, null, NOT_RECORDED);
    }
    RunConditions c = conditions.get();
    RunConditions.LoadModel recorded = c.loadModel();
    if (recorded == null) {
      return derivedLoadModel(c);
    }
    return switch (recorded.kind()) {
      case "closed" -> {
        Duration pause = Duration.ofMillis(recorded.pauseMs());
        yield new LoadModel(
            "closed",
            pause,
            "closed model, "
                + recorded.users()
                + " users, each calling every client in turn; pause after each call "
                + millis(pause)
                + " ("
                + recorded.pauseDistribution()
                + ")");
      }
      case "open" ->
          new LoadModel(
              "open",
              null,
              String.format(
                  Locale.ROOT,
                  "open model, %.1f requests/s over all clients, each client its own arrival"
                      + " process",
                  recorded.ratePerSecond()));
      case "open-levels" ->
          new LoadModel(
              "open",
              null,
              "open model, one arrival process per capacity level, each client offered the level's"
                  + " rate (see the capacity tables)");
      default -> new LoadModel(null, null, "recorded as '" + recorded.kind() + "'");
    };
  }

  /**
   * Runs written before the load model was recorded: a rate means open, else closed with the pause
   * of parameters.txt; a capacity file means the capacity study's levels.
   */
  private LoadModel derivedLoadModel(RunConditions c) {
    if (Files.exists(new RunFolder(run.folder()).capacity())) {
      return new LoadModel(
          "open",
          null,
          "open model, one arrival process per capacity level (see the capacity tables)");
    }
    if (c.arrivalRatePerSecond() > 0) {
      return new LoadModel(
          "open",
          null,
          String.format(
              Locale.ROOT,
              "open model, %.1f requests/s over all clients",
              c.arrivalRatePerSecond()));
    }
    Duration pause = parameters.containsKey("pause") ? duration(parameters.get("pause")) : null;
    return new LoadModel(
        "closed",
        pause,
        "closed model, "
            + c.users()
            + " users (peak), "
            + (pause == null
                ? "pause " + NOT_RECORDED
                : "pause " + millis(pause) + " after each call"));
  }

  private String callOrder() {
    if (conditions.isEmpty()) {
      return NOT_RECORDED;
    }
    RunConditions c = conditions.get();
    if (c.callOrder() != null) {
      return c.callOrder().policy() + ", seed " + c.callOrder().seed();
    }
    // Before the order was recorded, PredictCalls called the clients as listed in every iteration.
    return NOT_RECORDED
        + " (runs of that age called "
        + String.join(" then ", c.clients())
        + " in every iteration, the baseline first)";
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
    if (!present(app)) {
      lines.put("limits", NOT_RECORDED + " (the app did not report GET /info)");
      return;
    }
    JsonNode styles = app.path("client_styles");
    JsonNode admission = app.path("admission").path("per_style");
    List<String> names = new ArrayList<>();
    conditions.ifPresent(c -> c.clients().stream().map(Arm::style).distinct().forEach(names::add));
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
    List<String> found = find(app, "", k -> k.toLowerCase(Locale.ROOT).contains("batch"));
    return found.isEmpty() ? NOT_RECORDED : String.join("; ", found);
  }

  private String timeouts() {
    List<String> found = find(app, "", k -> TIMEOUT.matcher(k).matches());
    return found.isEmpty() ? NOT_RECORDED : String.join(", ", found);
  }

  private String database() {
    if (conditions.isEmpty()) {
      return NOT_RECORDED;
    }
    RunConditions c = conditions.get();
    RunConditions.Database recorded = c.database();
    if (recorded != null) {
      String where =
          switch (recorded.where()) {
            case "own-jvm" -> "embedded, in its own JVM";
            case "app-jvm" ->
                "embedded, inside the app's JVM (an app GC pause pauses the database too)";
            case "external" -> "external" + c.aerospikeBuild().map(b -> ", build " + b).orElse("");
            default -> recorded.where();
          };
      String address = recorded.address() == null ? "" : recorded.address();
      return where + (address.isEmpty() ? "" : " at " + address);
    }
    if (c.embedded()) {
      return "embedded, in-memory; where it ran is "
          + NOT_RECORDED
          + " (until the simulations could start it in its own JVM it ran inside the app's JVM,"
          + " so an app GC pause paused the database too)";
    }
    JsonNode hosts = app.path("aerospike").path("seed_hosts");
    return "external"
        + c.aerospikeBuild().map(b -> ", build " + b).orElse("")
        + (present(hosts) ? ", seed hosts " + describe(hosts) : "");
  }

  private String warmup() {
    RunConditions.Warmup w = conditions.map(RunConditions::warmup).orElse(null);
    if (w == null) {
      return NOT_RECORDED;
    }
    if (!w.ran()) {
      return "none (-Dwarmup=0)";
    }
    return String.format(
        Locale.ROOT,
        "%.1f s in %s; %s",
        w.seconds(),
        w.readModes() == null ? "modes " + NOT_RECORDED : String.join(", ", w.readModes()),
        w.steady()
            ? "steady (the last two "
                + w.windowSeconds()
                + " s windows' p50 within "
                + Math.round(w.tolerance() * 100)
                + " % for every client)"
            : "NOT steady when it ended (the last two windows' p50 differ by more than "
                + Math.round(w.tolerance() * 100)
                + " % for some client)");
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
