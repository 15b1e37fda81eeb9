package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the reference's buckets (10 ms first) and requests of a few ms, every observation lands in
 * the first bucket and every client's "Prometheus p95" reads 9.5 ms: the comparison says so.
 */
class PrometheusResolutionTest {

  @TempDir Path temp;

  @Test
  void histogramsWithMostObservationsInOneBucketAreFlaggedAndExplainedInTheNotes()
      throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    var written =
        ComparisonReport.generate(
            run, temp.resolve("reports"), ComparisonReport.Options.defaults());
    Comparison c = written.comparison();

    var singleAsync =
        c.prometheus().stream()
            .filter(r -> r.scenario().equals("single") && r.client().equals("async"))
            .findFirst()
            .orElseThrow();
    assertThat(singleAsync.oneBucket()).contains("predict 100% in (0, 10] ms");
    assertThat(c.notes())
        .anyMatch(
            n ->
                n.contains("most observations fall in one bucket")
                    && n.contains("not a comparison"));
    assertThat(Files.readString(written.markdown()))
        .contains("one bucket: predict 100% in (0, 10] ms");
  }

  @Test
  void aHistogramThatResolvesTheLatenciesIsNotFlagged() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    // single's predict observations a third each in (0, 10], (10, 25] and (25, 50] ms.
    StringBuilder text = new StringBuilder("# TYPE predict_duration_seconds histogram\n");
    for (String client : new String[] {"sync", "async", "virtual"}) {
      String series = "predict_duration_seconds_bucket{client_type=\"" + client + "\",le=";
      text.append(series).append("\"0.01\"} 100\n");
      text.append(series).append("\"0.025\"} 200\n");
      text.append(series).append("\"0.05\"} 300\n");
      text.append(series).append("\"+Inf\"} 300\n");
    }
    Files.writeString(run.resolve("aerobench/metrics-single.prom"), text);

    Comparison c =
        ComparisonReport.generate(run, temp.resolve("reports"), ComparisonReport.Options.defaults())
            .comparison();

    assertThat(c.prometheus().stream().filter(r -> r.scenario().equals("single")))
        .hasSize(3)
        .allMatch(r -> r.oneBucket() == null);
  }
}
