package org.aerobench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.aerobench.cli.Main;
import org.aerobench.data.FeatureSet;
import org.aerobench.data.SeedPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A short real run: embedded server started and seeded by the command, every client, two sets. */
class ClientBenchEndToEndTest {

  private static final String CSV_HEADER =
      "client,set_name,batch_size,concurrency,iterations,mean_ms,p50_ms,p90_ms,p95_ms,p99_ms,"
          + "min_ms,max_ms,stddev_ms,cv,found_ratio,tps";

  @TempDir Path out;

  @Test
  @Timeout(120)
  void a_short_run_against_the_embedded_server_writes_the_reports_with_the_seeded_found_ratios()
      throws IOException {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));

    int code =
        cli.execute(
            "client-bench",
            "--clients=sync,sync-callers,async,virtual",
            "--sets=nccsh_adid,4",
            "--batch-sizes=10",
            "--concurrency=2",
            "--iterations=3",
            "--warmup=1",
            "--out=" + out);

    assertThat(code).as("exit code; stderr: %s", stderr).isZero();
    Path folder;
    try (Stream<Path> folders = Files.list(out)) {
      folder = folders.findFirst().orElseThrow();
    }
    assertThat(folder.getFileName().toString()).matches("client-\\d{8}-\\d{6}");
    List<String> csv = Files.readAllLines(folder.resolve("summary.csv"));
    assertThat(csv.get(0)).isEqualTo(CSV_HEADER);
    assertThat(csv).hasSize(1 + 4 * 2);
    for (String row : csv.subList(1, csv.size())) {
      String[] cells = row.split(",");
      assertThat(cells).hasSize(16);
      assertThat(cells[0]).isIn("sync", "sync-callers", "async", "virtual");
      assertThat(cells[2]).isEqualTo("10");
      assertThat(cells[3]).isEqualTo("2");
      assertThat(cells[4]).isEqualTo("3");
      FeatureSet set = FeatureSet.valueOf(cells[1].toUpperCase(Locale.ROOT));
      double seeded = SeedPlan.intendedFound(set, 200, 10) / 10.0;
      assertThat(Double.parseDouble(cells[14])).as("found ratio of %s", row).isEqualTo(seeded);
      assertThat(Double.parseDouble(cells[5])).as("mean of %s", row).isPositive();
      assertThat(Double.parseDouble(cells[15])).as("tps of %s", row).isPositive();
    }
    assertThat(csv.subList(1, csv.size()).stream().map(r -> r.split(",")[1]).distinct())
        .containsExactlyInAnyOrder("nccsh_adid", "nccsh_adid_channelid");
    String report = Files.readString(folder.resolve("report.md"));
    assertThat(report)
        .contains("## Conditions", "## Results", "## Summary")
        .contains("## sync vs async", "## sync vs virtual", "## sync-callers vs async")
        .contains("- Aerospike server: embedded (in-process) 127.0.0.1:")
        .contains("- Latency injection: off");
    assertThat(stdout.toString()).contains("virtual vs sync-callers", "report.md");
    assertThat(stderr.toString()).contains("combo 8/8");
  }

  @Test
  @Timeout(120)
  void a_short_run_against_an_embedded_cluster_reads_every_key_and_records_its_shape()
      throws IOException {
    StringWriter stderr = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(stderr, true));

    int code =
        cli.execute(
            "client-bench",
            "--clients=sync,async",
            "--sets=nccsh_adid",
            "--batch-sizes=200",
            "--concurrency=1",
            "--iterations=2",
            "--warmup=0",
            "--nodes=3",
            "--node-latency=2:fixed-ms=0.2",
            "--replica=master_proles",
            "--batch-max-concurrent-threads=0",
            "--out=" + out);

    assertThat(code).as("exit code; stderr: %s", stderr).isZero();
    Path folder;
    try (Stream<Path> folders = Files.list(out)) {
      folder = folders.findFirst().orElseThrow();
    }
    List<String> csv = Files.readAllLines(folder.resolve("summary.csv"));
    double seeded = SeedPlan.intendedFound(FeatureSet.NCCSH_ADID, 200, 200) / 200.0;
    for (String row : csv.subList(1, csv.size())) {
      assertThat(Double.parseDouble(row.split(",")[14]))
          .as("found ratio of %s", row)
          .isEqualTo(seeded);
    }
    assertThat(Files.readString(folder.resolve("report.md")))
        .contains(
            "- Aerospike server: embedded (in-process) cluster of 3 nodes, replication factor 2:"
                + " 127.0.0.1:")
        .contains("- Latency injection: off; node 2: fixed 0.2 ms")
        .contains("- Client policy: replica MASTER_PROLES, batch maxConcurrentThreads 0");
  }
}
