package org.aerobench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** TEMPORARY until the report branch's report.envA writer lands: report.md and summary.csv. */
final class EnvAReportFiles {

  private EnvAReportFiles() {}

  static void write(
      Path folder, LocalDateTime startedAt, Map<String, String> conditions, List<ComboOutcome> rs)
      throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("summary.csv"), csv(rs), StandardCharsets.UTF_8);
    Files.writeString(
        folder.resolve("report.md"), markdown(startedAt, conditions, rs), StandardCharsets.UTF_8);
  }

  static String consoleSummary(List<ComboOutcome> rs) {
    return String.join("\n", summary(rs));
  }

  static String csv(List<ComboOutcome> rs) {
    StringBuilder b =
        new StringBuilder(
            "client,set_name,batch_size,concurrency,iterations,mean_ms,p50_ms,p90_ms,p95_ms,"
                + "p99_ms,min_ms,max_ms,stddev_ms,cv,found_ratio,tps\n");
    for (ComboOutcome r : rs) {
      ComboStatistics s = r.stats();
      b.append(
          String.join(
              ",",
              r.client().wireName(),
              r.set().setName(),
              String.valueOf(r.batchSize()),
              String.valueOf(r.concurrency()),
              String.valueOf(r.iterations()),
              f(s.meanMs(), 2),
              f(s.p50Ms(), 2),
              f(s.p90Ms(), 2),
              f(s.p95Ms(), 2),
              f(s.p99Ms(), 2),
              f(s.minMs(), 2),
              f(s.maxMs(), 2),
              f(s.stddevMs(), 2),
              f(s.cv(), 4),
              f(s.foundRatio(), 4),
              f(s.tps(), 1)));
      b.append('\n');
    }
    return b.toString();
  }

  static String markdown(
      LocalDateTime startedAt, Map<String, String> conditions, List<ComboOutcome> rs) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "# Benchmark Report — "
            + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(startedAt)
            + "\n");
    lines.add("## Conditions\n");
    lines.add("| Item | Value |");
    lines.add("|------|-------|");
    conditions.forEach((k, v) -> lines.add("| " + k + " | " + v + " |"));
    lines.add("");
    lines.add("## Results\n");
    lines.add(
        "| client | set | batch | conc | mean(ms) | p50 | p90 | p95 | p99 | tps | found% | cv |");
    lines.add(
        "|--------|-----|-------|------|----------|-----|-----|-----|-----|-----|--------|----|");
    for (ComboOutcome r : rs) {
      ComboStatistics s = r.stats();
      lines.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f%% | %.3f |",
              r.client().wireName(),
              r.set().setName(),
              r.batchSize(),
              r.concurrency(),
              s.meanMs(),
              s.p50Ms(),
              s.p90Ms(),
              s.p95Ms(),
              s.p99Ms(),
              s.tps(),
              s.foundRatio() * 100,
              s.cv()));
    }
    lines.add("");
    for (BenchClientKind[] pair : pairs(rs)) {
      lines.addAll(comparison(rs, pair[0], pair[1]));
      lines.add("");
    }
    lines.add("## Summary\n");
    lines.addAll(summary(rs));
    lines.add("");
    return String.join("\n", lines);
  }

  static List<BenchClientKind[]> pairs(List<ComboOutcome> rs) {
    var seen = rs.stream().map(ComboOutcome::client).distinct().toList();
    List<BenchClientKind[]> pairs = new ArrayList<>();
    for (BenchClientKind challenger : List.of(BenchClientKind.ASYNC, BenchClientKind.VIRTUAL)) {
      for (BenchClientKind base : List.of(BenchClientKind.SYNC, BenchClientKind.SYNC_EXECUTOR)) {
        if (seen.contains(base) && seen.contains(challenger)) {
          pairs.add(new BenchClientKind[] {base, challenger});
        }
      }
    }
    return pairs;
  }

  private static List<String> comparison(
      List<ComboOutcome> rs, BenchClientKind left, BenchClientKind right) {
    String l = left.wireName();
    String r = right.wireName();
    List<String> lines = new ArrayList<>();
    lines.add("## " + l + " vs " + r + "\n");
    lines.add(
        "| set | batch | "
            + l
            + " mean | "
            + l
            + " p99 | "
            + r
            + " mean | "
            + r
            + " p99 | mean speedup | p99 speedup | tps speedup |");
    lines.add(
        "|-----|-------|-------------|------------|--------------|-------------|--------------|-------------|-------------|");
    var sets = new LinkedHashSet<>(rs.stream().map(ComboOutcome::set).toList());
    var batches = new LinkedHashSet<>(rs.stream().map(ComboOutcome::batchSize).toList());
    for (var set : sets) {
      for (int batch : batches) {
        Optional<ComboStatistics> a = find(rs, left, set, batch);
        Optional<ComboStatistics> b = find(rs, right, set, batch);
        if (a.isEmpty() || b.isEmpty()) {
          continue;
        }
        ComboStatistics x = a.get();
        ComboStatistics y = b.get();
        lines.add(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.2fms | %.2fms | %.2fms | %.2fms | %s | %s | %s |",
                set.setName(),
                batch,
                x.meanMs(),
                x.p99Ms(),
                y.meanMs(),
                y.p99Ms(),
                ratio(x.meanMs(), y.meanMs()),
                ratio(x.p99Ms(), y.p99Ms()),
                x.tps() == 0 ? "--" : String.format(Locale.ROOT, "%.1fx", y.tps() / x.tps())));
      }
    }
    return lines;
  }

  private static List<String> summary(List<ComboOutcome> rs) {
    List<String> lines = new ArrayList<>();
    var clients = new TreeSet<>(rs.stream().map(o -> o.client().wireName()).toList());
    for (String name : clients) {
      var mine = rs.stream().filter(o -> o.client().wireName().equals(name)).toList();
      lines.add(
          String.format(
              Locale.ROOT,
              "- **%s**: avg mean=%.2fms, avg p99=%.2fms, avg tps=%.1f",
              name,
              avg(mine, ComboStatistics::meanMs),
              avg(mine, ComboStatistics::p99Ms),
              avg(mine, ComboStatistics::tps)));
    }
    for (BenchClientKind[] pair : pairs(rs)) {
      var base = rs.stream().filter(o -> o.client() == pair[0]).toList();
      var chal = rs.stream().filter(o -> o.client() == pair[1]).toList();
      double bm = avg(base, ComboStatistics::meanMs);
      double cm = avg(chal, ComboStatistics::meanMs);
      double bt = avg(base, ComboStatistics::tps);
      double ct = avg(chal, ComboStatistics::tps);
      if (cm > 0) {
        lines.add(
            String.format(
                Locale.ROOT,
                "- **%s vs %s**: %.1fx faster latency, %.1fx higher throughput",
                pair[1].wireName(),
                pair[0].wireName(),
                bm / cm,
                ct / bt));
      }
    }
    return lines;
  }

  private static double avg(
      List<ComboOutcome> rs, java.util.function.ToDoubleFunction<ComboStatistics> f) {
    return rs.stream().mapToDouble(o -> f.applyAsDouble(o.stats())).average().orElse(0);
  }

  private static Optional<ComboStatistics> find(
      List<ComboOutcome> rs, BenchClientKind c, org.aerobench.data.FeatureSet set, int batch) {
    return rs.stream()
        .filter(o -> o.client() == c && o.set() == set && o.batchSize() == batch)
        .map(ComboOutcome::stats)
        .findFirst();
  }

  private static String ratio(double a, double b) {
    return a == 0 || b == 0 ? "--" : String.format(Locale.ROOT, "%.1fx", a / b);
  }

  private static String f(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
