package org.aerobench.report.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void a_regression_against_a_baseline_run_is_flagged() {
    Path baseline = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("a"));
    Path run = SampleRuns.copy(SampleRuns.SLOW_ASYNC, temp.resolve("b"));
    int code =
        gate(run.toString(), "--baseline", baseline.toString(), "--config", CONFIG.toString());
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("FAIL regression.p95.max.percent [single async]");
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

  @Test
  void a_gatling_p95_regression_whose_server_times_are_faster_beyond_noise_is_not_counted()
      throws IOException {
    RunData healthy = RunData.load(SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("a")));
    RunData slow = RunData.load(SampleRuns.copy(SampleRuns.SLOW_ASYNC, temp.resolve("b")));
    // Gatling says 'single async' got slower; its server times say faster beyond noise.
    RunData run =
        new RunData(
            slow.folder(),
            slow.gatling(),
            slow.conditions(),
            healthy.serverTimes(),
            slow.clientTimes(),
            slow.scrapes(),
            slow.notes());
    RunData baseline =
        new RunData(
            healthy.folder(),
            healthy.gatling(),
            healthy.conditions(),
            slow.serverTimes(),
            healthy.clientTimes(),
            healthy.scrapes(),
            healthy.notes());
    Path config = config("regression.p95.max.percent=10\nunknown.clients=ignore\n");

    Gate.Result result =
        new Gate(GateConfig.read(config), Bootstrap.standard()).check(run, Optional.of(baseline));

    assertThat(result.violations())
        .noneMatch(
            v ->
                v.rule().equals("regression.p95.max.percent")
                    && v.subject().equals("single async"));
    assertThat(result.notes())
        .anyMatch(
            n ->
                n.startsWith("'single async' p95 +")
                    && n.contains("faster")
                    && n.contains("not counted"));
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
