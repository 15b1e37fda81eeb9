package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aerobench.cli.Main;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.SyntheticRunFiles;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.PhaseWindow;
import org.aerobench.report.run.RunConditions;
import org.aerobench.report.run.RunFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code compare --merge} on copies of a real run: what it sums, and what it refuses and why. */
class RunMergeTest {

  @TempDir Path tmp;
  private Path first;
  private Path second;
  private final StringWriter out = new StringWriter();

  @BeforeEach
  void two_injector_runs_of_one_load() throws IOException {
    first = injectorRun("a");
    second = injectorRun("b");
  }

  private Path injectorRun(String name) throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, Files.createDirectories(tmp.resolve(name)));
    SyntheticRunFiles.addClientTimes(run);
    Files.writeString(
        new RunFolder(run).parameters(), "# effective -D parameters\nusers=3\nclients=[sync]\n");
    return run;
  }

  private int compare(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(args);
  }

  private Path mergedFolder() throws IOException {
    try (Stream<Path> list = Files.list(tmp.resolve("out"))) {
      return list.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  @Test
  void a_merge_sums_every_request_count_and_doubles_the_client_times() throws IOException {
    int exit =
        compare("compare", "--merge", first.toString(), second.toString(), "--out", out("out"));

    assertThat(exit).as(out.toString()).isZero();
    RunData merged = RunData.load(mergedFolder());
    RunData one = RunData.load(first);
    for (RequestStats row : one.gatling().requests()) {
      RequestStats sum = merged.gatling().request(row.name()).orElseThrow();
      assertThat(sum.ok()).isEqualTo(2 * row.ok());
      assertThat(sum.ko()).isEqualTo(2 * row.ko());
      assertThat(merged.clientTimes().orElseThrow().total(row.name()).getTotalCount())
          .isEqualTo(2 * one.clientTimes().orElseThrow().total(row.name()).getTotalCount());
    }
    RunConditions conditions = merged.conditions().orElseThrow();
    assertThat(conditions.users()).isEqualTo(2 * one.conditions().orElseThrow().users());
    assertThat(mergedFolder().resolve("comparison.md")).content().contains("| injectors | 2 (");
  }

  @Test
  void a_merge_keeps_the_recorded_design_and_adds_up_the_injectors_users() throws IOException {
    for (Path run : List.of(first, second)) {
      Path file = run.resolve("aerobench/conditions.json");
      var json = new ObjectMapper();
      var conditions = (ObjectNode) json.readTree(file.toFile());
      conditions.setAll(
          (ObjectNode)
              json.readTree(
                  """
                  {"callOrder": {"policy": "random", "seed": 7},
                   "loadModel": {"kind": "closed", "users": 3, "ratePerSecond": 0.0,
                                 "pauseMs": 50, "pauseDistribution": "constant"},
                   "database": {"where": "own-jvm", "address": "127.0.0.1:4000",
                                "cpuSeconds": 1.0}}
                  """));
      json.writeValue(file.toFile(), conditions);
    }

    int exit =
        compare("compare", "--merge", first.toString(), second.toString(), "--out", out("out"));

    assertThat(exit).as(out.toString()).isZero();
    RunConditions merged = RunData.load(mergedFolder()).conditions().orElseThrow();
    assertThat(merged.callOrder()).isEqualTo(new RunConditions.CallOrder("random", 7));
    assertThat(merged.loadModel().users()).isEqualTo(6);
    assertThat(merged.loadModel().pauseMs()).isEqualTo(50);
    assertThat(merged.database().where()).isEqualTo("own-jvm");
    assertThat(mergedFolder().resolve("comparison.md"))
        .content()
        .contains("| call order | random, seed 7 |")
        .contains("| database | embedded, in its own JVM at 127.0.0.1:4000 |");
  }

  @Test
  void runs_with_another_parameter_are_refused_naming_the_run_and_the_parameter()
      throws IOException {
    Files.writeString(new RunFolder(second).parameters(), "users=5\nclients=[sync]\n");

    int exit =
        compare("compare", "--merge", first.toString(), second.toString(), "--out", out("out"));

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString())
        .contains("cannot merge " + second)
        .contains("parameter users is 5, but 3 in " + first);
  }

  @Test
  void runs_with_other_compared_clients_are_refused() throws IOException {
    Path conditions = new RunFolder(second).conditions();
    Files.writeString(
        conditions,
        Files.readString(conditions)
            .replace("\"sync\", \"async\", \"virtual\"", "\"sync\", \"async\""));

    int exit = compare("compare", "--merge", first.toString(), second.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString())
        .contains("cannot merge " + second)
        .contains("compared clients is [sync, async]");
  }

  @Test
  void phases_started_further_apart_than_the_skew_bound_are_refused() throws IOException {
    List<PhaseWindow> phases = RunConditions.read(new RunFolder(first).conditions()).phases();
    SampleRuns.phases(
        second,
        phases.stream()
            .map(p -> new PhaseWindow(p.label(), p.startEpochMillis() + 5_000, p.endEpochMillis()))
            .toArray(PhaseWindow[]::new));

    int exit =
        compare("compare", "--merge", first.toString(), second.toString(), "--max-skew-ms", "2000");

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString())
        .contains("cannot merge " + second)
        .contains("started 5000 ms apart")
        .contains("beyond the bound of 2000 ms");
  }

  @Test
  void a_run_without_client_times_is_refused_since_its_percentiles_cannot_be_merged()
      throws IOException {
    Files.delete(new RunFolder(second).clientTimes());

    int exit = compare("compare", "--merge", first.toString(), second.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).contains("cannot merge " + second).contains("client-times.hlog");
  }

  @Test
  void several_runs_without_merge_are_refused() {
    int exit = compare("compare", first.toString(), second.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).contains("add --merge");
  }

  private String out(String name) {
    return tmp.resolve(name).toString();
  }
}
