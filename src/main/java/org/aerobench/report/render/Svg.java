package org.aerobench.report.render;

import java.util.List;
import java.util.Locale;

/** Small inline-SVG charts (no scripts, no CDN: the report must open offline). */
public final class Svg {

  /** Colour-blind-friendly palette (Okabe–Ito). */
  private static final String[] PALETTE = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"
  };

  private Svg() {}

  public static String colour(int index) {
    return PALETTE[index % PALETTE.length];
  }

  /** The palette, for the scripted charts: a client has one colour on the whole page. */
  public static List<String> palette() {
    return List.of(PALETTE);
  }

  /**
   * Grouped vertical bars: one group per category, one bar per series.
   *
   * @param values values[series][category], null = absent
   */
  public static String groupedBars(
      String id,
      String title,
      String unit,
      List<String> categories,
      List<String> series,
      Double[][] values) {
    int width = 680;
    int height = 300;
    int left = 56;
    int right = 150;
    int top = 30;
    int bottom = 40;
    double max = 0;
    for (Double[] row : values) {
      for (Double v : row) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    double axisMax = niceCeiling(max);
    int plotWidth = width - left - right;
    int plotHeight = height - top - bottom;
    StringBuilder svg = open(id, width, height, title);
    axis(svg, left, top, plotWidth, plotHeight, axisMax, unit);
    double groupWidth = (double) plotWidth / Math.max(1, categories.size());
    double barWidth = groupWidth * 0.8 / Math.max(1, series.size());
    for (int c = 0; c < categories.size(); c++) {
      double groupX = left + c * groupWidth + groupWidth * 0.1;
      for (int s = 0; s < series.size(); s++) {
        Double v = values[s][c];
        if (v == null) {
          continue;
        }
        double h = axisMax == 0 ? 0 : v / axisMax * plotHeight;
        svg.append(
            f(
                "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                    + " fill=\"%s\"><title>%s %s: %s %s</title></rect>\n",
                groupX + s * barWidth,
                top + plotHeight - h,
                Math.max(1, barWidth - 2),
                Math.max(0.5, h),
                colour(s),
                esc(series.get(s)),
                esc(categories.get(c)),
                trim(v),
                unit));
      }
      svg.append(
          f(
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>\n",
              left + (c + 0.5) * groupWidth, top + plotHeight + 18, esc(categories.get(c))));
    }
    legend(svg, left + plotWidth + 16, top, series);
    return svg.append("</svg>\n").toString();
  }

  /**
   * Horizontal stacked bars: one bar per row, one segment per part.
   *
   * @param values values[row][part], null = absent
   */
  public static String stackedBars(
      String id,
      String title,
      String unit,
      List<String> rows,
      List<String> parts,
      Double[][] values) {
    int left = 150;
    int right = 160;
    int top = 30;
    int barHeight = 20;
    int gap = 8;
    int width = 760;
    int plotWidth = width - left - right;
    int height = top + rows.size() * (barHeight + gap) + 40;
    double max = 0;
    for (Double[] row : values) {
      double sum = 0;
      for (Double v : row) {
        sum += v == null ? 0 : v;
      }
      max = Math.max(max, sum);
    }
    double axisMax = niceCeiling(max);
    StringBuilder svg = open(id, width, height, title);
    for (int r = 0; r < rows.size(); r++) {
      double y = top + r * (barHeight + gap);
      svg.append(
          f(
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>\n",
              left - 6, y + barHeight * 0.7, esc(rows.get(r))));
      double x = left;
      for (int p = 0; p < parts.size(); p++) {
        Double v = values[r][p];
        if (v == null || v <= 0) {
          continue;
        }
        double w = axisMax == 0 ? 0 : v / axisMax * plotWidth;
        svg.append(
            f(
                "<rect class=\"segment\" x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"%d\""
                    + " fill=\"%s\"><title>%s %s: %s %s</title></rect>\n",
                x,
                y,
                Math.max(0.5, w),
                barHeight,
                colour(p),
                esc(rows.get(r)),
                esc(parts.get(p)),
                trim(v),
                unit));
        x += w;
      }
    }
    int axisY = top + rows.size() * (barHeight + gap);
    svg.append(
        f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n",
            left, axisY, left + plotWidth, axisY));
    for (int t = 0; t <= 4; t++) {
      double value = axisMax * t / 4;
      double x = left + plotWidth * t / 4.0;
      svg.append(
          f(
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>\n",
              x, axisY + 16, trim(value)));
    }
    svg.append(
        f(
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%s</text>\n",
            left + plotWidth / 2, axisY + 32, esc(unit)));
    legend(svg, left + plotWidth + 16, top, parts);
    return svg.append("</svg>\n").toString();
  }

  private static StringBuilder open(String id, int width, int height, String title) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        f(
            "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
            esc(id), width, height, width, height, esc(title)));
    svg.append(f("<text x=\"8\" y=\"18\" class=\"chart-title\">%s</text>\n", esc(title)));
    return svg;
  }

  private static void axis(
      StringBuilder svg,
      int left,
      int top,
      int plotWidth,
      int plotHeight,
      double max,
      String unit) {
    for (int t = 0; t <= 4; t++) {
      double value = max * t / 4;
      double y = top + plotHeight - plotHeight * t / 4.0;
      svg.append(
          f(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>\n",
              left, y, left + plotWidth, y));
      svg.append(
          f(
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" class=\"tick\">%s</text>\n",
              left - 6, y + 4, trim(value)));
    }
    svg.append(
        f(
            "<text x=\"14\" y=\"%d\" class=\"tick\" transform=\"rotate(-90 14 %d)\""
                + " text-anchor=\"middle\">%s</text>\n",
            top + plotHeight / 2, top + plotHeight / 2, esc(unit)));
  }

  private static void legend(StringBuilder svg, int x, int y, List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      int rowY = y + i * 20;
      svg.append(
          f(
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\" class=\"tick\">%s</text>\n",
              x, rowY, colour(i), x + 18, rowY + 11, esc(names.get(i))));
    }
  }

  /** The smallest 1/2/2.5/5 × 10^k at or above {@code value}; 1 for 0. */
  static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String trim(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e12
        ? String.valueOf((long) v)
        : String.format(Locale.ROOT, "%.3g", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
