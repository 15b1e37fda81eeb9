package org.aerobench.simulations.support;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who used the CPU during the load: Gatling's JVM, the target's JVM, and the whole machine, so the
 * output can say whether the load generator starved the target (or itself) and whether other
 * processes interfered.
 *
 * @param wallSeconds wall time of the load
 * @param cores processors available to this JVM
 * @param gatlingCpuSeconds CPU time of Gatling's JVM during the load
 * @param targetCpuSeconds CPU time of the target's JVM during the load, or -1 when unknown
 * @param machineBusy fraction (0..1) of all cores busy during the load, or -1 when unknown
 * @param databaseCpuSeconds CPU time of the embedded Aerospike's own JVM during the load, or -1
 *     when it runs inside the target's JVM (or elsewhere)
 */
public record CpuUsage(
    double wallSeconds,
    int cores,
    double gatlingCpuSeconds,
    double targetCpuSeconds,
    double machineBusy,
    double databaseCpuSeconds) {

  /** Without a database JVM of its own. */
  public CpuUsage(
      double wallSeconds,
      int cores,
      double gatlingCpuSeconds,
      double targetCpuSeconds,
      double machineBusy) {
    this(wallSeconds, cores, gatlingCpuSeconds, targetCpuSeconds, machineBusy, -1);
  }

  /**
   * Above this share of one core, Gatling's own JVM counts as busy enough to distort what it
   * measures: its event loops queue responses before timing them.
   */
  static final double GATLING_BUSY_CORE_SHARE = 0.8;

  /** Above this share of all cores, the load generator and the target compete for CPU. */
  static final double MACHINE_SATURATED = 0.9;

  /** CPU time of this JVM, in seconds. */
  public static double gatlingCpuSecondsNow() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return -1;
  }

  /** Busy and total jiffies of all cores from /proc/stat, or null off Linux. */
  public static long[] machineTicksNow() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = cpu.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) { // user..steal; guest is already in user
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Fraction of the machine busy between two {@link #machineTicksNow} readings, or -1. */
  public static double busyBetween(long[] start, long[] end) {
    if (start == null || end == null || end[1] <= start[1]) {
      return -1;
    }
    return (double) (end[0] - start[0]) / (end[1] - start[1]);
  }

  /** Gatling's CPU as a share of one core. */
  public double gatlingCoreShare() {
    return gatlingCpuSeconds / wallSeconds;
  }

  /** The lines printed at the end of a run: a small table and any warnings. */
  public List<String> summary() {
    double available = wallSeconds * cores;
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "CPU during the load: %.1f s wall x %d cores = %.1f core-seconds available",
            wallSeconds,
            cores,
            available));
    lines.add(row("load generator (Gatling JVM)", gatlingCpuSeconds, available));
    if (databaseCpuSeconds >= 0) {
      lines.add(row("target (app JVM)", targetCpuSeconds, available));
      lines.add(row("embedded db (its own JVM)", databaseCpuSeconds, available));
    } else {
      lines.add(row("target (app JVM + embedded db)", targetCpuSeconds, available));
    }
    if (machineBusy >= 0) {
      double others =
          machineBusy * available
              - gatlingCpuSeconds
              - Math.max(0, targetCpuSeconds)
              - Math.max(0, databaseCpuSeconds);
      lines.add(row("other processes", Math.max(0, others), available));
      lines.add(row("whole machine", machineBusy * available, available));
    }
    if (gatlingCoreShare() > GATLING_BUSY_CORE_SHARE) {
      lines.add(
          String.format(
              Locale.ROOT,
              "WARN: Gatling's JVM used %.0f%% of a core on average (over %.0f%%): the load"
                  + " generator was busy, so its response times include its own queueing. Use"
                  + " fewer users, longer pauses, or run the target on other cores.",
              100 * gatlingCoreShare(),
              100 * GATLING_BUSY_CORE_SHARE));
    }
    if (machineBusy > MACHINE_SATURATED) {
      lines.add(
          String.format(
              Locale.ROOT,
              "WARN: the machine was %.0f%% busy (over %.0f%%): load generator and target"
                  + " competed for CPU, so the target's latency is pessimistic and its throughput"
                  + " a lower bound.",
              100 * machineBusy,
              100 * MACHINE_SATURATED));
    }
    return lines;
  }

  private static String row(String who, double seconds, double available) {
    if (seconds < 0) {
      return String.format(Locale.ROOT, "  %-32s %8s", who, "unknown");
    }
    return String.format(
        Locale.ROOT,
        "  %-32s %8.1f core-s  %5.1f%% of the machine",
        who,
        seconds,
        100 * seconds / available);
  }
}
