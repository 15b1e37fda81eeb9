package org.aerobench.report.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aerobench.report.capacity.CapacityStudy;
import org.aerobench.report.capacity.CapacityStudy.ClientCapacity;
import org.aerobench.report.capacity.CapacityStudy.LittleBound;
import org.aerobench.report.capacity.CapacityStudy.ProfileCapacity;
import org.aerobench.report.capacity.Level;

/**
 * The capacity study's detail tables, after the verdict's sustainable-rate table: the blocking
 * pools' Little's-law bounds beside the measured ceilings, and every level per client with its
 * saturation signals.
 */
final class CapacityTables {

  private CapacityTables() {}

  static List<Table> all(CapacityStudy study) {
    List<Table> tables = new ArrayList<>();
    Table little = little(study);
    if (!little.rows().isEmpty()) {
      tables.add(little);
    }
    tables.add(levels(study));
    return tables;
  }

  static Table little(CapacityStudy study) {
    List<List<String>> rows = new ArrayList<>();
    for (ProfileCapacity profile : study.profiles()) {
      for (ClientCapacity client : profile.clients()) {
        LittleBound b = client.littleBound();
        if (b == null) {
          continue;
        }
        rows.add(
            List.of(
                profile.profile(),
                client.client(),
                b.atLevel(),
                String.valueOf(b.threads()),
                Format.number(b.readsPerRequest(), 2),
                Format.number(b.meanReadMs(), 2),
                Format.number(b.boundRate(), 1),
                Format.number(b.measuredRate(), 1),
                Format.percent(b.disagreement()),
                b.note()));
      }
    }
    return new Table(
        "capacity-little",
        "Little's-law bound of the blocking pools: workers ÷ (reads per request × mean read time)",
        List.of(
            "profile",
            "client",
            "measured at",
            "workers",
            "reads / request",
            "mean read (ms, inside the call)",
            "bound (req/s)",
            "measured ceiling (req/s)",
            "measured vs bound",
            "reading"),
        rows,
        3);
  }

  static Table levels(CapacityStudy study) {
    List<List<String>> rows = new ArrayList<>();
    for (ProfileCapacity profile : study.profiles()) {
      for (ClientCapacity client : profile.clients()) {
        for (Level l : client.levels()) {
          Map<String, Double> s = l.saturation();
          rows.add(
              List.of(
                  l.label(),
                  client.client(),
                  Format.number(l.offered(), 1),
                  Format.number(l.achieved(), 1),
                  Format.number(l.p50Ms(), 1),
                  Format.number(l.p95Ms(), 1),
                  Format.number(l.p99Ms(), 1),
                  Format.number(l.errorRate(), 2),
                  l.brokenBy().isEmpty() ? "held" : String.join("; ", l.brokenBy()),
                  l.generatorSaturated() ? "generator" : l.machineSaturated() ? "machine" : "–",
                  pair(s, "workers.active", "workers.queued"),
                  pair(s, "eventloop.in_process", "eventloop.queued"),
                  pair(s, "inflight.in_use", "inflight.waiting"),
                  pair(s, "inference.active", "inference.queued"),
                  cpu(l.machineBusyPercent()),
                  cpu(l.generatorCpuPercent()),
                  cpu(s.getOrDefault("cpu.app.percent.of.core", -1.0))));
        }
      }
    }
    return new Table(
        "capacity-levels",
        "Every level per client (client side, after the settle window) with its saturation"
            + " signals (mean / max over the level)",
        List.of(
            "level",
            "client",
            "offered (req/s)",
            "achieved (req/s)",
            "p50 (ms)",
            "p95 (ms)",
            "p99 (ms)",
            "errors (%)",
            "broken by",
            "saturated",
            "workers active / queued",
            "event loop in process / queued",
            "in-flight in use / waiting",
            "inference active / queued",
            "machine CPU (% of all cores)",
            "generator CPU (% of a core)",
            "app CPU (% of a core)"),
        rows,
        2);
  }

  /** "mean a / mean b (max a / max b)", or "–" when the client has no such signal. */
  private static String pair(Map<String, Double> s, String a, String b) {
    if (!s.containsKey(a) && !s.containsKey(b)) {
      return "–";
    }
    return Format.number(s.get(a), 1)
        + " / "
        + Format.number(s.get(b), 1)
        + " (max "
        + Format.number(s.get(a + ".max"), 0)
        + " / "
        + Format.number(s.get(b + ".max"), 0)
        + ")";
  }

  private static String cpu(double percent) {
    return percent < 0 ? "–" : Format.number(percent, 0);
  }
}
