package org.aerobench.report.gatling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingIndexParserTest {

  @TempDir Path temp;

  private Path index() {
    return SampleRuns.copy(SampleRuns.HEALTHY, temp).resolve("index.html");
  }

  @Test
  void reads_the_version_the_percentile_columns_and_one_row_per_request() {
    GatlingStats stats = GatlingIndexParser.parse(index());
    assertThat(stats.version()).isEqualTo("3.15.1");
    assertThat(stats.percentiles()).containsExactly(50.0, 75.0, 95.0, 99.0);
    assertThat(stats.requests())
        .extracting(RequestStats::name)
        .containsExactlyInAnyOrder(
            "warmup async",
            "single sync",
            "single async",
            "single virtual",
            "gather sync",
            "gather async",
            "gather virtual");
    assertThat(stats.date()).matches("\\d{4}-\\d{2}-\\d{2} .*");
    assertThat(stats.duration()).endsWith("s");
  }

  @Test
  void counts_add_up_and_percentiles_are_ordered() {
    GatlingStats stats = GatlingIndexParser.parse(index());
    long sum = 0;
    for (RequestStats r : stats.requests()) {
      assertThat(r.ok() + r.ko()).as(r.name()).isEqualTo(r.total());
      assertThat(r.min()).isLessThanOrEqualTo(r.percentile(50.0));
      assertThat(r.percentile(50.0)).isLessThanOrEqualTo(r.percentile(75.0));
      assertThat(r.percentile(95.0)).isLessThanOrEqualTo(r.percentile(99.0));
      assertThat(r.percentile(99.0)).isLessThanOrEqualTo(r.max());
      assertThat(r.perSecond()).isPositive();
      sum += r.total();
    }
    assertThat(stats.all().total()).isEqualTo(sum);
    assertThat(stats.all().name()).isEqualTo("All Requests");
  }

  @Test
  void the_columns_are_identified_by_their_headers_not_their_position() throws IOException {
    Path index = index();
    // As if gatling.conf asked for p90 instead of p75.
    String html = Files.readString(index).replace("<span>75th pct</span>", "<span>90th pct</span>");
    Files.writeString(index, html);
    GatlingStats stats = GatlingIndexParser.parse(index);
    assertThat(stats.percentiles()).containsExactly(50.0, 90.0, 95.0, 99.0);
    assertThat(stats.request("single sync").orElseThrow().percentile(90.0)).isNotNull();
    assertThat(stats.request("single sync").orElseThrow().percentile(75.0)).isNull();
  }

  @Test
  void a_missing_page_names_the_file() {
    Path missing = temp.resolve("nowhere/index.html");
    assertThatThrownBy(() -> GatlingIndexParser.parse(missing))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("missing");
  }

  @Test
  void a_page_from_another_gatling_version_is_refused_naming_found_and_expected()
      throws IOException {
    Path index = index();
    Files.writeString(
        index, Files.readString(index).replace("<span>3.15.1</span>", "<span>3.13.5</span>"));
    assertThatThrownBy(() -> GatlingIndexParser.parse(index))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(index.toString())
        .hasMessageContaining("3.13.5")
        .hasMessageContaining("3.15.x");
  }

  @Test
  void a_page_without_a_stats_table_is_refused() throws IOException {
    Path index = index();
    String html = Files.readString(index);
    int start = html.indexOf("<table id=\"container_statistics_head\"");
    int end = html.indexOf("</table>", html.indexOf("<table id=\"container_statistics_body\""));
    Files.writeString(index, html.substring(0, start) + html.substring(end + "</table>".length()));
    assertThatThrownBy(() -> GatlingIndexParser.parse(index))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining("no stats table");
  }

  @Test
  void an_empty_stats_table_is_not_presented_as_a_result() throws IOException {
    Path index = index();
    String html = Files.readString(index);
    int body = html.indexOf("<table id=\"container_statistics_body\"");
    int start = html.indexOf("<tbody>", body) + "<tbody>".length();
    int end = html.indexOf("</tbody>", start);
    Files.writeString(index, html.substring(0, start) + html.substring(end));
    assertThatThrownBy(() -> GatlingIndexParser.parse(index))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining("no requests");
  }

  @Test
  void a_half_written_page_is_refused() throws IOException {
    Path index = index();
    String html = Files.readString(index);
    Files.writeString(index, html.substring(0, html.indexOf("container_statistics_head") - 20));
    assertThatThrownBy(() -> GatlingIndexParser.parse(index))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(index.toString());
  }
}
