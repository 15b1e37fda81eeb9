package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.SyntheticRunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's queues sampled at 1 Hz are charted beside latency over time, on the same x axis. */
class SaturationOverTimeTest {

  @TempDir Path temp;

  private ComparisonReport.Written generate(Path run) throws IOException {
    return ComparisonReport.generate(
        run, temp.resolve("reports"), ComparisonReport.Options.defaults());
  }

  @Test
  void theQueuesOfSaturationCsvAreLinesOnTheLatencyTimelinesAxis() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    SyntheticRunFiles.addClientTimes(run);
    SyntheticRunFiles.addSaturation(run);

    var written = generate(run);
    Saturation saturation = written.comparison().saturation();

    assertThat(saturation).isNotNull();
    assertThat(saturation.startEpochMillis())
        .isEqualTo(written.comparison().timeline().startEpochMillis());
    assertThat(saturation.seconds().get(0)).isEqualTo(0.25);
    assertThat(saturation.lines())
        .extracting(Saturation.Line::name)
        .containsExactly(
            "sync workers active",
            "sync workers queued",
            "shared event-loop commands in process",
            "inference executor queued");
    Saturation.Line queued = saturation.lines().get(1);
    assertThat(queued.max()).isEqualTo(40.0);
    assertThat(queued.values()).hasSameSizeAs(saturation.seconds()).contains(0.0, 40.0);
    // Two event loops' commands, summed per sample: 2 + 3.
    assertThat(saturation.lines().get(2).values()).containsOnly(5.0);

    assertThat(Files.readString(written.html()))
        .contains("id=\"chart-saturation\"")
        .contains("\"saturation\":{")
        .contains("<table id=\"saturation\">");
    assertThat(Files.readString(written.markdown()))
        .contains("## Saturation over time")
        .contains("| sync workers queued |");
  }

  @Test
  void aRunWithoutSaturationCsvHasNoSaturationChart() throws IOException {
    var written = generate(SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs")));

    assertThat(written.comparison().saturation()).isNull();
    assertThat(Files.readString(written.html())).doesNotContain("id=\"chart-saturation\"");
  }

  @Test
  void aDamagedSaturationCsvIsRefusedNamingTheFileAndLine() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    Files.writeString(
        run.resolve("aerobench/saturation.csv"), "epoch_ms,series,value\n1000,unquoted,1\n");

    assertThatThrownBy(() -> generate(run))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining("saturation.csv line 2");
  }
}
