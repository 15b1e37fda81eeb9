package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.SampleRuns;
import org.aerobench.report.compare.Comparison.MetricRow;
import org.aerobench.report.compare.Comparison.ModeComparison;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.PhaseWindow;
import org.aerobench.report.stats.Bootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * requests/s in the comparison and the run diff: a request name's requests over its own phase's
 * window, not Gatling's Cnt/s over the whole run. The sample run's 11 s hold a warm-up and two
 * phases, so the two figures differ by far.
 */
class PerPhaseThroughputTest {

  private static final long T0 = 1_800_000_000_000L;

  @TempDir Path temp;

  /** A window from {@code from} to {@code to} seconds after T0 (whole ms: exact quotients). */
  static PhaseWindow window(String label, int from, int to) {
    return new PhaseWindow(label, T0 + from * 1000L, T0 + to * 1000L);
  }

  /** warmup 1 s, single 4 s, gather 4 s. */
  static PhaseWindow[] chosenPhases() {
    return new PhaseWindow[] {
      window("warmup", 0, 1), window("single", 1, 5), window("gather", 5, 9)
    };
  }

  private static final Map<String, Double> SECONDS =
      Map.of("warmup", 1.0, "single", 4.0, "gather", 4.0);

  private ComparisonReport.Written generate(Path run) throws IOException {
    return ComparisonReport.generate(
        run, temp.resolve("reports"), ComparisonReport.Options.defaults());
  }

  private static MetricRow requestsPerSecond(ModeComparison mode) {
    return mode.rows().stream()
        .filter(r -> r.metric().equals("requests/s"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void requests_per_second_is_each_request_names_total_over_its_own_phase() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    SampleRuns.phases(run, chosenPhases());
    RunData data = RunData.load(run);

    Comparison c = generate(run).comparison();

    assertThat(c.modes()).extracting(ModeComparison::mode).contains("warmup", "single", "gather");
    for (ModeComparison mode : c.modes()) {
      List<Double> values = requestsPerSecond(mode).values();
      for (int i = 0; i < mode.requests().size(); i++) {
        RequestStats gatling = data.gatling().request(mode.requests().get(i)).orElseThrow();
        assertThat(values.get(i))
            .as(gatling.name())
            .isEqualTo(gatling.total() / SECONDS.get(mode.mode()))
            .isNotEqualTo(gatling.perSecond());
      }
    }
    // 'gather virtual' has KO requests: they count, as in Gatling's Cnt/s (262 / 4 s, not 260).
    RequestStats gatherVirtual = data.gatling().request("gather virtual").orElseThrow();
    assertThat(gatherVirtual.ko()).isPositive();
    assertThat(requestsPerSecond(mode(c, "gather")).values().get(2)).isEqualTo(65.5);
    assertThat(requestsPerSecond(mode(c, "single")).values()).containsOnly(85.5);
  }

  @Test
  void comparison_json_and_markdown_carry_the_per_phase_figures() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    SampleRuns.phases(run, chosenPhases());
    RunData data = RunData.load(run);

    var written = generate(run);

    JsonNode json = new ObjectMapper().readTree(written.json().toFile());
    int checked = 0;
    for (JsonNode mode : json.get("modes")) {
      double seconds = SECONDS.get(mode.get("mode").asText());
      for (JsonNode row : mode.get("rows")) {
        if (!row.get("metric").asText().equals("requests/s")) {
          continue;
        }
        for (int i = 0; i < row.get("values").size(); i++) {
          String request = mode.get("requests").get(i).asText();
          long total = data.gatling().request(request).orElseThrow().total();
          assertThat(row.get("values").get(i).asDouble()).as(request).isEqualTo(total / seconds);
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(data.gatling().requests().size());
    assertThat(Files.readString(written.markdown()))
        .contains("| requests/s ↑ | Gatling | 85.50 | 85.50 | 85.50 |");
  }

  @Test
  void the_notes_say_how_requests_per_second_is_computed() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    SampleRuns.phases(run, chosenPhases());

    Comparison c = generate(run).comparison();

    assertThat(c.notes())
        .anyMatch(
            n ->
                n.contains("OK and KO together")
                    && n.contains("its own phase's duration")
                    && n.contains("(warmup 1.0 s, single 4.0 s, gather 4.0 s)"));
    assertThat(c.notes()).noneMatch(n -> n.contains("whole simulation's duration"));
  }

  @Test
  void without_phase_windows_requests_per_second_is_gatlings_and_a_note_says_so()
      throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    RunData data = RunData.load(run);
    assertThat(data.conditions().orElseThrow().phases()).isEmpty();

    Comparison c = generate(run).comparison();

    for (ModeComparison mode : c.modes()) {
      List<Double> expected = new ArrayList<>();
      mode.requests()
          .forEach(r -> expected.add(data.gatling().request(r).orElseThrow().perSecond()));
      assertThat(requestsPerSecond(mode).values()).isEqualTo(expected);
    }
    assertThat(c.notes())
        .anyMatch(
            n ->
                n.startsWith("requests/s is Gatling's Cnt/s")
                    && n.contains("divided by the whole simulation's duration")
                    && n.contains("records no phase windows"));
  }

  @Test
  void a_phase_without_a_window_falls_back_alone_and_is_named() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    SampleRuns.phases(run, window("warmup", 0, 1), window("single", 1, 5));
    RunData data = RunData.load(run);

    Comparison c = generate(run).comparison();

    assertThat(requestsPerSecond(mode(c, "single")).values()).containsOnly(85.5);
    assertThat(requestsPerSecond(mode(c, "gather")).values())
        .containsOnly(data.gatling().request("gather sync").orElseThrow().perSecond());
    assertThat(c.notes())
        .anyMatch(
            n ->
                n.startsWith("requests/s of 'gather sync', 'gather async', 'gather virtual' is")
                    && n.contains("whole simulation's duration"));
  }

  @Test
  void the_run_diff_compares_per_phase_rates() {
    Path earlier = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("a"));
    Path later = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("b"));
    SampleRuns.phases(earlier, chosenPhases());
    // The same requests in a 5 s single phase: 20% less throughput; gather unchanged.
    SampleRuns.phases(
        later, window("warmup", 0, 1), window("single", 1, 6), window("gather", 6, 10));

    RunDiff diff = RunDiff.of(RunData.load(later), RunData.load(earlier), Bootstrap.standard());

    RunDiff.Row single = row(diff, "single sync");
    assertThat(single.rpsBefore()).isEqualTo(85.5);
    assertThat(single.rpsAfter()).isEqualTo(68.4);
    assertThat(single.rpsChangePercent())
        .isCloseTo(-20.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(row(diff, "gather virtual").rpsChangePercent()).isZero();
    assertThat(diff.notes()).anyMatch(n -> n.contains("its own phase's duration"));
    assertThat(diff.notes()).noneMatch(n -> n.contains("whole simulation's duration"));
  }

  @Test
  void a_run_diff_with_phases_on_one_side_only_compares_gatlings_figures_and_says_why() {
    Path earlier = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("a"));
    Path later = SampleRuns.copy(SampleRuns.SLOW_ASYNC, temp.resolve("b"));
    SampleRuns.phases(later, chosenPhases());
    RunData before = RunData.load(earlier);
    RunData after = RunData.load(later);

    RunDiff diff = RunDiff.of(after, before, Bootstrap.standard());

    RunDiff.Row single = row(diff, "single sync");
    assertThat(single.rpsBefore())
        .isEqualTo(before.gatling().request("single sync").orElseThrow().perSecond());
    assertThat(single.rpsAfter())
        .isEqualTo(after.gatling().request("single sync").orElseThrow().perSecond());
    assertThat(diff.notes())
        .anyMatch(
            n ->
                n.contains("in both runs")
                    && n.contains(SampleRuns.HEALTHY + "'s conditions.json has no window"));
  }

  private static RunDiff.Row row(RunDiff diff, String request) {
    return diff.rows().stream().filter(r -> r.request().equals(request)).findFirst().orElseThrow();
  }

  private static ModeComparison mode(Comparison c, String name) {
    return c.modes().stream().filter(m -> m.mode().equals(name)).findFirst().orElseThrow();
  }
}
