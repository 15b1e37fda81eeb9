package org.aerobench.report.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.aerobench.report.capacity.CapacityStudy;
import org.aerobench.report.compare.Comparison;
import org.aerobench.report.compare.Comparison.ModeComparison;
import org.aerobench.report.compare.Distribution;
import org.aerobench.report.compare.Saturation;
import org.aerobench.report.compare.Timeline;

/**
 * The page's interactive charts: uPlot (from its webjar on the classpath) and this project's
 * drawing script, inlined with the data so that comparison.html opens offline, from any folder.
 */
final class UplotCharts {

  private static final String WEBJAR = "/META-INF/resources/webjars/uplot/";
  private static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What the drawing script reads from {@code #chart-data}.
   *
   * @param clients every client in page order: index into the palette
   */
  record PageData(
      List<String> palette,
      List<String> clients,
      List<Distribution> distributions,
      Timeline timeline,
      CapacityStudy capacity,
      Saturation saturation) {}

  private UplotCharts() {}

  /** uPlot's stylesheet. */
  static String css() {
    return asset("dist/uPlot.min.css");
  }

  /**
   * A chart's place on the page; until the script draws into it, it says why it is empty.
   *
   * @param caption how to read the chart
   */
  static String container(String id, String title, String caption) {
    return "<figure class=\"uchart-box\">\n<figcaption>"
        + Svg.esc(title)
        + "</figcaption>\n<div class=\"uchart\" id=\""
        + Svg.esc(id)
        + "\"><p class=\"needs-js\">This chart needs JavaScript; the tables have its numbers.</p>"
        + "</div>\n<p class=\"legend-note\">"
        + Svg.esc(caption)
        + "</p>\n</figure>\n";
  }

  /** The data block, uPlot and the drawing script, for the end of the body. */
  static String scripts(Comparison c) {
    // The baseline first, as in the tables and the SVG charts: it gets the palette's first colour.
    List<String> clients = new ArrayList<>(List.of(c.baseline()));
    for (ModeComparison mode : c.modes()) {
      mode.clients().stream().filter(x -> !clients.contains(x)).forEach(clients::add);
    }
    PageData data =
        new PageData(
            Svg.palette(), clients, c.distributions(), c.timeline(), c.capacity(), c.saturation());
    String json;
    try {
      json = JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart data cannot be written as JSON", e);
    }
    // '<' only occurs inside JSON strings, where its JSON escape means the same: no "</script>"
    // can end the block early.
    json = json.replace("<", "\\u003c");
    return "<script type=\"application/json\" id=\"chart-data\">"
        + json
        + "</script>\n<script>\n"
        + asset("dist/uPlot.iife.min.js")
        + "\n</script>\n<script>\n"
        + resource(UplotCharts.class, "comparison-charts.js")
        + "</script>\n";
  }

  /** uPlot's version, from its webjar: the pom pins it, the page and the README name it. */
  static String version() {
    try (InputStream in = UplotCharts.class.getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException(
            "uPlot's webjar (org.webjars.npm:uplot) is not on the classpath: "
                + WEBJAR_POM
                + " is missing; comparison.html cannot inline its charts");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String asset(String path) {
    return resource(UplotCharts.class, WEBJAR + version() + "/" + path);
  }

  private static String resource(Class<?> base, String name) {
    try (InputStream in = base.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
