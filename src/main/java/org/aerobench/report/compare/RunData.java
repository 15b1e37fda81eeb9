package org.aerobench.report.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.gatling.GatlingIndexParser;
import org.aerobench.report.gatling.GatlingStats;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.ClientErrors;
import org.aerobench.report.run.ClientTimes;
import org.aerobench.report.run.MergeManifest;
import org.aerobench.report.run.RunConditions;
import org.aerobench.report.run.RunFolder;
import org.aerobench.report.run.ServerTimes;
import org.aerobench.report.stats.SecondSeries;

/**
 * Everything the reports read from one Gatling run folder: Gatling's stats table (required) and the
 * project's files beside it (each optional: a run of a plain Gatling simulation still gets its
 * client-side tables, and the report says what it could not show and why).
 *
 * @param clientTimes client-side times per request name and second (absent in runs recorded before
 *     the simulations wrote them)
 * @param clientErrors failed responses per request name and second (absent in runs recorded before
 *     the simulations counted them)
 * @param scrapes metrics scrapes by scenario, in the order of the conditions' modes when known
 * @param notes what was missing, for the report's readers
 */
public record RunData(
    Path folder,
    GatlingStats gatling,
    Optional<RunConditions> conditions,
    Optional<ServerTimes> serverTimes,
    Optional<ClientTimes> clientTimes,
    Optional<ClientErrors> clientErrors,
    Map<String, String> scrapes,
    List<String> notes) {

  /**
   * Loads a run folder.
   *
   * @throws ReportInputException when the folder or its index.html is missing or unusable, or a
   *     project file exists but cannot be read
   */
  public static RunData load(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new ReportInputException(
          folder + " is not a folder: expected a Gatling run folder such as target/gatling/<run>");
    }
    RunFolder run = new RunFolder(folder);
    if (!Files.exists(run.gatlingIndex()) && Files.exists(run.merge())) {
      return merged(folder, run);
    }
    GatlingStats gatling = GatlingIndexParser.parse(run.gatlingIndex());
    List<String> notes = new ArrayList<>();
    Optional<RunConditions> conditions = Optional.empty();
    if (Files.exists(run.conditions())) {
      conditions = Optional.of(read(() -> RunConditions.read(run.conditions())));
    } else {
      notes.add(run.conditions() + " is missing: conditions are Gatling's only");
    }
    Optional<ServerTimes> serverTimes = Optional.empty();
    if (Files.exists(run.serverTimes())) {
      serverTimes = Optional.of(read(() -> ServerTimes.read(run.serverTimes())));
    } else {
      notes.add(
          run.serverTimes()
              + " is missing: no server-side stage times, µs percentiles or noise intervals");
    }
    Optional<ClientTimes> clientTimes = Optional.empty();
    if (Files.exists(run.clientTimes())) {
      clientTimes = Optional.of(read(() -> ClientTimes.read(run.clientTimes())));
    } else {
      notes.add(
          run.clientTimes()
              + " is missing: no latency-over-time chart; the percentile charts' client side"
              + " shows Gatling's percentile columns");
    }
    Optional<ClientErrors> clientErrors = clientErrors(run);
    Map<String, String> scrapes = scrapes(run, conditions);
    if (scrapes.isEmpty()) {
      notes.add(run.dir() + " has no metrics-<scenario>.prom: no Prometheus p95s");
    }
    return new RunData(
        folder, gatling, conditions, serverTimes, clientTimes, clientErrors, scrapes, notes);
  }

  /**
   * The client-side per-second samples of some request names, aligned on the same seconds (arm i =
   * {@code requests[i]}); empty without a client-times log or when a name has no samples.
   */
  public Optional<SecondSeries> clientSeries(String... requests) {
    if (clientTimes.isEmpty()) {
      return Optional.empty();
    }
    var bySecond = clientTimes.get().bySecond();
    List<java.util.NavigableMap<Long, org.HdrHistogram.Histogram>> arms = new ArrayList<>();
    for (String request : requests) {
      var seconds = bySecond.get(request);
      if (seconds == null || seconds.isEmpty()) {
        return Optional.empty();
      }
      arms.add(seconds);
    }
    return Optional.of(SecondSeries.of(arms));
  }

  /**
   * A run folder written by {@code compare --merge}: no Gatling page, but a manifest of summed
   * counts and the merged logs, each required.
   */
  private static RunData merged(Path folder, RunFolder run) {
    MergeManifest manifest = read(() -> MergeManifest.read(run.merge()));
    RunConditions conditions = read(() -> RunConditions.read(run.conditions()));
    ClientTimes clientTimes = read(() -> ClientTimes.read(run.clientTimes()));
    Optional<ServerTimes> serverTimes =
        Files.exists(run.serverTimes())
            ? Optional.of(read(() -> ServerTimes.read(run.serverTimes())))
            : Optional.empty();
    List<String> notes = new ArrayList<>();
    notes.add(
        "Merged from "
            + manifest.injectors().size()
            + " injector runs: counts are their sums; client-side percentiles are exact"
            + " percentiles of every injector's recorded µs (shown in whole ms), not Gatling's"
            + " per-JVM estimates; phase windows span the earliest start to the latest end"
            + " (starts at most "
            + manifest.maxSkewMillis()
            + " ms apart).");
    Map<String, String> scrapes = scrapes(run, Optional.of(conditions));
    return new RunData(
        folder,
        MergedStats.of(run.merge(), manifest, clientTimes, conditions),
        Optional.of(conditions),
        serverTimes,
        Optional.of(clientTimes),
        clientErrors(run),
        scrapes,
        notes);
  }

  /** The failed responses per second, when the run counted them (no note: older runs did not). */
  private static Optional<ClientErrors> clientErrors(RunFolder run) {
    return Files.exists(run.clientErrors())
        ? Optional.of(read(() -> ClientErrors.read(run.clientErrors())))
        : Optional.empty();
  }

  /** The run folder's name, e.g. {@code singlemode-20261126143025122}. */
  public String name() {
    return folder.toAbsolutePath().normalize().getFileName().toString();
  }

  /**
   * The request name's requests per second in this run: divided by its own phase when the
   * conditions recorded it, else Gatling's Cnt/s (see {@link Throughput}).
   */
  public Throughput throughput(RequestStats request) {
    return Throughput.of(request, conditions);
  }

  /** The simulation: from the conditions, else the folder name before its timestamp. */
  public String simulation() {
    return conditions
        .map(RunConditions::simulation)
        .orElseGet(() -> name().replaceFirst("-\\d{17}$", ""));
  }

  private static Map<String, String> scrapes(RunFolder run, Optional<RunConditions> conditions) {
    Map<String, String> found = new LinkedHashMap<>();
    if (!Files.isDirectory(run.dir())) {
      return found;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(run.dir())) {
      files =
          list.filter(p -> p.getFileName().toString().matches("metrics-.+\\.prom"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new ReportInputException(run.dir() + " cannot be listed: " + e.getMessage(), e);
    }
    Map<String, String> byScenario = new LinkedHashMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String scenario = name.substring("metrics-".length(), name.length() - ".prom".length());
      byScenario.put(scenario, read(() -> Files.readString(file)));
    }
    // Scrapes are cumulative since the app started: order them as the scenarios ran.
    conditions.ifPresent(
        c ->
            c.modes().stream()
                .filter(byScenario::containsKey)
                .forEach(m -> found.put(m, byScenario.get(m))));
    byScenario.forEach(found::putIfAbsent);
    return found;
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static <T> T read(IoSupplier<T> reader) {
    try {
      return reader.get();
    } catch (IOException e) {
      throw new ReportInputException(e.getMessage(), e);
    }
  }
}
