package org.aerobench.simulations.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * Samples, once a second during the run, the app's saturation gauges and counters from {@code
 * /metrics} (workers, in-flight slots, event-loop commands, inference executor, reads and busy
 * time, request outcomes) and who used the CPU (this JVM, the app, the whole machine), so that a
 * phase's queues can be read while it runs, not only when it has drained. Written to {@code
 * saturation.csv} (epoch ms, series, value).
 */
public final class SaturationSampler implements AutoCloseable {

  /** Series kept from a scrape: these families, every label combination. */
  private static final List<String> FAMILIES =
      List.of(
          "aerobench_style_workers",
          "aerobench_style_worker_busy_seconds_total",
          "aerobench_style_reads_total",
          "aerobench_inference_executor",
          "predict_inflight_slots",
          "predict_requests_total",
          "aerospike_client_event_loop_commands");

  public static final String GENERATOR_CPU = "cpu.generator.seconds";
  public static final String APP_CPU = "cpu.app.seconds";
  public static final String MACHINE_BUSY = "cpu.machine.busy.ticks";
  public static final String MACHINE_TOTAL = "cpu.machine.total.ticks";

  /** One reading: series (as printed by the exposition, labels included) to value. */
  public record Sample(long epochMillis, Map<String, Double> values) {}

  private final MetricsScraper metrics;
  private final DoubleSupplier appCpuSeconds;
  private final List<Sample> samples = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("aerobench-saturation").daemon(true).factory());

  /**
   * @param appCpuSeconds the app's CPU seconds so far, or a negative number when unknown
   */
  public SaturationSampler(MetricsScraper metrics, DoubleSupplier appCpuSeconds) {
    this.metrics = metrics;
    this.appCpuSeconds = appCpuSeconds;
  }

  public void start() {
    timer.scheduleAtFixedRate(this::sampleQuietly, 0, 1, TimeUnit.SECONDS);
  }

  /** Takes one sample now (also called at a phase's end, so a window has a closing reading). */
  public void sampleNow() {
    sampleQuietly();
  }

  private void sampleQuietly() {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put(GENERATOR_CPU, CpuUsage.gatlingCpuSecondsNow());
    double app = appCpuSeconds.getAsDouble();
    if (app >= 0) {
      values.put(APP_CPU, app);
    }
    long[] machine = CpuUsage.machineTicksNow();
    if (machine != null) {
      values.put(MACHINE_BUSY, (double) machine[0]);
      values.put(MACHINE_TOTAL, (double) machine[1]);
    }
    try {
      values.putAll(series(metrics.scrape()));
    } catch (IOException | RuntimeException e) {
      // the app may be starting or gone; the CPU readings still count
    }
    samples.add(new Sample(System.currentTimeMillis(), values));
  }

  /** The kept series of an exposition: {@code name{labels}} to value. */
  static Map<String, Double> series(String exposition) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String line : exposition.split("\n")) {
      if (line.isEmpty() || line.charAt(0) == '#') {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String name = line.substring(0, brace >= 0 && brace < space ? brace : Math.max(space, 0));
      if (!FAMILIES.contains(name) || space < 0) {
        continue;
      }
      try {
        values.put(line.substring(0, space).trim(), Double.parseDouble(line.substring(space + 1)));
      } catch (NumberFormatException e) {
        // not a sample line of a kept family
      }
    }
    return values;
  }

  /** Every sample taken between two instants (epoch ms, both included). */
  public List<Sample> between(long fromMillis, long toMillis) {
    List<Sample> window = new ArrayList<>();
    for (Sample s : samples) {
      if (s.epochMillis() >= fromMillis && s.epochMillis() <= toMillis) {
        window.add(s);
      }
    }
    return window;
  }

  /** Mean over a window of the sum of the series {@code matching} selects in each sample. */
  public static OptionalDouble mean(List<Sample> window, Predicate<String> matching) {
    return window.stream()
        .filter(s -> s.values().keySet().stream().anyMatch(matching))
        .mapToDouble(s -> sum(s, matching))
        .average();
  }

  /** Highest value over a window of that sum. */
  public static OptionalDouble max(List<Sample> window, Predicate<String> matching) {
    return window.stream()
        .filter(s -> s.values().keySet().stream().anyMatch(matching))
        .mapToDouble(s -> sum(s, matching))
        .max();
  }

  /** Last minus first reading of that sum over a window (counters); empty with fewer than two. */
  public static OptionalDouble delta(List<Sample> window, Predicate<String> matching) {
    List<Sample> with =
        window.stream().filter(s -> s.values().keySet().stream().anyMatch(matching)).toList();
    if (with.size() < 2) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(sum(with.get(with.size() - 1), matching) - sum(with.get(0), matching));
  }

  /** Seconds between the first and last reading of a window that has the series. */
  public static double span(List<Sample> window, Predicate<String> matching) {
    List<Sample> with =
        window.stream().filter(s -> s.values().keySet().stream().anyMatch(matching)).toList();
    return with.size() < 2
        ? 0
        : (with.get(with.size() - 1).epochMillis() - with.get(0).epochMillis()) / 1000.0;
  }

  private static double sum(Sample s, Predicate<String> matching) {
    double total = 0;
    for (var e : s.values().entrySet()) {
      if (matching.test(e.getKey())) {
        total += e.getValue();
      }
    }
    return total;
  }

  /** Selects series of a family whose labels contain every {@code key="value"} given. */
  public static Predicate<String> series(String family, String... labelPairs) {
    return key -> {
      if (!key.equals(family) && !key.startsWith(family + "{")) {
        return false;
      }
      for (String pair : labelPairs) {
        if (!key.contains(pair)) {
          return false;
        }
      }
      return true;
    };
  }

  /** {@code client_type="sync"}: a label pair as the exposition prints it. */
  public static String label(String name, String value) {
    return name + "=\"" + value + "\"";
  }

  /** Stops sampling and writes every sample to {@code file}. */
  public void stopAndWrite(Path file) {
    timer.shutdownNow();
    StringBuilder csv = new StringBuilder("epoch_ms,series,value\n");
    for (Sample s : samples) {
      s.values()
          .forEach(
              (k, v) ->
                  csv.append(s.epochMillis())
                      .append(",\"")
                      .append(k.replace("\"", "\"\""))
                      .append("\",")
                      .append(String.format(Locale.ROOT, "%s", v))
                      .append('\n'));
    }
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
