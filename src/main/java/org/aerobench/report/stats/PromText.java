package org.aerobench.report.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads histograms out of the Prometheus text exposition format (what {@code /metrics} returns):
 * only the {@code <name>_bucket{...,le="..."} <count>} lines are needed for quantiles. Series are
 * grouped by one label (e.g. {@code client_type}); other labels (e.g. {@code set_name}) are summed
 * over, as {@code sum by (client_type)} would.
 */
public final class PromText {

  private PromText() {}

  /**
   * Histograms of metric {@code name} keyed by the value of {@code groupLabel}.
   *
   * @throws IllegalArgumentException naming the line when a bucket line is malformed
   */
  public static Map<String, PromHistogram> histograms(String text, String name, String groupLabel) {
    return histograms(text, name, groupLabel, Map.of());
  }

  /**
   * As {@link #histograms(String, String, String)}, keeping only series whose labels include every
   * entry of {@code filter} (e.g. {@code mode=single}).
   */
  public static Map<String, PromHistogram> histograms(
      String text, String name, String groupLabel, Map<String, String> filter) {
    String prefix = name + "_bucket";
    Map<String, TreeMap<Double, Double>> byGroup = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String line : text.split("\n")) {
      lineNumber++;
      if (!line.startsWith(prefix + "{") && !line.startsWith(prefix + " ")) {
        continue;
      }
      Map<String, String> labels;
      String rest;
      int open = line.indexOf('{');
      if (open == prefix.length()) {
        int close = line.lastIndexOf('}');
        if (close < open) {
          throw new IllegalArgumentException("line " + lineNumber + ": unclosed labels: " + line);
        }
        labels = labels(line.substring(open + 1, close), lineNumber);
        rest = line.substring(close + 1).trim();
      } else {
        labels = Map.of();
        rest = line.substring(prefix.length()).trim();
      }
      String le = labels.get("le");
      if (le == null) {
        throw new IllegalArgumentException("line " + lineNumber + ": bucket without le: " + line);
      }
      String valueText = rest.split("\\s+")[0];
      double value;
      double bound;
      try {
        value = Double.parseDouble(valueText);
        bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("line " + lineNumber + ": not a number: " + line, e);
      }
      if (!labels.entrySet().containsAll(filter.entrySet())) {
        continue;
      }
      String group = labels.getOrDefault(groupLabel, "");
      byGroup.computeIfAbsent(group, g -> new TreeMap<>()).merge(bound, value, Double::sum);
    }
    Map<String, PromHistogram> result = new TreeMap<>();
    byGroup.forEach(
        (group, buckets) ->
            result.put(
                group,
                new PromHistogram(
                    new ArrayList<>(buckets.keySet()), new ArrayList<>(buckets.values()))));
    return result;
  }

  private static Map<String, String> labels(String text, int lineNumber) {
    Map<String, String> labels = new LinkedHashMap<>();
    int i = 0;
    while (i < text.length()) {
      int eq = text.indexOf('=', i);
      if (eq < 0 || eq + 1 >= text.length() || text.charAt(eq + 1) != '"') {
        throw new IllegalArgumentException("line " + lineNumber + ": malformed labels: " + text);
      }
      String key = text.substring(i, eq).trim();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      while (j < text.length() && text.charAt(j) != '"') {
        char c = text.charAt(j);
        if (c == '\\' && j + 1 < text.length()) {
          char next = text.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
        j++;
      }
      labels.put(key, value.toString());
      i = j + 1;
      while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
        i++;
      }
    }
    return labels;
  }

  /** The labels of a series as the exposition prints it, e.g. {@code name{state="active"}}. */
  public static Map<String, String> seriesLabels(String series) {
    int open = series.indexOf('{');
    int close = series.lastIndexOf('}');
    return open < 0 || close < open ? Map.of() : labels(series.substring(open + 1, close), 1);
  }

  /** The values a label takes on the bucket lines of metric {@code name}. */
  public static java.util.Set<String> labelValues(String text, String name, String label) {
    java.util.Set<String> values = new java.util.TreeSet<>();
    String prefix = name + "_bucket{";
    int lineNumber = 0;
    for (String line : text.split("\n")) {
      lineNumber++;
      if (line.startsWith(prefix)) {
        int close = line.lastIndexOf('}');
        if (close > prefix.length()) {
          String value = labels(line.substring(prefix.length(), close), lineNumber).get(label);
          if (value != null) {
            values.add(value);
          }
        }
      }
    }
    return values;
  }
}
