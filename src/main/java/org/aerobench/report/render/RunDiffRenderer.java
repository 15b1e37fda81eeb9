package org.aerobench.report.render;

import java.util.ArrayList;
import java.util.List;
import org.aerobench.report.compare.RunDiff;

/** Markdown for {@link RunDiff}. */
public final class RunDiffRenderer {

  private RunDiffRenderer() {}

  public static Table table(RunDiff diff) {
    List<List<String>> rows = new ArrayList<>();
    for (RunDiff.Row r : diff.rows()) {
      int decimals = r.p95Source().equals("server") ? 3 : 0;
      rows.add(
          List.of(
              r.request(),
              Format.number(r.p95Before(), decimals),
              Format.number(r.p95After(), decimals),
              r.p95ChangePercent() == null ? "–" : Format.percent(r.p95ChangePercent()),
              r.noise() == null ? "–" : Format.noise(r.noise(), "ms"),
              r.verdict(),
              Format.number(r.rpsBefore(), 2),
              Format.number(r.rpsAfter(), 2),
              r.rpsChangePercent() == null ? "–" : Format.percent(r.rpsChangePercent())));
    }
    return new Table(
        "run-diff",
        diff.run() + " vs " + diff.against() + " (" + diff.simulation() + ")",
        List.of(
            "request",
            "p95 before (ms) ↓",
            "p95 after (ms) ↓",
            "p95 change",
            "server p95 difference",
            "p95 verdict",
            "req/s before ↑",
            "req/s after ↑",
            "req/s change"),
        rows,
        1);
  }

  public static String markdown(RunDiff diff) {
    Table table = table(diff);
    StringBuilder md = new StringBuilder("# Run vs baseline: " + table.title() + "\n\n");
    md.append(MarkdownRenderer.table(table)).append('\n');
    diff.notes().forEach(n -> md.append("- ").append(n).append('\n'));
    return md.toString();
  }
}
