package org.aerobench.report.envA;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aerobench.report.render.MarkdownRenderer;
import org.aerobench.report.render.Table;

/**
 * Writes the reference's environment A outputs (§2.3): {@code report.md} (conditions, results,
 * pairwise speedup tables against each baseline, summary) and {@code summary.csv}.
 */
public final class EnvAReport {

  /** The reference's CSV header. */
  public static final String CSV_HEADER =
      "client,set_name,batch_size,concurrency,iterations,mean_ms,p50_ms,p90_ms,p95_ms,p99_ms,"
          + "min_ms,max_ms,stddev_ms,cv,found_ratio,tps";

  private EnvAReport() {}

  /**
   * Writes both files into {@code dir} (created when missing).
   *
   * @param baselines clients the others are compared with, e.g. [sync, sync-executor]; pairs are
   *     every baseline present × every non-baseline client
   */
  public static void write(
      Path dir, EnvAConditions conditions, List<ComboResult> results, List<String> baselines)
      throws IOException {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no results to report: the benchmark measured nothing");
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.md"), markdown(conditions, results, baselines));
    Files.writeString(dir.resolve("summary.csv"), csv(results));
  }

  public static String csv(List<ComboResult> results) {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (ComboResult r : results) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%.4f,%.1f%n",
              r.client(),
              r.set(),
              r.batchSize(),
              r.concurrency(),
              r.iterations(),
              r.mean(),
              r.p50(),
              r.p90(),
              r.p95(),
              r.p99(),
              r.min(),
              r.max(),
              r.stddev(),
              r.cv(),
              r.foundRatio(),
              r.tps()));
    }
    return csv.toString();
  }

  public static String markdown(
      EnvAConditions c, List<ComboResult> results, List<String> baselines) {
    StringBuilder md = new StringBuilder("# Environment A: pure client benchmark\n\n");
    md.append("## Conditions\n\n");
    md.append("- Clients: ").append(String.join(", ", c.clients())).append('\n');
    md.append("- Sets: ")
        .append(c.sets().size())
        .append(" (")
        .append(String.join(", ", c.sets()))
        .append(")\n");
    md.append("- Batch sizes: ").append(c.batchSizes()).append('\n');
    md.append("- Concurrency: ").append(c.concurrency()).append('\n');
    md.append("- Iterations: ")
        .append(c.iterations())
        .append(" (warm-up ")
        .append(c.warmup())
        .append(")\n");
    md.append("- Interleaved client order: ")
        .append(c.interleave() ? "yes" : "no")
        .append("; shuffled keys: ")
        .append(c.shuffleKeys() ? "yes" : "no")
        .append('\n');
    md.append("- Aerospike server: ").append(c.server()).append('\n');
    md.append("- Latency injection: ").append(c.latencyInjection()).append('\n');
    new java.util.TreeMap<>(c.extra())
        .forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
    md.append("\n## Results\n\n").append(MarkdownRenderer.table(results(results))).append('\n');
    List<String> clients = clientsInOrder(results);
    for (String base : baselines) {
      if (!clients.contains(base)) {
        continue;
      }
      for (String challenger : clients) {
        if (baselines.contains(challenger)) {
          continue;
        }
        md.append("## ").append(base).append(" vs ").append(challenger).append("\n\n");
        md.append(MarkdownRenderer.table(pairwise(results, base, challenger))).append('\n');
      }
    }
    md.append("## Summary\n\n").append(MarkdownRenderer.table(summary(results))).append('\n');
    for (String line : summaryLines(results, baselines)) {
      md.append("- ").append(line).append('\n');
    }
    return md.toString();
  }

  /** {@code client | set | batch | conc | mean(ms) | p50 | p90 | p95 | p99 | tps | found% | cv}. */
  public static Table results(List<ComboResult> results) {
    List<List<String>> rows = new ArrayList<>();
    for (ComboResult r : results) {
      rows.add(
          List.of(
              r.client(),
              r.set(),
              String.valueOf(r.batchSize()),
              String.valueOf(r.concurrency()),
              f2(r.mean()),
              f2(r.p50()),
              f2(r.p90()),
              f2(r.p95()),
              f2(r.p99()),
              String.format(Locale.ROOT, "%.1f", r.tps()),
              String.format(Locale.ROOT, "%.1f%%", r.foundRatio() * 100),
              String.format(Locale.ROOT, "%.2f", r.cv())));
    }
    return new Table(
        "results",
        "Results",
        List.of(
            "client",
            "set",
            "batch",
            "conc",
            "mean(ms)",
            "p50",
            "p90",
            "p95",
            "p99",
            "tps",
            "found%",
            "cv"),
        rows,
        2);
  }

  /** Per (set, batch): the two clients' mean, p99, tps and the three speedups. */
  public static Table pairwise(List<ComboResult> results, String left, String right) {
    Map<String, ComboResult> byKey = new LinkedHashMap<>();
    results.forEach(r -> byKey.put(r.client() + "\u0000" + r.set() + "\u0000" + r.batchSize(), r));
    List<List<String>> rows = new ArrayList<>();
    for (ComboResult l : results) {
      if (!l.client().equals(left)) {
        continue;
      }
      ComboResult r = byKey.get(right + "\u0000" + l.set() + "\u0000" + l.batchSize());
      if (r == null) {
        continue;
      }
      rows.add(
          List.of(
              l.set(),
              String.valueOf(l.batchSize()),
              f2(l.mean()),
              f2(l.p99()),
              f2(r.mean()),
              f2(r.p99()),
              times(Speedups.mean(l, r)),
              times(Speedups.p99(l, r)),
              times(Speedups.tps(l, r))));
    }
    return new Table(
        "pair-" + left + "-" + right,
        left + " vs " + right,
        List.of(
            "set",
            "batch",
            left + " mean (ms)",
            left + " p99",
            right + " mean",
            right + " p99",
            "mean speedup",
            "p99 speedup",
            "tps speedup"),
        rows,
        1);
  }

  /** Per client: unweighted means over its combos of mean, p99 and tps. */
  public static Table summary(List<ComboResult> results) {
    List<List<String>> rows = new ArrayList<>();
    for (String client : clientsInOrder(results)) {
      Averages a = averages(results, client).orElseThrow();
      rows.add(
          List.of(client, f2(a.mean()), f2(a.p99()), String.format(Locale.ROOT, "%.1f", a.tps())));
    }
    return new Table(
        "summary",
        "Summary",
        List.of("client", "avg mean (ms)", "avg p99 (ms)", "avg tps"),
        rows,
        1);
  }

  /** "{challenger} vs {base}: {x}x faster latency, {y}x higher throughput". */
  public static List<String> summaryLines(List<ComboResult> results, List<String> baselines) {
    List<String> lines = new ArrayList<>();
    List<String> clients = clientsInOrder(results);
    for (String challenger : clients) {
      if (baselines.contains(challenger)) {
        continue;
      }
      for (String base : baselines) {
        Optional<Averages> b = averages(results, base);
        Optional<Averages> ch = averages(results, challenger);
        if (b.isEmpty() || ch.isEmpty()) {
          continue;
        }
        lines.add(
            String.format(
                Locale.ROOT,
                "%s vs %s: %.1fx faster latency, %.1fx higher throughput",
                challenger,
                base,
                Speedups.mean(b.get().mean(), ch.get().mean()),
                Speedups.tps(b.get().tps(), ch.get().tps())));
      }
    }
    return lines;
  }

  /** Unweighted averages over one client's combos. */
  public record Averages(double mean, double p99, double tps) {}

  public static Optional<Averages> averages(List<ComboResult> results, String client) {
    List<ComboResult> mine = results.stream().filter(r -> r.client().equals(client)).toList();
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Averages(
            mine.stream().mapToDouble(ComboResult::mean).average().orElseThrow(),
            mine.stream().mapToDouble(ComboResult::p99).average().orElseThrow(),
            mine.stream().mapToDouble(ComboResult::tps).average().orElseThrow()));
  }

  private static List<String> clientsInOrder(List<ComboResult> results) {
    return results.stream().map(ComboResult::client).distinct().toList();
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** "4.8×". */
  static String times(double v) {
    return String.format(Locale.ROOT, "%.1f×", v);
  }
}
