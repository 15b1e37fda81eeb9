package org.aerobench.report.gatling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aerobench.report.ReportInputException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the stats table of a Gatling 3.15 {@code index.html} (Gatling 3.14+ writes no stats JSON):
 * header cells {@code th#col-N} name the columns, row {@code tr#ROOT} is "All Requests" and rows
 * {@code tr[data-parent]} of {@code table#container_statistics_body} are the requests. Percentile
 * columns are identified by their header ("95th pct"), since {@code gatling.conf} chooses them.
 */
public final class GatlingIndexParser {

  /** The Gatling line whose page layout this parser knows. */
  public static final String EXPECTED_VERSION_PREFIX = "3.15.";

  private static final Pattern PERCENTILE_HEADER =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(?:st|nd|rd|th)\\s+pct", Pattern.CASE_INSENSITIVE);
  private static final List<String> REQUIRED =
      List.of("Total", "OK", "KO", "% KO", "Cnt/s", "Min", "Max", "Mean", "Std Dev");

  private GatlingIndexParser() {}

  /**
   * Parses a run folder's {@code index.html}.
   *
   * @throws ReportInputException naming the file when it is missing, from another Gatling version,
   *     or has no (or an empty) stats table
   */
  public static GatlingStats parse(Path index) {
    if (!Files.isRegularFile(index)) {
      throw new ReportInputException(
          index
              + " is missing: expected Gatling's report page in the run folder (was the run"
              + " interrupted before \"Generating reports\"?)");
    }
    Document page;
    try {
      page = Jsoup.parse(index.toFile(), "UTF-8");
    } catch (IOException e) {
      throw new ReportInputException(index + " cannot be read: " + e.getMessage(), e);
    }
    String version = labelledValue(page, "Version");
    if (version == null) {
      throw new ReportInputException(
          index
              + ": no Gatling version on the page; expected a Gatling "
              + EXPECTED_VERSION_PREFIX
              + "x index.html");
    }
    if (!version.startsWith(EXPECTED_VERSION_PREFIX)) {
      throw new ReportInputException(
          index
              + " was written by Gatling "
              + version
              + "; expected Gatling "
              + EXPECTED_VERSION_PREFIX
              + "x (its stats-table layout is the one this report reads)");
    }
    Map<Integer, String> columns = columns(page, index);
    List<Double> percentiles = new ArrayList<>();
    Map<String, Integer> byLabel = new HashMap<>();
    columns.forEach(
        (col, label) -> {
          Matcher m = PERCENTILE_HEADER.matcher(label);
          if (m.matches()) {
            percentiles.add(Double.parseDouble(m.group(1)));
          }
          byLabel.put(label, col);
        });
    for (String required : REQUIRED) {
      if (!byLabel.containsKey(required)) {
        throw new ReportInputException(
            index
                + ": stats table has no '"
                + required
                + "' column; expected Gatling 3.15's columns "
                + REQUIRED
                + ", found "
                + columns.values());
      }
    }
    Element root = page.selectFirst("table#container_statistics_head tr#ROOT");
    if (root == null) {
      throw new ReportInputException(
          index + ": stats table has no 'All Requests' row (tr#ROOT); the page is incomplete");
    }
    RequestStats all = row(root, "All Requests", columns, index);
    List<RequestStats> requests = new ArrayList<>();
    for (Element tr : page.select("table#container_statistics_body tr[data-parent]")) {
      Element expand = tr.selectFirst("span.expand-button");
      if (expand != null && !expand.hasClass("hidden")) {
        continue; // a group row: its requests follow as their own rows
      }
      Element name = tr.selectFirst("span.ellipsed-name");
      if (name == null) {
        throw new ReportInputException(
            index + ": a stats row (" + tr.id() + ") has no request name (span.ellipsed-name)");
      }
      requests.add(row(tr, name.text().trim(), columns, index));
    }
    if (requests.isEmpty() || all.total() == 0) {
      throw new ReportInputException(
          index
              + ": the stats table has no requests; expected one row per request name such as"
              + " 'single sync' (did the simulation send any request?)");
    }
    return new GatlingStats(
        index,
        version,
        labelledValue(page, "Date"),
        labelledValue(page, "Duration"),
        all,
        requests,
        percentiles);
  }

  /** Column number to header text, from {@code th#col-N}. */
  private static Map<Integer, String> columns(Document page, Path index) {
    Map<Integer, String> columns = new LinkedHashMap<>();
    for (Element th : page.select("table#container_statistics_head th[id^=col-]")) {
      columns.put(Integer.parseInt(th.id().substring(4)), th.text().trim());
    }
    if (columns.isEmpty()) {
      throw new ReportInputException(
          index
              + ": no stats table (table#container_statistics_head with th#col-N headers);"
              + " expected a finished Gatling 3.15 report");
    }
    return columns;
  }

  private static RequestStats row(
      Element tr, String name, Map<Integer, String> columns, Path index) {
    Map<String, String> cells = new HashMap<>();
    Map<Double, Long> percentiles = new LinkedHashMap<>();
    for (var column : columns.entrySet()) {
      Element td = tr.selectFirst("td.col-" + column.getKey());
      if (td == null && column.getKey() > 1) {
        throw new ReportInputException(
            index + ": row '" + name + "' has no cell for column '" + column.getValue() + "'");
      }
      if (td == null) {
        continue;
      }
      String text = td.ownText().trim();
      cells.put(column.getValue(), text);
      Matcher m = PERCENTILE_HEADER.matcher(column.getValue());
      if (m.matches()) {
        percentiles.put(Double.parseDouble(m.group(1)), millis(text, name, index));
      }
    }
    return new RequestStats(
        name,
        count(cells.get("Total"), name, index),
        count(cells.get("OK"), name, index),
        count(cells.get("KO"), name, index),
        decimal(cells.get("% KO"), name, index),
        decimal(cells.get("Cnt/s"), name, index),
        millis(cells.get("Min"), name, index),
        percentiles,
        millis(cells.get("Max"), name, index),
        millis(cells.get("Mean"), name, index),
        millis(cells.get("Std Dev"), name, index));
  }

  private static Long millis(String text, String row, Path index) {
    if (text == null || text.equals("-") || text.isEmpty()) {
      return null;
    }
    return count(text, row, index);
  }

  private static long count(String text, String row, Path index) {
    try {
      return Long.parseLong(text.replace(",", ""));
    } catch (NumberFormatException | NullPointerException e) {
      throw new ReportInputException(
          index + ": row '" + row + "' has '" + text + "' where a whole number was expected");
    }
  }

  private static double decimal(String text, String row, Path index) {
    if (text == null || text.equals("-")) {
      return 0;
    }
    try {
      return Double.parseDouble(text.replace(",", ""));
    } catch (NumberFormatException e) {
      throw new ReportInputException(
          index + ": row '" + row + "' has '" + text + "' where a number was expected");
    }
  }

  /** The text following a {@code span.simulation-information-label} such as "Date: ". */
  private static String labelledValue(Document page, String label) {
    for (Element span : page.select("span.simulation-information-label")) {
      if (span.text().trim().equals(label + ":")) {
        Element value = span.nextElementSibling();
        return value == null ? null : value.text().trim();
      }
    }
    return null;
  }
}
