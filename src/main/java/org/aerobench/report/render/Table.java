package org.aerobench.report.render;

import java.util.List;

/**
 * A rendered table: already formatted cells, shared by the Markdown and HTML writers so both show
 * exactly the same numbers.
 *
 * @param id stable identifier (HTML id, test hook)
 * @param title heading above the table
 * @param headers column headers
 * @param rows cells, one list per row
 * @param numericFrom index of the first right-aligned column
 */
public record Table(
    String id, String title, List<String> headers, List<List<String>> rows, int numericFrom) {

  public Table {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
  }
}
