package org.aerobench.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sample lines of one metric in a Prometheus text scrape, for tests. */
final class MetricLines {

  private static final Pattern LINE = Pattern.compile("^(\\w+)\\{([^}]*)\\} (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private MetricLines() {}

  /** Every sample of {@code name}: its labels (in order) to its value. */
  static Map<Map<String, String>, Double> of(String scrape, String name) {
    Map<Map<String, String>, Double> samples = new LinkedHashMap<>();
    for (String line : scrape.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.matches() && m.group(1).equals(name)) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
        samples.put(labels, Double.parseDouble(m.group(3)));
      }
    }
    return samples;
  }

  /** The value of the sample of {@code name} whose labels include {@code labels}, or null. */
  static Double value(String scrape, String name, Map<String, String> labels) {
    return of(scrape, name).entrySet().stream()
        .filter(e -> e.getKey().entrySet().containsAll(labels.entrySet()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** The values {@code label} takes on the samples of {@code name}. */
  static Set<String> labelValues(String scrape, String name, String label) {
    Set<String> values = new TreeSet<>();
    of(scrape, name)
        .keySet()
        .forEach(
            l -> {
              if (l.containsKey(label)) {
                values.add(l.get(label));
              }
            });
    return values;
  }
}
