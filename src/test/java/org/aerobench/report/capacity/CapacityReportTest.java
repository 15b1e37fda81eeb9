package org.aerobench.report.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder with a capacity.json turns into the capacity object, tables and verdict. */
class CapacityReportTest {

  @TempDir Path temp;

  private static final BreakRules RULES = BreakRules.of(Map.of("sync", 500.0, "async", 300.0), 2);

  private static Level level(String client, double offered, double achieved, double p95) {
    return new Level(
        "reference@" + BreakRules.num(offered),
        client,
        "reference",
        offered,
        achieved,
        p95 / 2,
        p95,
        p95 * 2,
        500,
        0,
        RULES.brokenBy(client, offered, achieved, p95, 0),
        client.equals("sync")
            ? Map.of(
                CapacityVerdict.WORKER_LIMIT,
                16.0,
                CapacityVerdict.READS_PER_REQUEST,
                9.0,
                CapacityVerdict.READ_MEAN_MS,
                27.0,
                "workers.active",
                15.2,
                "workers.queued",
                31.0,
                "workers.active.max",
                16.0,
                "workers.queued.max",
                80.0)
            : Map.of("eventloop.in_process", 12.0, "eventloop.queued", 0.0),
        40,
        12,
        false,
        false);
  }

  @Test
  void capacity_json_becomes_the_capacity_object_the_verdict_and_the_level_tables()
      throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp);
    new CapacityRun(
            "gather",
            true,
            25,
            5,
            List.of("sync", "async"),
            List.of(new CapacityRun.Profile("reference", "log-normal median 20 ms, p99 100 ms")),
            RULES,
            List.of(
                level("sync", 40, 40, 200),
                level("sync", 80, 63, 4100),
                level("async", 40, 40, 150),
                level("async", 80, 80, 160)))
        .write(new RunFolder(run).capacity());

    var written =
        ComparisonReport.generate(
            run, temp.resolve("reports"), ComparisonReport.Options.defaults());

    JsonNode capacity = new ObjectMapper().readTree(written.json().toFile()).get("capacity");
    JsonNode sync = capacity.get("profiles").get(0).get("clients").get(0);
    assertThat(sync.get("client").asText()).isEqualTo("sync");
    assertThat(sync.get("sustainableRate").asDouble()).isEqualTo(40.0);
    assertThat(sync.get("kneeRate").asDouble()).isEqualTo(80.0);
    assertThat(sync.get("littleBound").get("boundRate").asDouble()).isBetween(65.8, 65.9);
    JsonNode broken = sync.get("levels").get(1);
    assertThat(broken.get("brokenBy").get(0).asText()).isEqualTo("p95 4100.0 ms > SLO 500 ms");
    for (String field : List.of("offered", "achieved", "p50Ms", "p95Ms", "p99Ms", "errorRate")) {
      assertThat(broken.has(field)).as(field).isTrue();
    }
    String md = Files.readString(written.markdown());
    assertThat(md)
        .contains(
            "- Capacity, profile reference (log-normal median 20 ms, p99 100 ms), sync: sustains 40")
        .contains("## Little's-law bound of the blocking pools")
        .contains("| reference | sync | reference@40 | 16 | 9.00 | 27.00 | 65.8 | 63.0 |")
        .contains("| reference@80 | sync | 80.0 | 63.0 |")
        .contains("15.2 / 31.0 (max 16 / 80)");
    String html = Files.readString(written.html());
    assertThat(html).contains("id=\"capacity-little\"").contains("id=\"capacity-levels\"");
  }
}
