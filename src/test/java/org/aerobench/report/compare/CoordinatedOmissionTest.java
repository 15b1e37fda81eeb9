package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.compare.Comparison.MetricRow;
import org.aerobench.report.compare.Comparison.ModeComparison;
import org.aerobench.report.run.ClientTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed-model comparison says its percentiles are subject to coordinated omission and shows how
 * many responses a stall hid behind: async stalls for 1 s five times in 100 responses, which a
 * closed user with a 50 ms pause measures five times where one arrival every 50 ms would have
 * measured about 19 more requests each.
 */
class CoordinatedOmissionTest {

  @TempDir Path temp;

  private Path closedRunWithAStallingAsync(String parameters) throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    Files.writeString(run.resolve("aerobench/parameters.txt"), parameters);
    ClientTimes times = new ClientTimes();
    long start = 1_800_000_000_000L;
    for (int i = 0; i < 100; i++) {
      times.record("single sync", start + i * 100L, 5_000);
      times.record("single async", start + i * 100L, i % 20 == 19 ? 1_000_000 : 5_000);
      times.record("single virtual", start + i * 100L, 5_000);
    }
    times.write(run.resolve("aerobench/client-times.hlog"));
    return run;
  }

  private static MetricRow row(Comparison c, String metricStart) {
    ModeComparison single =
        c.modes().stream().filter(m -> m.mode().equals("single")).findFirst().orElseThrow();
    return single.rows().stream()
        .filter(r -> r.source().equals("co") && r.metric().startsWith(metricStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no CO row " + metricStart));
  }

  @Test
  void aClosedRunCountsTheResponsesThatHeldTheirUserBackAndCorrectsThePercentiles()
      throws IOException {
    var written =
        ComparisonReport.generate(
            closedRunWithAStallingAsync("pause=PT0.05S\n"),
            temp.resolve("reports"),
            ComparisonReport.Options.defaults());
    Comparison c = written.comparison();

    assertThat(row(c, "responses > pause 50 ms").values()).containsExactly(0.0, 5.0, 0.0);
    // r = 1 s, p = 50 ms: r − p, r − 2p, … down to p: 19 values per stall.
    assertThat(row(c, "omitted (estimate)").values().get(1)).isBetween(90.0, 100.0);
    assertThat(row(c, "omitted (estimate)").values().get(0)).isZero();
    // Measured, async's p95 is the 95th of 100 values: 5 ms. With the omitted requests, ~1/2 of
    // its distribution is the stall.
    assertThat(row(c, "p95 CO-corrected").values().get(1)).isGreaterThan(500.0);
    assertThat(row(c, "p95 CO-corrected").values().get(0)).isLessThan(6.0);
    assertThat(c.design().get("coordinated omission")).contains("subject to coordinated omission");
    assertThat(c.verdict())
        .anyMatch(v -> v.contains("subject to coordinated omission") && v.contains("5 responses"));
    assertThat(Files.readString(written.markdown()))
        .contains("| responses > pause 50 ms ↓ | client µs, coordinated omission | 0 | 5 | 0 |");
  }

  @Test
  void withoutARecordedPauseItStillSaysSoButAddsNoCorrection() throws IOException {
    Comparison c =
        ComparisonReport.generate(
                closedRunWithAStallingAsync("# no pause\n"),
                temp.resolve("reports"),
                ComparisonReport.Options.defaults())
            .comparison();

    assertThat(c.modes().stream().flatMap(m -> m.rows().stream()))
        .noneMatch(r -> r.source().equals("co"));
    assertThat(c.verdict())
        .anyMatch(
            v -> v.contains("subject to coordinated omission") && v.contains("not estimated"));
  }
}
