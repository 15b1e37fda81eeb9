package org.aerobench.report.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aerobench.cli.Main;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.stats.Bootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GateTest {

  /** The project's own gate file, with the documented defaults. */
  private static final Path CONFIG = Path.of("conf/gate.properties");

  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int gate(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "gate";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  private Path config(String text) throws IOException {
    return Files.writeString(temp.resolve("gate-" + System.nanoTime() + ".properties"), text);
  }

  @Test
  void the_default_gate_passes_on_a_healthy_run() {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp);
    int code = gate(run.toString(), "--config", CONFIG.toString());
    assertThat(out.toString()).contains("PASS");
    assertThat(code).isZero();
  }

  @Test
  void the_default_gate_fails_a_run_made_to_break_it_with_one_line_per_rule() {
    Path run = SampleRuns.copy(SampleRuns.SLOW_ASYNC, temp);
    int code = gate(run.toString(), "--config", CONFIG.toString());
    assertThat(code).isEqualTo(1);
    var failures = out.toString().lines().filter(l -> l.startsWith("FAIL")).toList();
    assertThat(failures)
        .anyMatch(
            l ->
                l.startsWith(
                    "FAIL relative.async.p95.max.ratio.vs.sync=1.1 [single async vs single sync]"))
        .anyMatch(l -> l.startsWith("FAIL errors.max.percent [single virtual]"));
    assertThat(failures).allMatch(l -> l.contains("measured") && l.contains("limit"));
  }

  @Test
  void an_absolute_slo_reports_measured_value_and_limit() throws IOException {
    RunData run = RunData.load(SampleRuns.copy(SampleRuns.HEALTHY, temp));
    long p95 = run.gatling().request("single sync").orElseThrow().percentile(95.0);
    Path config =
        config(
            "slo.sync.p95="
                + (p95 - 1)
                + "\nslo.async.p95=1000\nslo.virtual.p95=1000\n"
                + "ignore.modes=warmup\nslo.modes=single\n");
    Gate.Result result =
        new Gate(GateConfig.read(config), Bootstrap.standard()).check(run, Optional.empty());
    assertThat(result.violations())
        .anySatisfy(
            v -> {
              assertThat(v.rule()).isEqualTo("slo.sync.p95");
              assertThat(v.subject()).isEqualTo("single sync");
              assertThat(v.measured()).isEqualTo((double) p95);
              assertThat(v.limit()).isEqualTo((double) (p95 - 1));
            });
    assertThat(result.violations()).allMatch(v -> v.rule().equals("slo.sync.p95"));
    assertThat(result.violations()).noneMatch(v -> v.subject().startsWith("gather"));
    assertThat(result.notes())
        .contains("'gather sync': no absolute SLO (slo.modes leaves out 'gather')");
  }

  @Test
  void a_percentile_gatling_does_not_show_comes_from_the_server_times() throws IOException {
    RunData run = RunData.load(SampleRuns.copy(SampleRuns.HEALTHY, temp));
    Path config = config("slo.sync.p90=0.001\nunknown.clients=ignore\nignore.modes=warmup\n");
    Gate.Result result =
        new Gate(GateConfig.read(config), Bootstrap.standard()).check(run, Optional.empty());
    assertThat(result.violations())
        .isNotEmpty()
        .allMatch(v -> v.source().contains("server total_ms p90"));
  }

  /** A copy of the healthy sample with synthetic client times, async {@code slowdown} × slower. */
  private Path healthy(String folder, long seed, double slowdown) {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve(folder));
    SampleRuns.clientTimes(run, seed, n -> n.endsWith(" async") ? slowdown : 1);
    return run;
  }

  /** The regression rule alone (the async slowdown would also break the relative rule). */
  private static final String REGRESSION_ONLY =
      "regression.p95.max.percent=10\nunknown.clients=ignore\nignore.modes=warmup\n";

  private int gateRuns(List<Path> runs, List<Path> baselines, String... more) throws IOException {
    List<String> args = new ArrayList<>();
    runs.forEach(r -> args.add(r.toString()));
    args.add("--baseline");
    baselines.forEach(r -> args.add(r.toString()));
    args.addAll(List.of("--config", config(REGRESSION_ONLY).toString()));
    if (!List.of(more).contains("--noise")) {
      args.addAll(List.of("--noise", temp.resolve("none").toString()));
    }
    args.addAll(List.of(more));
    return gate(args.toArray(String[]::new));
  }

  @Test
  void one_run_a_side_without_a_calibration_cannot_fail_a_regression_and_says_why()
      throws IOException {
    int code = gateRuns(List.of(healthy("b", 2, 1.5)), List.of(healthy("a", 1, 1)));
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("'single async' p95 +")
        .contains("one run a side cannot support a regression claim")
        .contains("not counted");
  }

  @Test
  void a_regression_is_flagged_on_run_level_noise_with_two_runs_a_side() throws IOException {
    int code =
        gateRuns(
            List.of(healthy("c1", 3, 1.5), healthy("c2", 4, 1.5)),
            List.of(healthy("b1", 1, 1), healthy("b2", 2, 1)));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAIL regression.p95.max.percent [single async]")
        .contains("hierarchical bootstrap")
        .contains("2+2 runs")
        .contains("client p95 (µs log, nearest-rank)");
  }

  @Test
  void unchanged_code_with_two_runs_a_side_passes() throws IOException {
    int code =
        gateRuns(
            List.of(healthy("c1", 3, 1), healthy("c2", 4, 1)),
            List.of(healthy("b1", 1, 1), healthy("b2", 2, 1)));
    assertThat(out.toString()).doesNotContain("FAIL regression");
    assertThat(code).isZero();
  }

  @Test
  void a_calibration_of_this_machine_lets_one_run_a_side_fail_and_another_machines_is_named()
      throws IOException {
    Path file = temp.resolve("noise.properties");
    List<RunData> calibrationRuns = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      calibrationRuns.add(RunData.load(healthy("cal" + i, 10 + i, 1)));
    }
    NoiseCalibration.measure(calibrationRuns, file).write();
    List<Path> candidate = List.of(healthy("c", 2, 1.5));
    List<Path> baseline = List.of(healthy("b", 1, 1));

    int code = gateRuns(candidate, baseline, "--noise", file.toString());
    assertThat(err.toString()).isEmpty();
    assertThat(out.toString())
        .contains("FAIL regression.p95.max.percent [single async]")
        .contains("between-run spread of " + file);
    assertThat(code).isEqualTo(1);

    Files.writeString(
        file,
        Files.readString(file).replaceFirst("machine.hostname=.*", "machine.hostname=elsewhere"));
    out.getBuffer().setLength(0);
    assertThat(gateRuns(candidate, baseline, "--noise", file.toString())).isZero();
    assertThat(out.toString())
        .contains("WARNING: " + file + " is not used")
        .contains("machine.hostname 'elsewhere'");
  }

  @Test
  void a_baseline_of_another_experiment_is_refused_naming_the_field_unless_allowed()
      throws IOException {
    Path baseline = healthy("b", 1, 1);
    Path conditions = baseline.resolve("aerobench/conditions.json");
    Files.writeString(
        conditions, Files.readString(conditions).replace("\"users\" : 6", "\"users\" : 7"));
    int code = gateRuns(List.of(healthy("c", 2, 1)), List.of(baseline));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("users differs: '6' in").contains("'7' in");
    err.getBuffer().setLength(0);
    assertThat(
            gateRuns(
                List.of(healthy("c2", 2, 1)), List.of(baseline), "--allow-different-conditions"))
        .isZero();
  }

  @Test
  void relative_to_a_control_arm_a_machine_that_is_slower_for_every_arm_is_no_regression()
      throws IOException {
    // Every arm 40 % slower in the candidate runs: the machine, not the code.
    List<Path> candidate = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("c" + i));
      SampleRuns.clientTimes(run, 3 + i, n -> 1.4);
      candidate.add(run);
    }
    List<Path> baseline = List.of(healthy("b1", 1, 1), healthy("b2", 2, 1));
    Path relative = config(REGRESSION_ONLY + "regression.relative.to=sync\n");
    List<String> args = new ArrayList<>();
    candidate.forEach(r -> args.add(r.toString()));
    args.add("--baseline");
    baseline.forEach(r -> args.add(r.toString()));
    args.addAll(List.of("--config", relative.toString(), "--noise", temp.resolve("x").toString()));
    assertThat(gate(args.toArray(String[]::new))).isZero();
    assertThat(out.toString()).doesNotContain("FAIL regression");

    out.getBuffer().setLength(0);
    assertThat(gateRuns(candidate, baseline)).isEqualTo(1);
    assertThat(out.toString()).contains("FAIL regression.p95.max.percent [single sync]");
  }

  @Test
  void calibrate_refuses_fewer_than_three_runs_with_exit_2() {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code =
        cli.execute(
            "calibrate",
            healthy("a", 1, 1).toString(),
            healthy("b", 2, 1).toString(),
            "--out",
            temp.resolve("n.properties").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("at least 3 runs");
  }

  @Test
  void an_a_a_arm_is_held_to_its_styles_slo() throws IOException {
    RunData run = RunData.load(SampleRuns.copy(SampleRuns.HEALTHY, temp));
    GateConfig config = GateConfig.read(config("slo.sync.p95=0.001\nunknown.clients=ignore\n"));
    assertThat(config.slos()).containsKey("sync");
    assertThat(org.aerobench.client.Arm.style("sync#2")).isEqualTo("sync");
    Gate.Result result = new Gate(config, Bootstrap.standard()).check(run, Optional.empty());
    assertThat(result.violations()).anyMatch(v -> v.rule().equals("slo.sync.p95"));
  }

  @Test
  void a_request_whose_client_the_config_does_not_know_is_a_clear_error() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp);
    Path config = config("slo.sync.p95=500\nignore.modes=warmup\n");
    int code = gate(run.toString(), "--config", config.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .doesNotContain("\n")
        .contains(config.toString())
        .contains("single async")
        .contains("[sync]");
  }

  @Test
  void unknown_clients_can_be_ignored_with_a_note() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp);
    Path config = config("slo.sync.p95=500\nunknown.clients=ignore\n");
    int code = gate(run.toString(), "--config", config.toString());
    assertThat(code).isZero();
    assertThat(out.toString()).contains("note: 'single async' has no SLO");
  }

  @Test
  void an_unknown_key_or_a_non_number_in_the_config_is_named() throws IOException {
    Path typo = config("slo.sync.p95=500\nerror.max.percent=2\n");
    assertThatThrownBy(() -> GateConfig.read(typo))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining("error.max.percent")
        .hasMessageContaining("errors.max.percent");
    Path word = config("slo.sync.p95=fast\n");
    assertThatThrownBy(() -> GateConfig.read(word)).hasMessageContaining("slo.sync.p95=fast");
  }

  @Test
  void the_shipped_config_holds_the_reference_thresholds() {
    GateConfig config = GateConfig.read(CONFIG);
    assertThat(config.slos().get("async")).containsEntry(90.0, 200.0).containsEntry(95.0, 300.0);
    assertThat(config.slos().get("sync")).containsEntry(90.0, 400.0).containsEntry(95.0, 500.0);
    assertThat(config.slos().get("virtual")).isEqualTo(config.slos().get("async"));
    assertThat(config.maxErrorPercent()).isEqualTo(2.0);
    assertThat(config.relatives()).contains(new GateConfig.Relative("async", 95, 1.1, "sync"));
  }

  @Test
  void theShippedConfigHoldsEverySteadyModeToTheSlosButNotTheStressRamp() {
    GateConfig config = GateConfig.read(CONFIG);
    for (String steady : List.of("single", "gather", "merge_gather", "lookup", "lookup_gather")) {
      assertThat(config.sloAppliesTo(steady)).as(steady).isTrue();
    }
    assertThat(config.sloAppliesTo("stress")).isFalse();
    assertThat(config.sloAppliesTo("gatherx")).isFalse();
    assertThat(config.ignoredModes()).contains("warmup");
  }

  @Test
  void theShippedGateChecksAGatherRunsLatencyNotOnlyItsErrors() throws IOException {
    RunData run = RunData.load(SampleRuns.copy(SampleRuns.HEALTHY, temp));
    Gate.Result result =
        new Gate(GateConfig.read(CONFIG), Bootstrap.standard()).check(run, Optional.empty());
    assertThat(result.notes()).noneMatch(n -> n.contains("slo.modes leaves out 'gather'"));
    // Held to sync's p95 of 0.001 ms (a copy of the shipped file with that one line changed),
    // gather sync fails: the SLO reached it.
    String shipped = Files.readString(CONFIG).replace("slo.sync.p95=500", "slo.sync.p95=0.001");
    Gate.Result strict =
        new Gate(GateConfig.read(config(shipped)), Bootstrap.standard())
            .check(run, Optional.empty());
    assertThat(strict.violations())
        .anyMatch(v -> v.rule().equals("slo.sync.p95") && v.subject().equals("gather sync"));
  }

  @Test
  void a_relative_rule_broken_only_by_gatling_noise_is_noted_not_counted() throws IOException {
    RunData run = RunData.load(SampleRuns.copy(SampleRuns.HEALTHY, temp));
    // A request against itself: any excess over 0.9x is noise by construction.
    String rule = "relative.async.p50.max.ratio.vs.async=0.9\nunknown.clients=ignore\n";
    Gate.Result noisy =
        new Gate(GateConfig.read(config(rule)), Bootstrap.standard()).check(run, Optional.empty());
    assertThat(noisy.violations()).isEmpty();
    assertThat(noisy.notes())
        .anyMatch(n -> n.contains("not counted") && n.contains("single async"));

    Gate.Result strict =
        new Gate(
                GateConfig.read(config(rule + "relative.require.beyond.noise=false\n")),
                Bootstrap.standard())
            .check(run, Optional.empty());
    assertThat(strict.violations())
        .anyMatch(
            v ->
                v.rule().startsWith("relative.async.p50")
                    && v.subject().startsWith("single async"));
  }

  private static final long T0 = 1_800_000_000_000L;

  private static org.aerobench.report.run.PhaseWindow window(String label, int from, int to) {
    return new org.aerobench.report.run.PhaseWindow(label, T0 + from * 1000L, T0 + to * 1000L);
  }

  /** The healthy sample with its single phase {@code singleSeconds} long, gather 4 s. */
  private RunData healthyWithSingle(String folder, int singleSeconds) {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve(folder));
    SampleRuns.phases(
        run,
        window("warmup", 0, 1),
        window("single", 1, 1 + singleSeconds),
        window("gather", 1 + singleSeconds, 5 + singleSeconds));
    return RunData.load(run);
  }

  private Gate.Result throughputGate(RunData run, RunData baseline) throws IOException {
    Path config = config("regression.throughput.max.drop.percent=10\nunknown.clients=ignore\n");
    return new Gate(GateConfig.read(config), Bootstrap.standard())
        .check(run, Optional.of(baseline));
  }

  @Test
  void the_throughput_rule_compares_each_phases_own_rate() throws IOException {
    // The same requests: Gatling's Cnt/s is equal, but the candidate's single phase took 5 s
    // instead of 4 s, i.e. 20% less throughput; its gather phase is as long as the baseline's.
    RunData baseline = healthyWithSingle("a", 4);
    RunData candidate = healthyWithSingle("b", 5);

    Gate.Result result = throughputGate(candidate, baseline);

    var drops =
        result.violations().stream()
            .filter(v -> v.rule().equals("regression.throughput.max.drop.percent"))
            .toList();
    assertThat(drops)
        .extracting(Violation::subject)
        .containsExactlyInAnyOrder("single sync", "single async", "single virtual");
    assertThat(drops)
        .allSatisfy(
            v -> {
              assertThat(v.measured()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
              assertThat(v.source())
                  .contains("85.50 → 68.40")
                  .contains("342 requests / 5.000 s of phase 'single'");
            });
    assertThat(result.notes()).anyMatch(n -> n.contains("its own phase's duration"));
  }

  @Test
  void a_shorter_phase_with_the_same_requests_is_no_throughput_drop() throws IOException {
    RunData baseline = healthyWithSingle("a", 4);
    RunData candidate = healthyWithSingle("b", 3);

    Gate.Result result = throughputGate(candidate, baseline);

    assertThat(result.violations()).isEmpty();
  }

  @Test
  void the_throughput_rule_compares_gatlings_figures_when_only_one_run_has_phases()
      throws IOException {
    // A baseline's 1 s single phase (342 req/s) against a candidate recorded before phases were
    // (Gatling's 28.5 req/s over the whole run) would read as a 92% drop no server caused.
    Path baseline = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("a"));
    SampleRuns.phases(
        baseline, window("warmup", 0, 1), window("single", 1, 2), window("gather", 2, 3));
    RunData candidate = RunData.load(SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("b")));

    Gate.Result result = throughputGate(candidate, RunData.load(baseline));

    assertThat(result.violations()).isEmpty();
    assertThat(result.notes())
        .anyMatch(
            n ->
                n.contains("'single sync'")
                    && n.contains("in both runs")
                    && n.contains("Gatling's Cnt/s")
                    && n.contains("has no window for their phase"));
  }
}
