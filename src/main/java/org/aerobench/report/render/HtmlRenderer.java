package org.aerobench.report.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.report.compare.Comparison;
import org.aerobench.report.compare.Comparison.MetricRow;
import org.aerobench.report.compare.Comparison.ModeComparison;
import org.aerobench.report.compare.Comparison.StageRow;

/** Writes {@code comparison.html}: one self-contained page, tables plus inline-SVG charts. */
public final class HtmlRenderer {

  private static final String STYLE =
      """
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px;
             color: #222; max-width: 1200px; }
      h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.8em; }
      table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.9em; }
      th, td { border: 1px solid #ccc; padding: 4px 8px; }
      th { background: #f0f3f7; text-align: left; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
      tr:nth-child(even) td { background: #fafafa; }
      td:first-child, td:nth-child(2) { white-space: nowrap; }
      .noise { color: #666; font-size: 0.85em; }
      .chart { display: block; margin: 8px 0 20px; background: #fff; border: 1px solid #e3e3e3; }
      .chart .tick { font-size: 11px; fill: #333; }
      .chart .chart-title { font-size: 13px; font-weight: 600; fill: #222; }
      .chart .grid { stroke: #e5e5e5; } .chart .axis { stroke: #888; }
      .legend-note, .notes { color: #555; font-size: 0.9em; }
      #verdict { border: 1px solid #b9c7d8; background: #f5f8fc; padding: 4px 16px 8px;
                 margin: 12px 0 20px; }
      #verdict h2 { margin-top: 0.6em; } #verdict li { margin: 4px 0; }
      .uchart-box { margin: 8px 0 24px; } .uchart-box figcaption { font-weight: 600; }
      .uchart { min-height: 40px; } .needs-js { color: #a33; }
      """;

  private HtmlRenderer() {}

  /**
   * The page; {@code outDir} is where it will be written, so the link to Gatling's page can be
   * relative and survive moving the project folder.
   */
  public static String comparison(Comparison c, Path outDir) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\">\n")
        .append("<title>Comparison: ")
        .append(Svg.esc(c.run()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append(UplotCharts.css())
        .append("\n</style>\n</head>\n<body>\n");
    html.append("<h1>Comparison: ").append(Svg.esc(c.run())).append("</h1>\n");
    html.append(verdict(c));
    html.append("<p><a id=\"gatling-link\" href=\"")
        .append(Svg.esc(link(outDir, Path.of(c.gatlingIndex()))))
        .append("\">Gatling's own report (index.html)</a></p>\n");
    html.append("<p class=\"legend-note\">Baseline client: <b>")
        .append(Svg.esc(c.baseline()))
        .append("</b>. ↓ lower is better, ↑ higher is better; advantage = (challenger − baseline)")
        .append(" / baseline, × = how many times better. Noise: ")
        .append(Svg.esc(c.bootstrap()))
        .append("; “beyond noise” when the interval excludes 0.</p>\n");
    html.append(table(ComparisonTables.conditions(c)));
    html.append(table(ComparisonTables.design(c)));
    if (c.capacity() != null) {
      CapacityTables.all(c.capacity()).forEach(t -> html.append(table(t)));
    }
    for (ModeComparison mode : c.modes()) {
      html.append(table(ComparisonTables.mode(c, mode)));
      for (String source : List.of("gatling", "server")) {
        String chart = latencyChart(mode, source);
        if (chart != null) {
          html.append(chart);
        }
      }
      if (c.distributions().stream().anyMatch(d -> d.mode().equals(mode.mode()))) {
        html.append(
            UplotCharts.container(
                "chart-nines-" + mode.mode(),
                "Mode " + mode.mode() + ": percentile distribution per client",
                "x: percentile on a nines scale (50%, 90%, 99%, 99.9%: each step ten times rarer),"
                    + " y: latency (log). Solid: server total_ms (µs histograms); dashed: client"
                    + " side as the load generator saw it; points: Gatling's percentile columns"
                    + " when there are no client-side times. A line ends at its maximum."));
      }
    }
    if (c.timeline() != null) {
      html.append("<h2>Latency over time</h2>\n")
          .append(
              UplotCharts.container(
                  "chart-timeline",
                  "Client-side p95 and errors per second, one colour per client (all its phases)",
                  "Dashed grey verticals: phase starts; solid red ones: faults played on the"
                      + " emulated cluster (dotted when the cluster did not say ok). Warm-up,"
                      + " pauses (GC), drift and faults show here; errors (KO per second, dotted,"
                      + " right axis) when the run counted them; the p50 lines are in the legend"
                      + " (click to show)."));
      if (!c.timeline().faults().isEmpty()) {
        html.append(table(ComparisonTables.faults(c)));
      }
    }
    if (c.saturation() != null) {
      html.append(
          UplotCharts.container(
              "chart-saturation",
              "Saturation per second: the app's queues (saturation.csv), same x axis as latency",
              "Solid: in use (workers active, slots in use, commands in process); dashed: waiting"
                  + " (queued). A queue that grows while the latency line climbs is where the time"
                  + " went; hover one chart to follow the other."));
      html.append(table(ComparisonTables.saturation(c)));
    }
    if (!c.prometheus().isEmpty()) {
      html.append(table(ComparisonTables.prometheus(c)));
    }
    if (!c.stages().isEmpty()) {
      html.append(table(ComparisonTables.stages(c)));
      html.append(stageChart(c.stages()));
    }
    if (!c.notes().isEmpty()) {
      html.append("<h2>Notes</h2>\n<ul class=\"notes\">\n");
      c.notes().forEach(n -> html.append("<li>").append(Svg.esc(n)).append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append(UplotCharts.scripts(c));
    return html.append("</body>\n</html>\n").toString();
  }

  /** The answer, before any other table: sentences, and a capacity run's table and charts. */
  private static String verdict(Comparison c) {
    StringBuilder html = new StringBuilder("<section id=\"verdict\">\n<h2>Verdict</h2>\n<ul>\n");
    c.verdict().forEach(v -> html.append("<li>").append(Svg.esc(v)).append("</li>\n"));
    html.append("</ul>\n");
    if (c.capacity() != null) {
      html.append(table(ComparisonTables.capacity(c)));
      html.append(
          UplotCharts.container(
              "chart-capacity-p95",
              "Capacity: client-side p95 against the offered rate",
              "One line per client (colour) and latency profile (dash); y is logarithmic."));
      html.append(
          UplotCharts.container(
              "chart-capacity-achieved",
              "Capacity: achieved against offered rate",
              "A client keeps up while its line follows the grey diagonal."));
    }
    return html.append("</section>\n").toString();
  }

  static String table(Table table) {
    StringBuilder html = new StringBuilder();
    html.append("<h2>").append(Svg.esc(table.title())).append("</h2>\n");
    html.append("<table id=\"").append(Svg.esc(table.id())).append("\">\n<thead><tr>");
    table.headers().forEach(h -> html.append("<th>").append(Svg.esc(h)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : table.rows()) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String[] lines = row.get(i).split("\n", 2);
        html.append(i >= table.numericFrom() ? "<td class=\"num\">" : "<td>")
            .append(Svg.esc(lines[0]));
        if (lines.length > 1) {
          html.append("<br><span class=\"noise\">").append(Svg.esc(lines[1])).append("</span>");
        }
        html.append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  /** Latency per client from one source (ms rows but max, which would squash the others). */
  private static String latencyChart(ModeComparison mode, String source) {
    List<MetricRow> rows =
        mode.rows().stream()
            .filter(r -> r.source().equals(source) && r.unit().equals("ms"))
            .filter(r -> !r.metric().equals("max"))
            .toList();
    if (rows.isEmpty()) {
      return null;
    }
    List<String> categories = rows.stream().map(MetricRow::metric).toList();
    Double[][] values = new Double[mode.clients().size()][rows.size()];
    for (int s = 0; s < mode.clients().size(); s++) {
      for (int c = 0; c < rows.size(); c++) {
        values[s][c] = rows.get(c).values().get(s);
      }
    }
    boolean gatling = source.equals("gatling");
    return Svg.groupedBars(
        (gatling ? "chart-latency-" : "chart-server-") + mode.mode(),
        "Mode "
            + mode.mode()
            + (gatling
                ? ": client-side latency (Gatling, whole ms)"
                : ": server-side total_ms (server times, µs resolution)"),
        "ms",
        categories,
        mode.clients(),
        values);
  }

  private static String stageChart(List<StageRow> stages) {
    List<String> parts = new ArrayList<>();
    for (StageRow row : stages) {
      row.meanMs().keySet().stream()
          .filter(s -> !s.equals("total") && !parts.contains(s))
          .forEach(parts::add);
    }
    Double[][] values = new Double[stages.size()][parts.size()];
    for (int r = 0; r < stages.size(); r++) {
      for (int p = 0; p < parts.size(); p++) {
        values[r][p] = stages.get(r).meanMs().get(parts.get(p));
      }
    }
    return Svg.stackedBars(
        "chart-stages",
        "Pipeline decomposition: mean server time per stage (ms)",
        "ms",
        stages.stream().map(StageRow::request).toList(),
        parts,
        values);
  }

  private static String link(Path outDir, Path target) {
    Path from = outDir.toAbsolutePath().normalize();
    Path to = target.toAbsolutePath().normalize();
    String relative;
    try {
      relative = from.relativize(to).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return to.toUri().toString();
    }
    StringBuilder encoded = new StringBuilder();
    for (String segment : relative.split("/")) {
      if (!encoded.isEmpty()) {
        encoded.append('/');
      }
      encoded.append(
          java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
              .replace("+", "%20"));
    }
    return encoded.toString();
  }
}
