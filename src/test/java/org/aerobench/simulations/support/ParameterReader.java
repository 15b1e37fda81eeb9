package org.aerobench.simulations.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.aerobench.simulations.support.Parameters.Part;

/**
 * Reads one {@code -D} property at a time, collecting problems instead of stopping at the first, so
 * that a run lists every bad parameter at once. Every value goes through {@link #parsed}: absent
 * gives the fallback, a value that breaks the rule gives a problem worded {@code -Dname=value:
 * rule} and the fallback. Shared by {@link ParameterTable} and the simulations' own parameter sets
 * (e.g. {@link CapacityPlan}).
 */
final class ParameterReader {

  private final Properties props;
  private final java.util.Map<String, String> env;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> refused = new HashSet<>();

  ParameterReader(Properties props) {
    this(props, System.getenv());
  }

  /**
   * @param env the environment the started app would see (whether it is pointed at a real Aerospike
   *     decides which parameters apply)
   */
  ParameterReader(Properties props, java.util.Map<String, String> env) {
    this.props = props;
    this.env = java.util.Map.copyOf(env);
  }

  java.util.Map<String, String> env() {
    return env;
  }

  void throwIfAnyProblem() {
    if (!problems.isEmpty()) {
      throw new BadParameterException(problems);
    }
  }

  /** Adds a problem in words (-Dname=value: rule, example). */
  void add(String problem) {
    problems.add(problem);
  }

  /** How many problems so far: a compound rule checks whether its parts added any. */
  int problemCount() {
    return problems.size();
  }

  /** Adds the problem of a value that breaks its rule. */
  void problem(String name, String value, String rule) {
    problems.add("-D" + name + "=" + value + ": " + rule);
  }

  /**
   * The value given, trimmed; null when absent, blank or already refused (it then reads as absent).
   */
  String raw(String name) {
    String value = props.getProperty(name);
    return value == null || value.isBlank() || refused.contains(name) ? null : value.trim();
  }

  /** Refuses a parameter that was given (once, however many rules it breaks). */
  void refuse(String name, String rule) {
    String value = raw(name);
    if (value != null) {
      problem(name, value, rule);
      refused.add(name);
    }
  }

  /** Refuses every given parameter of the groups the simulation does not read. */
  void refuseUnused(String simulation, Set<Part> uses) {
    for (Part part : Part.values()) {
      if (!uses.contains(part)) {
        for (String name : part.names()) {
          refuse(name, simulation + " does not use it (" + part.why() + "); leave it out");
        }
      }
    }
  }

  /**
   * The one way a value is read: {@code fallback} when absent; the parsed value when {@code parser}
   * accepts it; else a problem naming the value and {@code rule}, and {@code fallback}.
   *
   * @param parser gives the value, or null (or throws) when the text breaks the rule
   */
  <T> T parsed(String name, T fallback, Function<String, T> parser, String rule) {
    String value = raw(name);
    if (value == null) {
      return fallback;
    }
    T parsed;
    try {
      parsed = parser.apply(value);
    } catch (IllegalArgumentException | DateTimeException e) {
      parsed = null; // reported below, with the rule
    }
    if (parsed == null) {
      problem(name, value, rule);
      return fallback;
    }
    return parsed;
  }

  int wholeNumber(String name, int defaultValue, int min, String example) {
    return parsed(
        name,
        defaultValue,
        text -> {
          int parsed = Integer.parseInt(text);
          return parsed >= min ? parsed : null;
        },
        "must be a whole number >= " + min + ", e.g. -D" + name + "=" + example);
  }

  /** A number > 0, or 0 when it is not one (reported). */
  double positiveNumber(String name, String example) {
    return parsed(
        name,
        0.0,
        text -> {
          double parsed = Double.parseDouble(text);
          return parsed > 0 && Double.isFinite(parsed) ? parsed : null;
        },
        "must be a number > 0, e.g. -D" + name + "=" + example);
  }

  /** A fraction in (0, 1). */
  double fraction(String name, double defaultValue, String example) {
    return parsed(
        name,
        defaultValue,
        text -> {
          double parsed = Double.parseDouble(text);
          return parsed > 0 && parsed < 1 ? parsed : null;
        },
        "must be a fraction between 0 and 1, e.g. -D" + name + "=" + example);
  }

  Duration duration(String name, String defaultValue, boolean zeroAllowed) {
    return parsed(
        name,
        Parameters.parseDuration(defaultValue),
        text -> {
          Duration parsed = Parameters.parseDuration(text);
          return zeroAllowed || !parsed.isZero() ? parsed : null;
        },
        "must be a duration"
            + (zeroAllowed ? "" : " > 0")
            + " such as 60 (seconds), 60s, 500ms, 2m; default "
            + defaultValue);
  }

  /** An instant as epoch milliseconds or ISO-8601 ({@code 2026-12-01T10:00:00Z}), or null. */
  Instant instant(String name) {
    return parsed(
        name,
        null,
        text ->
            text.matches("\\d+") ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text),
        "must be epoch milliseconds or an ISO-8601 instant, e.g. -D"
            + name
            + "=2026-12-01T10:00:00Z");
  }

  boolean bool(String name, boolean defaultValue) {
    return parsed(
        name,
        defaultValue,
        text ->
            switch (text.toLowerCase(Locale.ROOT)) {
              case "true" -> true;
              case "false" -> false;
              default -> null;
            },
        "must be true or false; default " + defaultValue);
  }

  /** Whitespace-separated words (JVM flags); any text is allowed. */
  List<String> words(String name, String defaultValue) {
    String value = raw(name);
    return List.of((value == null ? defaultValue : value).trim().split("\\s+"));
  }

  /** A path to an existing file, or null when absent. */
  Path existingFile(String name) {
    String value = raw(name);
    if (value == null) {
      return null;
    }
    Path file = Path.of(value);
    if (!Files.isRegularFile(file)) {
      problem(
          name,
          value,
          "no such file (relative paths start at "
              + Path.of("").toAbsolutePath()
              + "); leave it out to use the default");
    }
    return file;
  }
}
