package org.aerobench.report.render;

import java.util.List;
import org.aerobench.report.compare.Comparison;

/** Writes Markdown tables (GitHub flavour). */
public final class MarkdownRenderer {

  private MarkdownRenderer() {}

  public static String table(Table table) {
    StringBuilder md = new StringBuilder();
    md.append("| ").append(String.join(" | ", escape(table.headers()))).append(" |\n|");
    for (int i = 0; i < table.headers().size(); i++) {
      md.append(i >= table.numericFrom() ? "---:|" : "---|");
    }
    md.append('\n');
    for (List<String> row : table.rows()) {
      md.append("| ").append(String.join(" | ", escape(row))).append(" |\n");
    }
    return md.toString();
  }

  private static List<String> escape(List<String> cells) {
    return cells.stream().map(c -> c.replace("|", "\\|").replace("\n", "; ")).toList();
  }

  public static String comparison(Comparison c) {
    StringBuilder md = new StringBuilder();
    md.append("# Comparison: ").append(c.run()).append("\n\n");
    verdict(md, c);
    md.append("Gatling report: `")
        .append(c.gatlingIndex())
        .append("`. Baseline client: `")
        .append(c.baseline())
        .append("`. ↓ lower is better, ↑ higher is better; advantage = (challenger − baseline)")
        .append(" / baseline and × = how many times better. Noise: ")
        .append(c.bootstrap())
        .append("; \"beyond noise\" when the interval excludes 0.\n\n");
    for (Table table : ComparisonTables.all(c)) {
      md.append("## ").append(table.title()).append("\n\n").append(table(table)).append('\n');
    }
    if (!c.notes().isEmpty()) {
      md.append("## Notes\n\n");
      c.notes().forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }

  /** The answer first: the verdict sentences, and a capacity run's sustainable-rate table. */
  private static void verdict(StringBuilder md, Comparison c) {
    md.append("## Verdict\n\n");
    c.verdict().forEach(v -> md.append("- ").append(v).append('\n'));
    md.append('\n');
    if (c.capacity() != null) {
      Table capacity = ComparisonTables.capacity(c);
      md.append("### ")
          .append(capacity.title())
          .append("\n\n")
          .append(table(capacity))
          .append('\n');
    }
  }
}
