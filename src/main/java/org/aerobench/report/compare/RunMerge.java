package org.aerobench.report.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.ClientErrors;
import org.aerobench.report.run.ClientTimes;
import org.aerobench.report.run.MergeManifest;
import org.aerobench.report.run.PhaseWindow;
import org.aerobench.report.run.RunConditions;
import org.aerobench.report.run.RunFolder;
import org.aerobench.report.run.ServerTimes;

/**
 * Merges the run folders of several injectors that drove one target together into one run folder
 * that every report and the gate read like any other ({@link RunData#load}). Gatling OSS can no
 * longer merge several JVMs' logs, and its percentiles are per-JVM estimates; the project's µs
 * HdrHistogram logs add up exactly, so it owns the merge.
 *
 * <p>Refused, naming the run and the reason ({@link ReportInputException}): runs of another
 * simulation, other parameters or other compared clients than the first run's, a run without the
 * files an exact merge needs, and injectors whose phases started further apart than the skew bound
 * (clock skew, or not started together: {@code -DstartAt}).
 */
public final class RunMerge {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

  private final long skewBoundMillis;

  public RunMerge(long skewBoundMillis) {
    this.skewBoundMillis = skewBoundMillis;
  }

  /**
   * Checks and merges the runs into {@code <outDir>/<name>/}.
   *
   * @param name the merged run's folder name, or null for {@code <simulation>-merged-<timestamp>}
   * @return the merged run folder
   */
  public Path merge(List<Path> folders, Path outDir, String name) throws IOException {
    if (folders.isEmpty()) {
      throw new ReportInputException("--merge found no run folders to merge");
    }
    List<RunData> runs = new ArrayList<>();
    for (Path folder : folders) {
      runs.add(loadInjectorRun(folder, runs));
    }
    MergeChecks.compatible(runs);
    long skew = MergeChecks.maxSkewMillis(runs, skewBoundMillis);
    RunData first = runs.get(0);
    Path merged =
        outDir.resolve(
            first.simulation().toLowerCase(Locale.ROOT) + "-merged-" + STAMP.format(Instant.now()));
    RunFolder out = new RunFolder(merged);
    ClientTimes client = new ClientTimes();
    ServerTimes server = new ServerTimes();
    ClientErrors errors = new ClientErrors();
    boolean everyRunCountedErrors = runs.stream().allMatch(r -> r.clientErrors().isPresent());
    for (RunData run : runs) {
      client.addAll(run.clientTimes().orElseThrow());
      run.serverTimes().ifPresent(server::addAll);
      run.clientErrors().ifPresent(errors::addAll);
    }
    client.write(out.clientTimes());
    if (everyRunCountedErrors) { // a partial sum would read as fewer errors than there were
      errors.write(out.clientErrors());
    }
    if (!server.isEmpty()) {
      server.write(out.serverTimes());
    }
    conditions(runs).write(out.conditions());
    manifest(runs, skew).write(out.merge());
    Files.copy(new RunFolder(first.folder()).parameters(), out.parameters());
    copyScrapesOfLastToFinish(runs, out);
    return merged;
  }

  private static RunData loadInjectorRun(Path folder, List<RunData> loaded) {
    RunData run = RunData.load(folder);
    for (RunData other : loaded) {
      if (other.folder().toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize())) {
        throw refused(folder, "it is given twice");
      }
    }
    RunFolder files = new RunFolder(folder);
    if (run.clientTimes().isEmpty()) {
      throw refused(
          folder, files.clientTimes() + " is missing: its client-side times cannot be merged");
    }
    if (run.conditions().isEmpty() || run.conditions().get().phases().isEmpty()) {
      throw refused(folder, files.conditions() + " has no phase windows to align by wall clock");
    }
    if (!Files.isRegularFile(files.parameters())) {
      throw refused(folder, files.parameters() + " is missing: its parameters cannot be checked");
    }
    if (Files.exists(files.capacity())) {
      throw refused(folder, "it is a Capacity run, whose per-level verdicts do not merge");
    }
    return run;
  }

  static ReportInputException refused(Path run, String reason) {
    return new ReportInputException("cannot merge " + run + ": " + reason);
  }

  /** The first run's conditions with the load of all: users, rate and CPU summed. */
  private static RunConditions conditions(List<RunData> runs) {
    List<RunConditions> all = runs.stream().map(r -> r.conditions().orElseThrow()).toList();
    RunConditions first = all.get(0);
    List<PhaseWindow> phases = alignedPhases(all);
    long start = phases.get(0).startEpochMillis();
    long end = phases.stream().mapToLong(PhaseWindow::endEpochMillis).max().orElse(start);
    String startedAt =
        all.stream().map(RunConditions::startedAt).min(String::compareTo).orElseThrow();
    boolean sameCommit = all.stream().allMatch(c -> c.gitCommit().equals(first.gitCommit()));
    return new RunConditions(
        first.simulation(),
        startedAt,
        (end - start) / 1000.0,
        all.stream().mapToInt(RunConditions::users).sum(),
        first.clients(),
        first.modes(),
        first.inference(),
        first.baseUrl(),
        first.embedded(),
        first.latencyInjection(),
        sameCommit ? first.gitCommit() : "mixed",
        first.jvm(),
        first.cores(),
        all.stream().mapToDouble(RunConditions::loadGeneratorCpuSeconds).sum(),
        // Every injector read the same target's CPU over about the same window: the largest
        // reading covers the most of it; summing would count it once per injector.
        all.stream().mapToDouble(RunConditions::targetCpuSeconds).max().orElse(-1),
        all.stream().mapToDouble(RunConditions::arrivalRatePerSecond).sum(),
        phases,
        first.app(), // one target app: every injector asked the same /info
        first.callOrder(),
        mergedLoadModel(all),
        first.warmup(),
        first.database(),
        first.cluster());
  }

  /** The injectors' load together: users and rates add up; the pause is every injector's own. */
  private static RunConditions.LoadModel mergedLoadModel(List<RunConditions> all) {
    RunConditions.LoadModel first = all.get(0).loadModel();
    if (first == null) {
      return null;
    }
    return new RunConditions.LoadModel(
        first.kind(),
        all.stream().mapToInt(c -> c.loadModel() == null ? 0 : c.loadModel().users()).sum(),
        all.stream()
            .mapToDouble(c -> c.loadModel() == null ? 0 : c.loadModel().ratePerSecond())
            .sum(),
        first.pauseMs(),
        first.pauseDistribution());
  }

  /** Each phase from its earliest start to its latest end over the injectors, in run order. */
  private static List<PhaseWindow> alignedPhases(List<RunConditions> all) {
    Map<String, PhaseWindow> byLabel = new LinkedHashMap<>();
    for (RunConditions c : all) {
      for (PhaseWindow p : c.phases()) {
        byLabel.merge(
            p.label(),
            p,
            (a, b) ->
                new PhaseWindow(
                    a.label(),
                    Math.min(a.startEpochMillis(), b.startEpochMillis()),
                    Math.max(a.endEpochMillis(), b.endEpochMillis())));
      }
    }
    return List.copyOf(byLabel.values());
  }

  private MergeManifest manifest(List<RunData> runs, long skew) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (RunData run : runs) {
      for (RequestStats r : run.gatling().requests()) {
        long[] c = counts.computeIfAbsent(r.name(), n -> new long[2]);
        c[0] += r.ok();
        c[1] += r.ko();
      }
    }
    List<MergeManifest.Counts> requests = new ArrayList<>();
    counts.forEach((name, c) -> requests.add(new MergeManifest.Counts(name, c[0], c[1])));
    RunData first = runs.get(0);
    return new MergeManifest(
        runs.stream().map(r -> r.folder().toString()).toList(),
        first.gatling().version(),
        first.gatling().percentiles(),
        skew,
        skewBoundMillis,
        requests);
  }

  /**
   * The app's {@code /metrics} scrapes are cumulative and of the one shared target: the injector
   * that finished last scraped after all the load, so its scrapes are taken.
   */
  private static void copyScrapesOfLastToFinish(List<RunData> runs, RunFolder out)
      throws IOException {
    RunData last = runs.get(0);
    for (RunData run : runs) {
      if (lastEnd(run) > lastEnd(last)) {
        last = run;
      }
    }
    for (String scenario : last.scrapes().keySet()) {
      Files.copy(new RunFolder(last.folder()).metricsScrape(scenario), out.metricsScrape(scenario));
    }
  }

  private static long lastEnd(RunData run) {
    return run.conditions().orElseThrow().phases().stream()
        .mapToLong(PhaseWindow::endEpochMillis)
        .max()
        .orElse(0);
  }
}
