package org.aerobench.report.render;

import java.util.ArrayList;
import java.util.List;
import org.aerobench.report.capacity.CapacityStudy.ClientCapacity;
import org.aerobench.report.capacity.CapacityStudy.ProfileCapacity;
import org.aerobench.report.compare.Comparison;
import org.aerobench.report.compare.Comparison.MetricRow;
import org.aerobench.report.compare.Comparison.ModeComparison;
import org.aerobench.report.compare.Comparison.PromRow;
import org.aerobench.report.compare.Comparison.StageRow;
import org.aerobench.report.compare.FaultImpact;
import org.aerobench.report.compare.Saturation;
import org.aerobench.report.compare.Timeline;

/** The comparison's tables, formatted once for every output. */
public final class ComparisonTables {

  private ComparisonTables() {}

  /**
   * One line per fault played on the emulated cluster: when, the cluster's reply, and per client
   * the errors until the next fault and the time to recover ({@link FaultImpact}).
   */
  public static Table faults(Comparison c) {
    Timeline t = c.timeline();
    List<String> clients = t.series().stream().map(Timeline.Series::client).toList();
    List<String> headers = new ArrayList<>(List.of("fault", "sent at", "reply"));
    for (String client : clients) {
      headers.add(client + " errors");
      headers.add(client + " p95 before → until next (ms)");
      headers.add(client + " recovery");
    }
    List<List<String>> rows = new ArrayList<>();
    for (Timeline.FaultMark fault : t.faults()) {
      List<String> row = new ArrayList<>();
      row.add(fault.label());
      row.add(String.format(java.util.Locale.ROOT, "%.1f s", fault.atSecond()));
      row.add(fault.reply());
      for (String client : clients) {
        FaultImpact impact =
            t.impacts().stream()
                .filter(i -> i.client().equals(client) && i.atSecond() == fault.atSecond())
                .filter(i -> i.fault().equals(fault.label()))
                .findFirst()
                .orElse(null);
        row.add(
            impact == null || impact.errors() == null
                ? "not counted"
                : impact.errors() + " in " + impact.windowSeconds() + " s");
        row.add(
            impact == null ? "–" : ms(impact.healthyP95Ms()) + " → " + ms(impact.windowP95Ms()));
        row.add(impact == null ? "–" : impact.outcome());
      }
      rows.add(row);
    }
    return new Table(
        "faults",
        "Faults on the emulated cluster: errors until the next fault and time to recover"
            + " (errors 0 and p95 within "
            + FaultImpact.P95_FACTOR
            + "× the pre-fault median p95 for "
            + FaultImpact.HEALTHY_SECONDS
            + " s)",
        headers,
        rows,
        3);
  }

  private static String ms(Double value) {
    return value == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f", value);
  }

  public static Table conditions(Comparison c) {
    List<List<String>> rows = new ArrayList<>();
    c.conditions().forEach((k, v) -> rows.add(List.of(k, v)));
    return new Table("conditions", "Conditions", List.of("condition", "value"), rows, 2);
  }

  /** The load model and every limit, as recorded ("not recorded" where the run did not). */
  public static Table design(Comparison c) {
    List<List<String>> rows = new ArrayList<>();
    c.design().forEach((k, v) -> rows.add(List.of(k, v)));
    return new Table("design", "Load model and limits", List.of("aspect", "as recorded"), rows, 2);
  }

  public static Table mode(Comparison c, ModeComparison mode) {
    List<String> headers = new ArrayList<>(List.of("metric", "source"));
    headers.addAll(mode.clients());
    for (int i = 1; i < mode.clients().size(); i++) {
      headers.add(mode.clients().get(i) + " vs " + mode.clients().get(0));
    }
    List<List<String>> rows = new ArrayList<>();
    for (MetricRow row : mode.rows()) {
      List<String> cells = new ArrayList<>();
      cells.add(label(row));
      cells.add(
          switch (row.source()) {
            case "server" -> "server (total_ms)";
            case "client" -> "client µs (nearest-rank)";
            case "co" -> "client µs, coordinated omission";
            default -> "Gatling";
          });
      int decimals = decimals(row);
      row.values().forEach(v -> cells.add(Format.number(v, decimals)));
      row.advantages().forEach(a -> cells.add(Format.advantage(a, row.unit())));
      rows.add(cells);
    }
    String title =
        "Mode "
            + (mode.mode().isEmpty() ? "(none)" : mode.mode())
            + ": "
            + String.join(", ", mode.requests());
    return new Table("mode-" + mode.mode(), title, headers, rows, 2);
  }

  /** "p95 (ms) ↓", "requests/s ↑". */
  public static String label(MetricRow row) {
    String unit =
        row.unit().equals("req/s") || row.unit().equals("requests") ? "" : " (" + row.unit() + ")";
    return row.metric() + unit + (row.lowerIsBetter() ? " ↓" : " ↑");
  }

  private static int decimals(MetricRow row) {
    if (row.unit().equals("requests")) {
      return 0;
    }
    if (row.source().equals("server")
        || row.source().equals("client")
        || row.source().equals("co")) {
      return 3;
    }
    return switch (row.unit()) {
      case "req/s", "%" -> 2;
      default -> 0;
    };
  }

  public static Table prometheus(Comparison c) {
    List<List<String>> rows = new ArrayList<>();
    for (PromRow r : c.prometheus()) {
      rows.add(
          List.of(
              r.scenario(),
              r.client(),
              Format.number(r.predictP95Ms(), 1),
              Format.number(r.batchReadAllP95Ms(), 1),
              Format.number(r.observations(), 0),
              r.window(),
              Format.number(r.foundRatio(), 3),
              r.oneBucket() == null ? "resolved" : "one bucket: " + r.oneBucket()));
    }
    return new Table(
        "prometheus",
        "Server-side Prometheus p95 (histogram_quantile over the scraped buckets) and the share"
            + " of keys found",
        List.of(
            "scenario",
            "client",
            "window",
            "predict_duration_seconds p95 (ms)",
            "aerospike_batch_read_all_duration_seconds p95 (ms)",
            "observations",
            "records found (mean share)",
            "buckets"),
        rows.stream()
            .map(
                r ->
                    List.of(
                        r.get(0), r.get(1), r.get(5), r.get(2), r.get(3), r.get(4), r.get(6),
                        r.get(7)))
            .toList(),
        3);
  }

  /** Each queue's mean and highest value over the run's 1 Hz samples. */
  public static Table saturation(Comparison c) {
    List<List<String>> rows = new ArrayList<>();
    for (Saturation.Line line : c.saturation().lines()) {
      long samples = line.values().stream().filter(v -> v != null).count();
      rows.add(
          List.of(
              line.name(),
              String.valueOf(samples),
              Format.number(line.mean(), 1),
              Format.number(line.max(), 0)));
    }
    return new Table(
        "saturation",
        "Saturation over time (1 Hz samples of saturation.csv; chart in comparison.html)",
        List.of("queue", "samples", "mean", "max"),
        rows,
        1);
  }

  public static Table stages(Comparison c) {
    List<String> stageNames = new ArrayList<>();
    for (StageRow r : c.stages()) {
      r.meanMs().keySet().stream().filter(s -> !stageNames.contains(s)).forEach(stageNames::add);
    }
    // The total goes last, after the stages it sums.
    if (stageNames.remove("total")) {
      stageNames.add("total");
    }
    List<String> headers = new ArrayList<>(List.of("request", "n"));
    stageNames.forEach(s -> headers.add(s + " mean / p95 (ms)"));
    List<List<String>> rows = new ArrayList<>();
    for (StageRow r : c.stages()) {
      List<String> cells = new ArrayList<>(List.of(r.request(), String.valueOf(r.samples())));
      for (String s : stageNames) {
        cells.add(Format.number(r.meanMs().get(s), 3) + " / " + Format.number(r.p95Ms().get(s), 3));
      }
      rows.add(cells);
    }
    return new Table(
        "stages", "Pipeline decomposition (server times, µs resolution)", headers, rows, 1);
  }

  /** The capacity study's answer: per profile, each client's sustainable rate and limit. */
  public static Table capacity(Comparison c) {
    List<List<String>> rows = new ArrayList<>();
    for (ProfileCapacity profile : c.capacity().profiles()) {
      for (ClientCapacity client : profile.clients()) {
        rows.add(
            List.of(
                profile.profile(),
                profile.latency(),
                client.client(),
                limit(client.limit()),
                Format.number(client.sustainableRate(), 1),
                Format.number(client.kneeRate(), 1),
                Format.number(client.maxAchieved(), 1)));
      }
    }
    return new Table(
        "capacity",
        "Sustainable rate per profile",
        List.of(
            "profile",
            "latency",
            "client",
            "limit",
            "sustainable (req/s) ↑",
            "knee (req/s) ↑",
            "max achieved (req/s) ↑"),
        rows,
        4);
  }

  /** What ended a client's climb; a saturated machine is never the style's limit. */
  static String limit(String limit) {
    return switch (limit) {
      case "style" -> "the style's (it broke while the machine had room)";
      case "machine" ->
          "the machine's (cores, shared inference executor or load generator saturated)";
      case "generator" -> "the load generator's (every client short of its rate): not a capacity";
      case "none" -> "none reached";
      default -> limit;
    };
  }

  /** All tables in reading order, after the verdict (which holds {@link #capacity}). */
  public static List<Table> all(Comparison c) {
    List<Table> tables = new ArrayList<>();
    tables.add(conditions(c));
    tables.add(design(c));
    if (c.capacity() != null) {
      tables.addAll(CapacityTables.all(c.capacity()));
    }
    c.modes().forEach(m -> tables.add(mode(c, m)));
    if (c.timeline() != null && !c.timeline().faults().isEmpty()) {
      tables.add(faults(c));
    }
    if (c.saturation() != null) {
      tables.add(saturation(c));
    }
    if (!c.prometheus().isEmpty()) {
      tables.add(prometheus(c));
    }
    if (!c.stages().isEmpty()) {
      tables.add(stages(c));
    }
    return tables;
  }
}
