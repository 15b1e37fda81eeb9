package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.compare.Comparison.MetricRow;
import org.aerobench.report.compare.Comparison.ModeComparison;
import org.aerobench.report.gatling.RequestStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {

  @TempDir Path temp;

  private ComparisonReport.Written generate(String sample) throws IOException {
    Path run = SampleRuns.copy(sample, temp.resolve("runs"));
    return ComparisonReport.generate(
        run, temp.resolve("reports"), ComparisonReport.Options.defaults());
  }

  private static MetricRow row(ModeComparison mode, String metric, String source) {
    return mode.rows().stream()
        .filter(r -> r.metric().equals(metric) && r.source().equals(source))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + metric + "/" + source));
  }

  private static ModeComparison mode(Comparison c, String name) {
    return c.modes().stream().filter(m -> m.mode().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void client_rows_judge_noise_by_the_paired_block_bootstrap_and_name_its_basis()
      throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    SampleRuns.clientTimes(run, 1, n -> n.endsWith(" async") ? 1.5 : 1);
    Comparison c =
        new ComparisonBuilder("sync", org.aerobench.report.stats.Bootstrap.standard())
            .build(RunData.load(run));
    MetricRow p95 = row(mode(c, "single"), "p95", "client");
    var async = p95.advantages().get(0);
    assertThat(async.challenger()).isEqualTo("async");
    assertThat(async.noise().verdict()).isEqualTo("beyond noise");
    assertThat(async.noise().basis()).contains("paired block bootstrap").contains("1 run");
    assertThat(row(mode(c, "single"), "p95", "server").advantages().get(0).noise().basis())
        .contains("i.i.d.");
    assertThat(c.bootstrap()).contains("nearest-rank");
  }

  @Test
  void writes_three_files_under_the_run_folder_name() throws IOException {
    var written = generate(SampleRuns.HEALTHY);
    assertThat(written.dir()).isEqualTo(temp.resolve("reports").resolve(SampleRuns.HEALTHY));
    assertThat(written.markdown()).hasFileName("comparison.md").isNotEmptyFile();
    assertThat(written.json()).hasFileName("comparison.json").isNotEmptyFile();
    assertThat(written.html()).hasFileName("comparison.html").isNotEmptyFile();
  }

  @Test
  void client_side_values_are_gatlings_and_the_baseline_comes_first() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    Comparison c =
        ComparisonReport.generate(run, temp.resolve("reports"), ComparisonReport.Options.defaults())
            .comparison();
    RunData data = RunData.load(run);
    ModeComparison single = mode(c, "single");
    assertThat(single.clients()).containsExactly("sync", "async", "virtual");
    RequestStats async = data.gatling().request("single async").orElseThrow();
    RequestStats sync = data.gatling().request("single sync").orElseThrow();
    MetricRow p95 = row(single, "p95", "gatling");
    assertThat(p95.values().get(1)).isEqualTo(async.percentile(95.0).doubleValue());
    assertThat(p95.lowerIsBetter()).isTrue();
    var advantage = p95.advantages().get(0);
    double base = sync.percentile(95.0);
    double challenger = async.percentile(95.0);
    assertThat(advantage.challenger()).isEqualTo("async");
    assertThat(advantage.percent()).isEqualTo((challenger - base) / base * 100);
    assertThat(advantage.factor()).isEqualTo(base / challenger);
    assertThat(row(single, "requests/s", "gatling").lowerIsBetter()).isFalse();
  }

  @Test
  void server_percentiles_carry_a_bootstrap_interval_and_verdict() throws IOException {
    Comparison c = generate(SampleRuns.HEALTHY).comparison();
    MetricRow serverP95 = row(mode(c, "single"), "p95", "server");
    var noise = serverP95.advantages().get(0).noise();
    assertThat(noise).isNotNull();
    assertThat(noise.low()).isLessThanOrEqualTo(noise.difference());
    assertThat(noise.high()).isGreaterThanOrEqualTo(noise.difference());
    assertThat(noise.verdict())
        .isEqualTo(noise.low() > 0 || noise.high() < 0 ? "beyond noise" : "within noise");
    // The fixture's sync is about twice as slow as async: far beyond noise.
    assertThat(noise.verdict()).isEqualTo("beyond noise");
    assertThat(row(mode(c, "single"), "p90", "server").values()).doesNotContainNull();
  }

  @Test
  void a_shown_server_percentile_and_its_interval_use_one_quantile_definition() throws IOException {
    Comparison c = generate(SampleRuns.HEALTHY).comparison();
    for (String p : List.of("p50", "p95")) {
      MetricRow row = row(mode(c, "single"), p, "server");
      double shownDifference = row.values().get(1) - row.values().get(0);
      assertThat(row.advantages().get(0).noise().difference())
          .as(p + ": the Δ beside the values is their difference")
          .isCloseTo(shownDifference, org.assertj.core.data.Offset.offset(1e-9));
    }
  }

  @Test
  void prometheus_p95s_are_per_scenario_intervals_of_the_cumulative_scrapes() throws IOException {
    Comparison c = generate(SampleRuns.HEALTHY).comparison();
    assertThat(c.prometheus()).isNotEmpty();
    var singleSync =
        c.prometheus().stream()
            .filter(r -> r.scenario().equals("single") && r.client().equals("sync"))
            .findFirst()
            .orElseThrow();
    assertThat(singleSync.window()).isEqualTo("since previous scrape");
    assertThat(singleSync.predictP95Ms()).isBetween(10.0, 2000.0);
    // The gather scrape counts only gather's requests, not single's as well.
    var gatherSync =
        c.prometheus().stream()
            .filter(r -> r.scenario().equals("gather") && r.client().equals("sync"))
            .findFirst()
            .orElseThrow();
    RunData data = RunData.load(SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("again")));
    assertThat(gatherSync.observations())
        .isEqualTo((double) data.gatling().request("gather sync").orElseThrow().total());
  }

  @Test
  void stage_decomposition_lists_every_request_with_microsecond_values() throws IOException {
    Comparison c = generate(SampleRuns.HEALTHY).comparison();
    assertThat(c.stages()).extracting(Comparison.StageRow::request).contains("single sync");
    var row = c.stages().stream().filter(s -> s.request().equals("single sync")).findFirst().get();
    assertThat(row.meanMs())
        .containsKeys("key extraction", "aerospike", "features", "inference", "response", "total");
    double parts =
        row.meanMs().entrySet().stream()
            .filter(e -> !e.getKey().equals("total"))
            .mapToDouble(e -> e.getValue())
            .sum();
    assertThat(parts)
        .isCloseTo(row.meanMs().get("total"), org.assertj.core.api.Assertions.within(0.05));
  }

  @Test
  void markdown_and_json_show_the_same_tables() throws IOException {
    var written = generate(SampleRuns.HEALTHY);
    String md = Files.readString(written.markdown());
    assertThat(md)
        .contains("## Conditions")
        .contains("| metric | source | sync | async | virtual | async vs sync | virtual vs sync |")
        .contains("p95 (ms) ↓")
        .contains("requests/s ↑")
        .contains("beyond noise")
        .contains("predict_duration_seconds p95")
        .contains("Pipeline decomposition");
    JsonNode json = new ObjectMapper().readTree(written.json().toFile());
    assertThat(json.get("baseline").asText()).isEqualTo("sync");
    assertThat(json.get("modes").findValuesAsText("mode")).contains("single", "gather");
    assertThat(json.get("conditions").get("Gatling").asText()).isEqualTo("3.15.1");
  }

  @Test
  void another_baseline_client_can_be_chosen() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    Comparison c =
        ComparisonReport.generate(
                run, temp.resolve("reports"), new ComparisonReport.Options("async", 200))
            .comparison();
    assertThat(mode(c, "single").clients().get(0)).isEqualTo("async");
  }

  @Test
  void a_run_folder_without_the_projects_files_still_reports_gatlings_side_and_says_so()
      throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    try (var files = Files.walk(run.resolve("aerobench"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Comparison c =
        ComparisonReport.generate(run, temp.resolve("reports"), ComparisonReport.Options.defaults())
            .comparison();
    assertThat(c.notes()).anyMatch(n -> n.contains("server-times.hlog is missing"));
    assertThat(c.stages()).isEmpty();
    assertThat(mode(c, "single").rows()).allMatch(r -> r.source().equals("gatling"));
  }

  @Test
  void a_run_without_client_times_says_so_and_its_distributions_show_gatlings_columns()
      throws IOException {
    Comparison c = generate(SampleRuns.HEALTHY).comparison();

    assertThat(c.notes()).anyMatch(n -> n.contains("client-times.hlog is missing"));
    assertThat(c.timeline()).isNull();
    Distribution single =
        c.distributions().stream().filter(d -> d.mode().equals("single")).findFirst().orElseThrow();
    assertThat(single.series())
        .extracting(Distribution.Series::source)
        .containsExactly("server", "server", "server", "gatling", "gatling", "gatling");
    Distribution.Series gatlingSync = single.series().get(3);
    assertThat(gatlingSync.percentiles()).containsExactly(50.0, 75.0, 95.0, 99.0);
    assertThat(gatlingSync.ms().get(2))
        .isEqualTo(row(mode(c, "single"), "p95", "gatling").values().get(0));
  }

  @Test
  void a_server_distribution_climbs_along_the_nines_up_to_one_in_its_sample_count()
      throws IOException {
    Comparison c = generate(SampleRuns.HEALTHY).comparison();
    Distribution.Series sync =
        c.distributions().stream()
            .filter(d -> d.mode().equals("single"))
            .flatMap(d -> d.series().stream())
            .filter(s -> s.source().equals("server") && s.client().equals("sync"))
            .findFirst()
            .orElseThrow();

    assertThat(sync.nines()).isSorted().doesNotHaveDuplicates();
    assertThat(sync.ms()).doesNotContainNull().isSorted();
    assertThat(sync.nines().get(sync.nines().size() - 1))
        .isEqualTo(Math.log10(sync.count()), org.assertj.core.data.Offset.offset(1e-9));
    // its maximum is the histogram's: the line ends where the samples do
    assertThat(sync.ms().get(sync.ms().size() - 1))
        .isCloseTo(
            row(mode(c, "single"), "p99", "server").values().get(0),
            org.assertj.core.data.Percentage.withPercentage(10));
  }

  @Test
  void the_timeline_joins_each_clients_phases_second_by_second() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    org.aerobench.report.SyntheticRunFiles.addClientTimes(run);
    Comparison c =
        ComparisonReport.generate(run, temp.resolve("reports"), ComparisonReport.Options.defaults())
            .comparison();

    Timeline timeline = c.timeline();
    assertThat(timeline.series())
        .extracting(Timeline.Series::client)
        .containsExactly("sync", "async", "virtual");
    Timeline.Series sync = timeline.series().get(0);
    assertThat(sync.requests()).containsExactly("gather sync", "single sync");
    assertThat(timeline.seconds()).hasSize(15).startsWith(0L, 1L);
    assertThat(sync.p95Ms()).hasSize(15);
    // the warm-up ran async only: sync has no responses in its first five seconds
    assertThat(sync.responses().subList(0, 5)).containsOnly(0L);
    assertThat(sync.p95Ms().subList(0, 5)).containsOnlyNulls();
    assertThat(sync.responses().subList(5, 15)).containsOnly(25L);
    assertThat(timeline.phases())
        .extracting(Timeline.Phase::label)
        .containsExactly("warmup", "single", "gather");
    assertThat(timeline.phases().get(1).fromSecond()).isEqualTo(5.0);
    assertThat(c.notes()).noneMatch(n -> n.contains("client-times.hlog"));
    assertThat(c.distributions().get(1).series())
        .extracting(Distribution.Series::source)
        .contains("client")
        .doesNotContain("gatling");
  }

  @Test
  void a_missing_run_folder_is_a_clear_error() {
    Path nowhere = temp.resolve("no-such-run");
    assertThatThrownBy(
            () -> ComparisonReport.generate(nowhere, temp, ComparisonReport.Options.defaults()))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(nowhere.toString())
        .hasMessageContaining("Gatling run folder");
  }

  @Test
  void a_half_written_conditions_file_is_named() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    Path conditions = run.resolve("aerobench/conditions.json");
    Files.writeString(conditions, "{\"simulation\": \"Single");
    assertThatThrownBy(
            () -> ComparisonReport.generate(run, temp, ComparisonReport.Options.defaults()))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining(conditions.toString());
  }

  @Test
  void run_vs_baseline_flags_the_slowed_client_only_as_a_within_run_hint_not_a_regression()
      throws IOException {
    Path earlier = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    Path later = SampleRuns.copy(SampleRuns.SLOW_ASYNC, temp.resolve("runs"));
    RunDiff diff =
        ComparisonReport.against(
            later, earlier, temp.resolve("reports"), ComparisonReport.Options.defaults());
    RunDiff.Row async =
        diff.rows().stream().filter(r -> r.request().equals("single async")).findFirst().get();
    assertThat(async.verdict()).isEqualTo(RunDiff.WORSE);
    assertThat(async.p95ChangePercent()).isPositive();
    assertThat(async.noise().low()).isPositive();
    assertThat(diff.rows())
        .extracting(RunDiff.Row::request)
        .contains("single sync", "gather virtual");
    assertThat(
            temp.resolve("reports")
                .resolve(SampleRuns.SLOW_ASYNC)
                .resolve("against-" + SampleRuns.HEALTHY + ".md"))
        .content()
        .contains("worse beyond within-run noise only (not a regression claim: use the gate)")
        .doesNotContain("worse, beyond noise");
  }

  @Test
  void runs_of_different_simulations_are_not_compared() throws IOException {
    Path earlier = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    Path later = SampleRuns.copy(SampleRuns.SLOW_ASYNC, temp.resolve("runs"));
    Path conditions = later.resolve("aerobench/conditions.json");
    Files.writeString(
        conditions, Files.readString(conditions).replace("ReportFixtureSimulation", "GatherMode"));
    assertThatThrownBy(
            () ->
                ComparisonReport.against(
                    later, earlier, temp.resolve("reports"), ComparisonReport.Options.defaults()))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining("same simulation")
        .hasMessageContaining("GatherMode");
  }

  @Test
  void request_names_split_into_mode_and_client() {
    assertThat(RequestName.parse("merge_gather async"))
        .isEqualTo(new RequestName("merge_gather async", "merge_gather", "async"));
    assertThat(RequestName.parse("sync")).isEqualTo(new RequestName("sync", "", "sync"));
    assertThat(List.of(RequestName.parse("stress async").mode())).containsExactly("stress");
  }

  @Test
  void a_baseline_client_without_requests_is_refused_naming_the_clients_found() {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    assertThatThrownBy(
            () ->
                ComparisonReport.generate(
                    run, temp.resolve("reports"), new ComparisonReport.Options("official", 200)))
        .isInstanceOf(ReportInputException.class)
        .hasMessageContaining("'official'")
        .hasMessageContaining("[async, sync, virtual]");
  }
}
