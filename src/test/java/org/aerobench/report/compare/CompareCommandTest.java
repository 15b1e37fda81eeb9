package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.aerobench.cli.Main;
import org.aerobench.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void compare_writes_the_report_and_prints_it() {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp);
    int code = run("compare", run.toString(), "--out", temp.resolve("reports").toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("# Comparison: " + SampleRuns.HEALTHY).contains("Wrote ");
    assertThat(temp.resolve("reports").resolve(SampleRuns.HEALTHY).resolve("comparison.html"))
        .exists();
  }

  @Test
  void a_bad_run_folder_prints_one_line_and_exits_2() {
    int code = run("compare", temp.resolve("missing").toString(), "--out", temp.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).doesNotContain("\n").startsWith("compare: ");
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void without_a_run_folder_an_empty_results_folder_is_explained() {
    // The default is the newest run under target/gatling/ relative to the working directory;
    // here we only check that naming a folder without runs gives the one-line error.
    int code = run("compare", temp.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("index.html is missing");
  }

  @Test
  void against_an_earlier_run_prints_the_run_diff_too() {
    Path earlier = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("a"));
    Path later = SampleRuns.copy(SampleRuns.SLOW_ASYNC, temp.resolve("b"));
    int code =
        run(
            "compare",
            later.toString(),
            "--against",
            earlier.toString(),
            "--out",
            temp.resolve("reports").toString());
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("# Run vs baseline: ")
        .contains("worse beyond within-run noise only");
  }

  @Test
  void against_a_run_of_another_simulation_fails_before_writing_anything() throws Exception {
    Path earlier = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("a"));
    Path later = SampleRuns.copy(SampleRuns.SLOW_ASYNC, temp.resolve("b"));
    Path conditions = earlier.resolve("aerobench/conditions.json");
    java.nio.file.Files.writeString(
        conditions,
        java.nio.file.Files.readString(conditions).replace("ReportFixtureSimulation", "FullRun"));
    Path reports = temp.resolve("reports");
    int code =
        run(
            "compare",
            later.toString(),
            "--against",
            earlier.toString(),
            "--out",
            reports.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("FullRun").contains("same simulation");
    assertThat(reports).doesNotExist();
  }

  @Test
  void theBaselineDefaultsToTheRunsFirstClientNotSync() throws Exception {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp);
    Path conditions = run.resolve("aerobench/conditions.json");
    java.nio.file.Files.writeString(
        conditions,
        java.nio.file.Files.readString(conditions)
            .replace(
                "[ \"sync\", \"async\", \"virtual\" ]", "[ \"async\", \"sync\", \"virtual\" ]"));
    Path reports = temp.resolve("reports");

    assertThat(run("compare", run.toString(), "--out", reports.toString())).isZero();
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(reports.resolve(SampleRuns.HEALTHY).resolve("comparison.json").toFile());
    assertThat(json.path("baseline").asText()).isEqualTo("async");
    var single =
        java.util.stream.StreamSupport.stream(json.path("modes").spliterator(), false)
            .filter(m -> m.path("mode").asText().equals("single"))
            .findFirst()
            .orElseThrow();
    assertThat(single.path("clients").get(0).asText()).isEqualTo("async");

    assertThat(
            run(
                "compare",
                run.toString(),
                "--out",
                reports.toString(),
                "--baseline-client",
                "virtual"))
        .isZero();
    json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(reports.resolve(SampleRuns.HEALTHY).resolve("comparison.json").toFile());
    assertThat(json.path("baseline").asText()).isEqualTo("virtual");
  }
}
