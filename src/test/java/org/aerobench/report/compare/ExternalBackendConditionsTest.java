package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.run.RunConditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run against a real server says so, with its build, from what the app reported in /info (the
 * harness used to decide "embedded" from whether it had started the app itself).
 */
class ExternalBackendConditionsTest {

  @TempDir Path temp;

  @Test
  void a_run_whose_app_reported_an_external_server_shows_external_with_its_build()
      throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp);
    Path file = run.resolve("aerobench").resolve("conditions.json");
    RunConditions c = RunConditions.read(file);
    Map<String, Object> app =
        Map.of("aerospike", Map.of("embedded", false, "build", "8.1.2.0", "nodes", "[BB9]"));
    new RunConditions(
            c.simulation(),
            c.startedAt(),
            c.durationSeconds(),
            c.users(),
            c.clients(),
            c.modes(),
            c.inference(),
            c.baseUrl(),
            false,
            c.latencyInjection(),
            c.gitCommit(),
            c.jvm(),
            c.cores(),
            c.loadGeneratorCpuSeconds(),
            c.targetCpuSeconds(),
            c.arrivalRatePerSecond(),
            c.phases(),
            app,
            null,
            null,
            null,
            null,
            null)
        .write(file);

    RunConditions back = RunConditions.read(file);
    ComparisonReport.Written written =
        ComparisonReport.generate(
            run, temp.resolve("reports"), ComparisonReport.Options.defaults());

    assertThat(back.aerospikeBuild()).contains("8.1.2.0");
    assertThat(back.app()).containsKey("aerospike");
    assertThat(Files.readString(written.markdown())).contains("external, build 8.1.2.0");
  }

  @Test
  void conditions_written_before_the_app_field_existed_still_read_with_no_app() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp);

    RunConditions c = RunConditions.read(run.resolve("aerobench").resolve("conditions.json"));

    assertThat(c.app()).isNull();
    assertThat(c.aerospikeBuild()).isEmpty();
  }
}
