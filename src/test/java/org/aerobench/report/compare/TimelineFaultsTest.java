package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.SyntheticRunFiles;
import org.aerobench.report.run.ClientErrors;
import org.aerobench.report.run.ClientTimes;
import org.aerobench.report.run.FaultEvent;
import org.aerobench.report.run.PhaseWindow;
import org.aerobench.report.run.RunConditions;
import org.aerobench.report.run.RunFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults played on the emulated cluster, on the comparison's timeline: a fabricated 60 s run (10 s
 * warm-up) of sync (5 ms) and async (4 ms), 20 responses a second each. At 20.3 s node 2 stops:
 * sync fails 5 calls a second and answers in 50 ms for three seconds, async does not notice. At 40
 * s node 1 freezes: sync fails 2 calls a second to the end, async answers in 40 ms for five
 * seconds. A third fault was due after the load ended and was never sent.
 */
class TimelineFaultsTest {

  @TempDir Path temp;
  private Path run;
  private long start;

  @BeforeEach
  void fabricateARunWithFaults() throws IOException {
    run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    RunFolder folder = new RunFolder(run);
    RunConditions sample = RunConditions.read(folder.conditions());
    start = Instant.parse(sample.startedAt()).toEpochMilli() / 1000 * 1000;
    ClientTimes times = new ClientTimes();
    ClientErrors errors = new ClientErrors();
    for (int s = 0; s < 60; s++) {
      String label = s < 10 ? "warmup" : "single";
      boolean stopped = s >= 20 && s < 23;
      boolean frozen = s >= 40;
      for (int i = 0; i < 20; i++) {
        long at = start + s * 1000L + i * 40;
        times.record(label + " sync", at, stopped ? 50_000 : 5_000);
        times.record(label + " async", at, frozen && s < 45 ? 40_000 : 4_000);
        if (stopped && i < 5 || frozen && i < 2) {
          errors.record(label + " sync", at);
        }
      }
    }
    times.write(folder.clientTimes());
    errors.write(folder.clientErrors());
    SampleRuns.phases(
        run,
        new PhaseWindow("warmup", start, start + 10_000),
        new PhaseWindow("single", start + 10_000, start + 60_000));
    RunConditions withPhases = RunConditions.read(folder.conditions());
    SyntheticRunFiles.withCluster(
            withPhases,
            new RunConditions.Cluster(
                3,
                2,
                List.of(3101, 3102, 3103),
                "off",
                "stop:2@10300ms,freeze:1@30s+5s,start:2@2m",
                List.of(
                    SyntheticRunFiles.fault(
                        10_300, start + 20_300, "stop", 2, 0, 1, "ok stopped node 2"),
                    SyntheticRunFiles.fault(
                        30_000, start + 40_000, "freeze", 1, 5_000, 3, "ok frozen 1"),
                    new FaultEvent(
                        120_000,
                        -1,
                        -1,
                        "start",
                        2,
                        0,
                        "aerobench-cluster:start=2",
                        0,
                        "not played: the load ended at 50 s",
                        false))))
        .write(folder.conditions());
  }

  private ComparisonReport.Written generate() throws IOException {
    return ComparisonReport.generate(
        run, temp.resolve("reports"), ComparisonReport.Options.defaults());
  }

  @Test
  void theTimelineMarksEachFaultThatWasSentAndCountsErrorsPerSecondPerClient() throws IOException {
    Timeline timeline = generate().comparison().timeline();

    assertThat(timeline.faults())
        .extracting(Timeline.FaultMark::label)
        .containsExactly("stop node 2", "freeze node 1 for 5 s");
    assertThat(timeline.faults().get(0).atSecond()).isEqualTo(20.3);
    Timeline.Series sync =
        timeline.series().stream().filter(s -> s.client().equals("sync")).findFirst().orElseThrow();
    assertThat(sync.errors()).hasSize(60);
    assertThat(sync.errors().subList(19, 24)).containsExactly(0L, 5L, 5L, 5L, 0L);
    assertThat(sync.errors().get(59)).isEqualTo(2L);
  }

  @Test
  void recoveryIsTheFirstOfFiveHealthySecondsAfterTheFault() throws IOException {
    List<FaultImpact> impacts = generate().comparison().timeline().impacts();

    assertThat(impacts)
        .extracting(
            FaultImpact::fault, FaultImpact::client, FaultImpact::errors, FaultImpact::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("stop node 2", "sync", 15L, "recovered after 3 s"),
            org.assertj.core.groups.Tuple.tuple("stop node 2", "async", 0L, "recovered after 0 s"),
            org.assertj.core.groups.Tuple.tuple(
                "freeze node 1 for 5 s", "sync", 40L, "not recovered by the end of the run"),
            org.assertj.core.groups.Tuple.tuple(
                "freeze node 1 for 5 s", "async", 0L, "recovered after 5 s"));
    // The healthy p95 is the median of the measured seconds before the first fault, warm-up out.
    assertThat(impacts.get(0).healthyP95Ms())
        .isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.05));
    assertThat(impacts.get(0).windowSeconds()).isEqualTo(20);
    assertThat(impacts.get(2).recoveredAfterSeconds()).isNull();
  }

  @Test
  void theMarkdownHasALinePerFaultWithErrorsAndRecoveryPerClient() throws IOException {
    String md = Files.readString(generate().markdown());

    assertThat(md)
        .contains("## Faults on the emulated cluster")
        .contains(
            "| stop node 2 | 20.3 s | ok stopped node 2 | 15 in 20 s | 5.0 → 50.2 | recovered after"
                + " 3 s | 0 in 20 s | 4.0 → 4.0 | recovered after 0 s |")
        .contains(
            "| freeze node 1 for 5 s | 40.0 s | ok frozen 1 | 40 in 20 s | 5.0 → 5.0 | not recovered by the"
                + " end of the run | 0 in 20 s | 4.0 → 40.2 | recovered after 5 s |")
        .contains("| emulated cluster | 3 nodes (ports [3101, 3102, 3103]), replication factor 2")
        .contains("(2 of 3 played ok)");
  }

  @Test
  void thePageCarriesTheFaultsForTheChartAndTheirTable() throws IOException {
    String html = Files.readString(generate().html());

    assertThat(html)
        .contains("\"faults\":[{\"label\":\"stop node 2\",\"atSecond\":20.3,\"ok\":true")
        .contains("\"errors\":[0,")
        .contains("<table id=\"faults\">")
        .contains("solid red ones: faults played on the emulated cluster");
  }

  @Test
  void aRunThatDidNotCountErrorsSaysSoInsteadOfShowingNone() throws IOException {
    Files.delete(new RunFolder(run).clientErrors());

    var written = generate();

    assertThat(written.comparison().timeline().series()).allMatch(s -> s.errors() == null);
    assertThat(written.comparison().timeline().impacts().get(0).errors()).isNull();
    assertThat(Files.readString(written.markdown())).contains("| not counted |");
  }
}
