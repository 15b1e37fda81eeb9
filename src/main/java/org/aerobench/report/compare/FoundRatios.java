package org.aerobench.report.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of the keys each client's requests found, per phase: the mean of the app's {@code
 * aerospike_records_found_ratio} over the phase (its {@code _sum} and {@code _count} differences
 * between consecutive scrapes). A benchmark that reads empty sets looks faster, so a ratio that
 * moves between phases is called out.
 */
final class FoundRatios {

  static final String FOUND = "aerospike_records_found_ratio";

  /** A mean that moves by more than this between phases is a change of the data. */
  static final double CHANGE = 0.01;

  private static final Pattern CLIENT = Pattern.compile("client_type=\"([^\"]*)\"");

  private FoundRatios() {}

  /** Phase to client to mean found ratio (only clients with requests in that phase). */
  static Map<String, Map<String, Double>> of(Map<String, String> scrapesInRunOrder) {
    Map<String, Map<String, Double>> byPhase = new LinkedHashMap<>();
    Map<String, double[]> previous = Map.of();
    for (var scrape : scrapesInRunOrder.entrySet()) {
      Map<String, double[]> now = sumsAndCounts(scrape.getValue());
      Map<String, Double> means = new LinkedHashMap<>();
      for (var client : now.entrySet()) {
        double[] before = previous.getOrDefault(client.getKey(), new double[2]);
        double[] after = client.getValue();
        // Counters restarted (another app between scrapes): the scrape alone is the window.
        boolean restarted = after[1] < before[1];
        double sum = restarted ? after[0] : after[0] - before[0];
        double count = restarted ? after[1] : after[1] - before[1];
        if (count > 0) {
          means.put(client.getKey(), sum / count);
        }
      }
      byPhase.put(scrape.getKey(), means);
      previous = now;
    }
    return byPhase;
  }

  /** A sentence naming every client whose ratio moved by more than {@link #CHANGE}, if any. */
  static Optional<String> change(Map<String, Map<String, Double>> byPhase) {
    Map<String, List<String>> seen = new LinkedHashMap<>();
    Map<String, double[]> range = new HashMap<>();
    byPhase.forEach(
        (phase, means) ->
            means.forEach(
                (client, mean) -> {
                  seen.computeIfAbsent(client, c -> new ArrayList<>())
                      .add(String.format(Locale.ROOT, "%.3f in %s", mean, phase));
                  double[] r = range.computeIfAbsent(client, c -> new double[] {mean, mean});
                  r[0] = Math.min(r[0], mean);
                  r[1] = Math.max(r[1], mean);
                }));
    List<String> moved = new ArrayList<>();
    seen.forEach(
        (client, values) -> {
          double[] r = range.get(client);
          if (r[1] - r[0] > CHANGE) {
            moved.add(client + " " + String.join(", ", values));
          }
        });
    if (moved.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "WARNING: the share of keys found changed during the run (by more than "
            + CHANGE
            + "): "
            + String.join("; ", moved)
            + ". Phases that read less data look faster: check the data set before comparing.");
  }

  /** Client to {sum, count} of the found-ratio histogram in one scrape. */
  private static Map<String, double[]> sumsAndCounts(String exposition) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (String line : exposition.split("\n")) {
      int slot;
      if (line.startsWith(FOUND + "_sum{")) {
        slot = 0;
      } else if (line.startsWith(FOUND + "_count{")) {
        slot = 1;
      } else {
        continue;
      }
      Matcher client = CLIENT.matcher(line);
      int space = line.lastIndexOf(' ');
      if (!client.find() || space < 0) {
        continue;
      }
      try {
        double value = Double.parseDouble(line.substring(space + 1).trim());
        out.computeIfAbsent(client.group(1), c -> new double[2])[slot] = value;
      } catch (NumberFormatException e) {
        // not a sample line
      }
    }
    return out;
  }
}
