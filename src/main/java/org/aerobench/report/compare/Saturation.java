package org.aerobench.report.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.run.RunFolder;
import org.aerobench.report.run.SaturationLog;
import org.aerobench.report.stats.PromText;

/**
 * The app's queues over the run, from the 1 Hz samples of {@code saturation.csv}: blocking workers
 * (sync pool threads, virtual permits) active and queued, admission slots in use and waiting,
 * event-loop commands in process and queued, the inference executor's active and queued tasks.
 * Scraped only at a phase's end these read empty; sampled while the load runs they show which queue
 * grew when latency did. The bounds (limit, max_waiting) are constant and on the "Load model and
 * limits" table instead.
 *
 * @param startEpochMillis x = 0: the latency timeline's start when there is one, so both charts
 *     share their x axis; else the first sample
 * @param seconds x values, seconds since the start, one per sample
 * @param lines one per queue, in the order of {@link #FAMILIES}
 */
public record Saturation(long startEpochMillis, List<Double> seconds, List<Line> lines) {

  /**
   * One queue over time.
   *
   * @param client the style (or "all", "shared"), null for the inference executor
   * @param values per sample, summed over the series' other labels (e.g. event loops); null where
   *     the sample has none
   */
  public record Line(
      String name, String client, String state, List<Double> values, double mean, double max) {}

  /** Families charted, with the words they are shown by. */
  private static final Map<String, String> FAMILIES = families();

  private static final Set<String> BOUNDS = Set.of("limit", "max_waiting");

  private static Map<String, String> families() {
    Map<String, String> families = new LinkedHashMap<>();
    families.put("aerobench_style_workers", "workers");
    families.put("predict_inflight_slots", "admission slots");
    families.put("aerospike_client_event_loop_commands", "event-loop commands");
    families.put("aerobench_inference_executor", "inference executor");
    return families;
  }

  /** The run's saturation, or null when the run folder has no saturation.csv or no queue in it. */
  static Saturation of(RunData run, Timeline timeline) {
    Path file = new RunFolder(run.folder()).saturation();
    if (!Files.exists(file)) {
      return null;
    }
    SaturationLog log;
    try {
      log = SaturationLog.read(file);
    } catch (IOException e) {
      throw new ReportInputException(e.getMessage(), e);
    }
    // Line key → sample time → value (summed over the labels the line does not keep).
    Map<String, TreeMap<Long, Double>> byLine = new TreeMap<>();
    Map<String, String[]> keys = new LinkedHashMap<>();
    TreeSet<Long> times = new TreeSet<>();
    for (SaturationLog.Sample s : log.samples()) {
      String[] key = key(s.series());
      if (key == null) {
        continue;
      }
      String id = String.join("|", key);
      keys.putIfAbsent(id, key);
      byLine
          .computeIfAbsent(id, k -> new TreeMap<>())
          .merge(s.epochMillis(), s.value(), Double::sum);
      times.add(s.epochMillis());
    }
    if (times.isEmpty()) {
      return null;
    }
    long start = timeline != null ? timeline.startEpochMillis() : times.first();
    List<Double> seconds = new ArrayList<>();
    times.forEach(t -> seconds.add((t - start) / 1000.0));
    List<String> order = new ArrayList<>(keys.keySet());
    List<String> families = new ArrayList<>(FAMILIES.keySet());
    order.sort(
        Comparator.comparingInt((String id) -> families.indexOf(keys.get(id)[0]))
            .thenComparing(id -> id));
    List<Line> lines = new ArrayList<>();
    for (String id : order) {
      String[] key = keys.get(id);
      TreeMap<Long, Double> values = byLine.get(id);
      List<Double> aligned = new ArrayList<>();
      times.forEach(t -> aligned.add(values.get(t)));
      double mean = values.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double max = values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      String client = key[1].isEmpty() ? null : key[1];
      String state = key[2].isEmpty() ? null : key[2];
      String name =
          (client == null ? "" : client + " ")
              + FAMILIES.get(key[0])
              + (state == null ? "" : " " + state.replace('_', ' '));
      lines.add(new Line(name, client, state, aligned, mean, max));
    }
    return new Saturation(start, seconds, lines);
  }

  /** {family, client, state} of a charted series, or null for a series not charted. */
  private static String[] key(String series) {
    int brace = series.indexOf('{');
    String family = brace < 0 ? series : series.substring(0, brace);
    if (!FAMILIES.containsKey(family)) {
      return null;
    }
    Map<String, String> labels;
    try {
      labels = PromText.seriesLabels(series);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String state = labels.getOrDefault("state", "");
    if (BOUNDS.contains(state)) {
      return null;
    }
    String client = labels.getOrDefault("client_type", labels.getOrDefault("client", ""));
    return new String[] {family, client, state};
  }
}
