package org.aerobench.report.envA;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvAReportTest {

  @TempDir Path temp;

  private static ComboResult combo(
      String client, String set, int batch, double mean, double p99, double tps) {
    return new ComboResult(
        client,
        set,
        batch,
        10,
        30,
        mean,
        mean,
        mean * 1.2,
        mean * 1.3,
        p99,
        mean / 2,
        p99 * 1.1,
        mean / 10,
        0.1,
        0.5,
        tps);
  }

  /** Two clients, two combos each, numbers chosen so every ratio is easy to check by hand. */
  private static final List<ComboResult> RESULTS =
      List.of(
          combo("sync", "set_1", 50, 100, 200, 100),
          combo("sync", "set_1", 200, 120, 240, 80),
          combo("async", "set_1", 50, 20, 100, 400),
          combo("async", "set_1", 200, 40, 80, 240));

  private static final EnvAConditions CONDITIONS =
      new EnvAConditions(
          List.of("sync", "async"),
          List.of("set_1"),
          List.of(50, 200),
          10,
          30,
          5,
          true,
          true,
          "embedded (in-memory) 127.0.0.1:3000",
          "fixed 1 ms",
          Map.of("JVM", "OpenJDK 25"));

  @Test
  void speedups_follow_the_reference_formulas() {
    ComboResult left = RESULTS.get(0);
    ComboResult right = RESULTS.get(2);
    assertThat(Speedups.mean(left, right)).isEqualTo(5.0); // 100 / 20
    assertThat(Speedups.p99(left, right)).isEqualTo(2.0); // 200 / 100
    assertThat(Speedups.tps(left, right)).isEqualTo(4.0); // 400 / 100
  }

  @Test
  void pairwise_table_prints_speedups_as_x_point_x_times() {
    var table = EnvAReport.pairwise(RESULTS, "sync", "async");
    assertThat(table.headers())
        .containsExactly(
            "set",
            "batch",
            "sync mean (ms)",
            "sync p99",
            "async mean",
            "async p99",
            "mean speedup",
            "p99 speedup",
            "tps speedup");
    assertThat(table.rows().get(0)).endsWith("5.0×", "2.0×", "4.0×");
    // 120/40 = 3.0, 240/80 = 3.0, 240/80 = 3.0
    assertThat(table.rows().get(1)).endsWith("3.0×", "3.0×", "3.0×");
  }

  @Test
  void summary_averages_are_unweighted_means_over_combos() {
    var sync = EnvAReport.averages(RESULTS, "sync").orElseThrow();
    assertThat(sync).isEqualTo(new EnvAReport.Averages(110, 220, 90));
    var async = EnvAReport.averages(RESULTS, "async").orElseThrow();
    assertThat(async).isEqualTo(new EnvAReport.Averages(30, 90, 320));
    // 110/30 = 3.67 -> 3.7; 320/90 = 3.56 -> 3.6
    assertThat(EnvAReport.summaryLines(RESULTS, List.of("sync")))
        .containsExactly("async vs sync: 3.7x faster latency, 3.6x higher throughput");
  }

  @Test
  void writes_report_md_and_summary_csv_in_the_reference_format() throws IOException {
    EnvAReport.write(temp, CONDITIONS, RESULTS, List.of("sync", "sync-executor"));
    String md = Files.readString(temp.resolve("report.md"));
    assertThat(md)
        .contains("## Conditions")
        .contains("- Aerospike server: embedded (in-memory) 127.0.0.1:3000")
        .contains("- Latency injection: fixed 1 ms")
        .contains(
            "| client | set | batch | conc | mean(ms) | p50 | p90 | p95 | p99 | tps | found% | cv |")
        .contains(
            "| sync | set_1 | 50 | 10 | 100.00 | 100.00 | 120.00 | 130.00 | 200.00 | 100.0 | 50.0% | 0.10 |")
        .contains("## sync vs async")
        .doesNotContain("sync-executor vs")
        .contains("| client | avg mean (ms) | avg p99 (ms) | avg tps |")
        .contains("| async | 30.00 | 90.00 | 320.0 |")
        .contains("- async vs sync: 3.7x faster latency, 3.6x higher throughput");
    List<String> csv = Files.readAllLines(temp.resolve("summary.csv"));
    assertThat(csv.get(0)).isEqualTo(EnvAReport.CSV_HEADER);
    assertThat(csv).hasSize(5);
    assertThat(csv.get(1))
        .isEqualTo(
            "sync,set_1,50,10,30,100.000,100.000,120.000,130.000,200.000,50.000,220.000,10.000,0.1000,0.5000,100.0");
  }

  @Test
  void combo_statistics_follow_the_reference_formulas() {
    double[] latencies = {40, 10, 30, 20}; // sorted 10 20 30 40
    double[] walls = {0.05, 0.15}; // mean 0.1 s
    ComboResult r = ComboResult.of("async", "set_1", 50, 2, 2, latencies, walls, 150, 200);
    assertThat(r.mean()).isEqualTo(25.0);
    assertThat(r.p50()).isEqualTo(25.0); // idx 1.5
    assertThat(r.p90()).isCloseTo(37.0, org.assertj.core.api.Assertions.within(1e-9)); // idx 2.7
    assertThat(r.min()).isEqualTo(10.0);
    assertThat(r.max()).isEqualTo(40.0);
    // sample stddev: squares 225+25+25+225 = 500, / 3
    assertThat(r.stddev())
        .isCloseTo(Math.sqrt(500.0 / 3), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.cv()).isCloseTo(r.stddev() / 25.0, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(r.tps()).isCloseTo(20.0, org.assertj.core.api.Assertions.within(1e-9)); // 2 / 0.1 s
    assertThat(r.foundRatio()).isEqualTo(0.75);
  }
}
