package org.aerobench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.aerobench.report.capacity.CapacityStudy;
import org.aerobench.report.capacity.CapacityStudy.ClientCapacity;
import org.aerobench.report.capacity.CapacityStudy.ProfileCapacity;
import org.aerobench.report.capacity.Level;
import org.aerobench.report.compare.RequestName;
import org.aerobench.report.run.ClientErrors;
import org.aerobench.report.run.ClientTimes;
import org.aerobench.report.run.FaultEvent;
import org.aerobench.report.run.PhaseWindow;
import org.aerobench.report.run.RunConditions;
import org.aerobench.report.run.RunFolder;
import org.aerobench.report.run.ServerTimes;

/**
 * Run files the sample runs predate, made up for tests: client-side times per second with phase
 * windows, and a capacity study. Deterministic (fixed seed).
 */
public final class SyntheticRunFiles {

  private SyntheticRunFiles() {}

  /**
   * Adds {@code client-times.hlog} to a copied sample run and phase windows to its conditions: each
   * mode of the conditions gets an equal share of the run, each second of it 25 responses per
   * request name drawn from that request's server times plus 0.3–1.3 ms of client overhead, with
   * five slow responses in one second of the middle phase (as a GC pause would make).
   */
  public static void addClientTimes(Path gatlingRun) {
    RunFolder folder = new RunFolder(gatlingRun);
    try {
      RunConditions c = RunConditions.read(folder.conditions());
      ServerTimes server = ServerTimes.read(folder.serverTimes());
      long start = Instant.parse(c.startedAt()).toEpochMilli() / 1000 * 1000;
      long seconds = Math.max(c.modes().size(), Math.round(c.durationSeconds()));
      long perPhase = seconds / c.modes().size();
      List<PhaseWindow> phases = new ArrayList<>();
      ClientTimes times = new ClientTimes();
      SplittableRandom random = new SplittableRandom(42);
      for (int m = 0; m < c.modes().size(); m++) {
        String mode = c.modes().get(m);
        long from = start + m * perPhase * 1000;
        phases.add(new PhaseWindow(mode, from, from + perPhase * 1000));
        for (Map.Entry<String, ?> request : server.byRequest().entrySet()) {
          if (!RequestName.parse(request.getKey()).mode().equals(mode)) {
            continue;
          }
          Histogram total = server.total(request.getKey());
          for (long s = 0; s < perPhase; s++) {
            boolean pause = m == c.modes().size() / 2 && s == perPhase / 2;
            for (int i = 0; i < 25; i++) {
              long slow = pause && i < 5 ? 4 : 1;
              long micros =
                  total.getValueAtPercentile(random.nextDouble() * 100) * slow
                      + 300
                      + random.nextLong(1_000);
              times.record(request.getKey(), from + s * 1000 + i * 40, micros);
            }
          }
        }
      }
      times.write(folder.clientTimes());
      new RunConditions(
              c.simulation(),
              c.startedAt(),
              c.durationSeconds(),
              c.users(),
              c.clients(),
              c.modes(),
              c.inference(),
              c.baseUrl(),
              c.embedded(),
              c.latencyInjection(),
              c.gitCommit(),
              c.jvm(),
              c.cores(),
              c.loadGeneratorCpuSeconds(),
              c.targetCpuSeconds(),
              c.arrivalRatePerSecond(),
              phases,
              c.app(),
              null,
              null,
              null,
              null,
              c.cluster())
          .write(folder.conditions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds {@code saturation.csv} as the simulations' sampler writes it, one sample a second over the
   * run: sync's pool 16 threads with a queue that builds to 40 in the middle of the run, async's
   * commands on two event loops, the inference executor's queue, plus series the chart leaves out
   * (bounds, counters, CPU).
   */
  public static void addSaturation(Path gatlingRun) {
    RunFolder folder = new RunFolder(gatlingRun);
    try {
      RunConditions c = RunConditions.read(folder.conditions());
      long start = Instant.parse(c.startedAt()).toEpochMilli() / 1000 * 1000;
      long seconds = Math.round(c.durationSeconds());
      StringBuilder csv = new StringBuilder("epoch_ms,series,value\n");
      for (long s = 0; s < seconds; s++) {
        long at = start + s * 1000 + 250;
        double queued = Math.max(0, 40 - 10 * Math.abs(s - seconds / 2.0));
        line(csv, at, "aerobench_style_workers{client_type=\"sync\",state=\"limit\"}", 16);
        line(
            csv,
            at,
            "aerobench_style_workers{client_type=\"sync\",state=\"active\"}",
            queued > 0 ? 16 : 3);
        line(csv, at, "aerobench_style_workers{client_type=\"sync\",state=\"queued\"}", queued);
        for (int loop = 0; loop < 2; loop++) {
          line(
              csv,
              at,
              "aerospike_client_event_loop_commands{client=\"shared\",loop=\""
                  + loop
                  + "\",state=\"in_process\"}",
              2 + loop);
        }
        line(csv, at, "aerobench_inference_executor{state=\"queued\"}", s % 3);
        line(csv, at, "aerobench_style_reads_total{client_type=\"sync\"}", 100 * s);
        line(csv, at, "cpu.app.seconds", 0.5 * s);
      }
      java.nio.file.Files.writeString(folder.saturation(), csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds two faults played on a 3-node emulated cluster to a run that has client times ({@link
   * #addClientTimes}): {@code stop node 2} at 40 % of the run and {@code freeze node 1 for 2 s} at
   * 70 %, and {@code client-errors.csv} with 3 failed responses per request name of the first
   * client in each of the two seconds after the stop.
   */
  public static void addFaults(Path gatlingRun) {
    RunFolder folder = new RunFolder(gatlingRun);
    try {
      RunConditions c = RunConditions.read(folder.conditions());
      long start = Instant.parse(c.startedAt()).toEpochMilli() / 1000 * 1000;
      long stopAt = start + Math.round(c.durationSeconds() * 400);
      long freezeAt = start + Math.round(c.durationSeconds() * 700);
      ClientErrors errors = new ClientErrors();
      for (String request : ClientTimes.read(folder.clientTimes()).bySecond().keySet()) {
        if (RequestName.parse(request).client().equals(c.clients().get(0))) {
          for (int i = 0; i < 6; i++) {
            errors.record(request, stopAt + 1000 * (i / 3));
          }
        }
      }
      errors.write(folder.clientErrors());
      withCluster(
              c,
              new RunConditions.Cluster(
                  3,
                  2,
                  List.of(3101, 3102, 3103),
                  "off",
                  "stop:2@6s,freeze:1@11s+2s",
                  List.of(
                      fault(stopAt - start, stopAt, "stop", 2, 0, 1, "ok stopped node 2"),
                      fault(freezeAt - start, freezeAt, "freeze", 1, 2000, 3, "ok frozen 1"))))
          .write(folder.conditions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fault sent at its planned offset, with an {@code ok} reply. */
  public static FaultEvent fault(
      long offsetMillis,
      long epochMillis,
      String action,
      int node,
      long lengthMillis,
      int via,
      String reply) {
    return new FaultEvent(
        offsetMillis,
        offsetMillis,
        epochMillis,
        action,
        node,
        lengthMillis,
        "aerobench-cluster:"
            + action
            + "="
            + node
            + (lengthMillis > 0 ? ";ms=" + lengthMillis : ""),
        via,
        reply,
        reply.startsWith("ok"));
  }

  /** The same conditions with an emulated cluster. */
  public static RunConditions withCluster(RunConditions c, RunConditions.Cluster cluster) {
    return new RunConditions(
        c.simulation(),
        c.startedAt(),
        c.durationSeconds(),
        c.users(),
        c.clients(),
        c.modes(),
        c.inference(),
        c.baseUrl(),
        c.embedded(),
        c.latencyInjection(),
        c.gitCommit(),
        c.jvm(),
        c.cores(),
        c.loadGeneratorCpuSeconds(),
        c.targetCpuSeconds(),
        c.arrivalRatePerSecond(),
        c.phases(),
        c.app(),
        c.callOrder(),
        c.loadModel(),
        c.warmup(),
        c.database(),
        cluster);
  }

  private static void line(StringBuilder csv, long at, String series, double value) {
    csv.append(at)
        .append(",\"")
        .append(series.replace("\"", "\"\""))
        .append("\",")
        .append(value)
        .append('\n');
  }

  /**
   * Two latency profiles × sync, async, virtual: sync breaks on its own (the style's limit), async
   * reaches the machine's, virtual never breaks.
   */
  public static CapacityStudy capacity() {
    List<ProfileCapacity> profiles = new ArrayList<>();
    String[][] profile = {{"reference", "log-normal median 2 ms, p99 10 ms"}, {"remote", "20/100"}};
    for (int p = 0; p < profile.length; p++) {
      double slower = p == 0 ? 1 : 3;
      profiles.add(
          new ProfileCapacity(
              profile[p][0],
              profile[p][1],
              List.of(
                  client(profile[p][0], "sync", slower, 160 / slower, "style"),
                  client(profile[p][0], "async", slower, 240 / slower, "machine"),
                  client(profile[p][0], "virtual", slower, Double.MAX_VALUE, "none")),
              List.of(
                  "async sustains 2.00× sync's rate (" + profile[p][0] + ")",
                  "virtual sustains at least 2.00× sync's rate (" + profile[p][0] + ")")));
    }
    return new CapacityStudy(
        "single", true, List.of("p95 over 100 ms", "errors over 1%"), profiles);
  }

  private static ClientCapacity client(
      String profile, String client, double slower, double breaksAbove, String limit) {
    List<Level> levels = new ArrayList<>();
    Double sustainable = null;
    Double knee = null;
    double maxAchieved = 0;
    for (double offered : new double[] {20, 40, 80, 160, 320}) {
      boolean broken = offered > breaksAbove;
      double achieved = broken ? breaksAbove * 0.9 + offered * 0.05 : offered * 0.99;
      double p95 = 4 * slower * (broken ? 40 : 1 + offered / breaksAbove);
      if (knee == null && p95 >= 2 * 4 * slower * (1 + 20 / breaksAbove)) {
        knee = offered;
      }
      if (!broken && levels.stream().noneMatch(Level::broken)) {
        sustainable = offered;
      }
      maxAchieved = Math.max(maxAchieved, achieved);
      levels.add(
          new Level(
              profile + "@" + (long) offered,
              client,
              profile,
              offered,
              achieved,
              p95 / 2,
              p95,
              p95 * 1.5,
              (long) (offered * 20),
              broken ? 3.5 : 0,
              broken ? List.of("p95 " + (long) p95 + " ms over 100 ms") : List.of(),
              Map.of(),
              limit.equals("machine") && broken ? 97 : 60,
              30,
              limit.equals("machine") && broken,
              false));
    }
    return new ClientCapacity(client, sustainable, knee, limit, maxAchieved, levels, null);
  }
}
