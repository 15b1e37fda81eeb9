package org.aerobench.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.SyntheticRunFiles;
import org.aerobench.report.compare.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict leads every output, and a capacity run's table words a machine limit as such. */
class ComparisonVerdictRenderTest {

  @TempDir Path temp;

  private ComparisonReport.Written written() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    SyntheticRunFiles.addClientTimes(run);
    Comparison c =
        ComparisonReport.generate(run, temp.resolve("reports"), ComparisonReport.Options.defaults())
            .comparison()
            .withCapacity(SyntheticRunFiles.capacity());
    return ComparisonReport.write(c, temp.resolve("reports"));
  }

  @Test
  void the_markdown_opens_with_the_verdict_and_the_sustainable_rate_table() throws IOException {
    String md = Files.readString(written().markdown());

    assertThat(md)
        .startsWith(
            "# Comparison: " + SampleRuns.HEALTHY + "\n\n## Verdict\n\n- Capacity, profile ");
    assertThat(md.indexOf("### Sustainable rate per profile"))
        .isLessThan(md.indexOf("## Conditions"));
    assertThat(md)
        .contains(
            "| reference | log-normal median 2 ms, p99 10 ms | async | the machine's (cores, shared"
                + " inference executor or load generator saturated) |")
        .contains(
            "| reference | log-normal median 2 ms, p99 10 ms | sync | the style's (it broke"
                + " while the machine had room) |")
        // a capacity run's answer is its climb: no per-level p50/p95 sentences in the verdict
        .doesNotContain("- Mode single, p50")
        .doesNotContain("warmup, p50");
  }

  @Test
  void the_json_carries_the_verdict_first_and_the_chart_data() throws IOException {
    var written = written();
    JsonNode json = new ObjectMapper().readTree(written.json().toFile());

    var fields = json.fieldNames();
    assertThat(List.of(fields.next(), fields.next())).containsExactly("run", "verdict");
    assertThat(json.get("verdict").get(0).asText()).startsWith("Capacity, profile reference");
    assertThat(json.get("verdict").toString()).contains("the machine's limit");
    JsonNode single = json.get("distributions").get(1);
    assertThat(single.get("mode").asText()).isEqualTo("single");
    assertThat(single.get("series").findValuesAsText("source")).contains("server", "client");
    assertThat(json.get("timeline").get("series").findValuesAsText("client"))
        .containsExactly("sync", "async", "virtual");
    assertThat(json.get("capacity").get("profiles")).hasSize(2);
  }

  @Test
  void the_page_inlines_upLot_and_its_data_and_needs_no_network() throws IOException {
    String html = Files.readString(written().html());

    assertThat(html.indexOf("id=\"verdict\"")).isLessThan(html.indexOf("<table"));
    assertThat(html).contains("/*! https://github.com/leeoniya/uPlot (v" + UplotCharts.version());
    assertThat(html).contains("<script type=\"application/json\" id=\"chart-data\">");
    // No script, style or image is fetched: the page opens from a folder, offline.
    assertThat(html)
        .doesNotContainPattern("<script[^>]+src=")
        .doesNotContainPattern("<link[^>]+href=");
  }
}
