package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.aerobench.report.SyntheticRunFiles;
import org.aerobench.report.capacity.CapacityStudy;
import org.aerobench.report.capacity.CapacityStudy.ClientCapacity;
import org.aerobench.report.capacity.CapacityStudy.ProfileCapacity;
import org.aerobench.report.capacity.Level;
import org.aerobench.report.compare.Comparison.Advantage;
import org.aerobench.report.compare.Comparison.MetricRow;
import org.aerobench.report.compare.Comparison.ModeComparison;
import org.aerobench.report.compare.Comparison.Noise;
import org.junit.jupiter.api.Test;

class VerdictTest {

  /** A server-times row sync vs async; the interval is of async − sync. */
  private static MetricRow server(
      String metric, double sync, double async, double low, double high) {
    String verdict = low > 0 || high < 0 ? "beyond noise" : "within noise";
    Noise noise = new Noise(async - sync, low, high, 0.95, verdict, "synthetic interval");
    Advantage advantage = new Advantage("async", (async - sync) / sync * 100, sync / async, noise);
    return new MetricRow(metric, "ms", "server", true, List.of(sync, async), List.of(advantage));
  }

  private static ModeComparison mode(MetricRow... rows) {
    return new ModeComparison(
        "single", List.of("sync", "async"), List.of("single sync", "single async"), List.of(rows));
  }

  @Test
  void a_difference_beyond_noise_names_the_winner_and_by_how_much() {
    List<String> verdict =
        Verdict.of(
            "sync",
            List.of(mode(server("p50", 4.0, 2.0, -2.2, -1.8), server("p95", 9.0, 6.0, -3.5, -2.5))),
            null);

    assertThat(verdict)
        .containsExactly(
            "Mode single, p50 (server total_ms): async beats sync by 2.00× (async 2.000 vs sync"
                + " 4.000 ms, async −50.0%), beyond noise.",
            "Mode single, p95 (server total_ms): async beats sync by 1.50× (async 6.000 vs sync"
                + " 9.000 ms, async −33.3%), beyond noise.");
  }

  @Test
  void a_slower_challenger_beyond_noise_makes_the_baseline_the_winner() {
    List<String> verdict =
        Verdict.of("sync", List.of(mode(server("p50", 2.0, 3.0, 0.8, 1.2))), null);

    assertThat(verdict.get(0)).contains("sync beats async by 1.50× (sync 2.000 vs async 3.000 ms");
  }

  @Test
  void a_difference_within_noise_names_no_winner() {
    List<String> verdict =
        Verdict.of("sync", List.of(mode(server("p95", 9.0, 8.7, -0.6, 0.2))), null);

    assertThat(verdict)
        .containsExactly(
            "Mode single, p95 (server total_ms): async vs sync: no difference beyond noise (8.700"
                + " vs 9.000 ms).");
    assertThat(verdict.get(0)).doesNotContain("beats");
  }

  @Test
  void without_server_times_gatlings_columns_are_used_and_no_winner_is_named() {
    Advantage noNoise = new Advantage("async", -50, 2, null);
    MetricRow gatling =
        new MetricRow("p50", "ms", "gatling", true, List.of(4.0, 2.0), List.of(noNoise));

    List<String> verdict = Verdict.of("sync", List.of(mode(gatling)), null);

    assertThat(verdict.get(0))
        .startsWith("Mode single, p50 (Gatling, whole ms; no server or client times): ")
        .contains("no difference beyond noise can be shown (2 vs 4 ms")
        .doesNotContain("beats");
  }

  @Test
  void the_warm_up_is_left_out_and_a_lone_client_is_said_to_have_nothing_to_compare() {
    ModeComparison warmup =
        new ModeComparison(
            "warmup", List.of("sync", "async"), List.of("warmup sync", "warmup async"), List.of());
    ModeComparison lone =
        new ModeComparison("gather", List.of("async"), List.of("gather async"), List.of());

    assertThat(Verdict.of("sync", List.of(warmup, lone), null))
        .containsExactly("Mode gather: only [async] ran, nothing to compare.");
  }

  @Test
  void a_machine_limit_is_worded_as_the_machines_and_never_as_the_styles() {
    Level broken =
        new Level(
            "reference@160",
            "async",
            "reference",
            160,
            120,
            50.0,
            900.0,
            1200.0,
            3_000,
            0,
            List.of("p95 900 ms over 500 ms"),
            Map.of(),
            98,
            40,
            true,
            false);
    ClientCapacity async =
        new ClientCapacity("async", 80.0, 120.0, "machine", 120, List.of(broken), null);
    CapacityStudy study =
        new CapacityStudy(
            "single",
            true,
            List.of(),
            List.of(
                new ProfileCapacity(
                    "reference", "20/100", List.of(async), List.of("async: 2.00× sync's rate"))));

    List<String> verdict = Verdict.capacity(study);

    assertThat(verdict.get(0))
        .isEqualTo(
            "Capacity, profile reference (20/100), async: sustains 80 req/s, knee at 120 req/s;"
                + " then the machine's limit at 160 req/s (p95 900 ms over 500 ms): the shared"
                + " cores, the shared inference executor or the load generator were saturated, so"
                + " async's own ceiling was not reached, at most 120 req/s achieved.")
        .doesNotContain("style's limit");
    assertThat(verdict.get(1)).isEqualTo("Capacity, profile reference: async: 2.00× sync's rate");
  }

  @Test
  void a_style_limit_and_no_limit_are_told_apart() {
    List<String> verdict = Verdict.capacity(SyntheticRunFiles.capacity());

    assertThat(verdict.stream().filter(v -> v.contains(", sync: ")).findFirst().orElseThrow())
        .contains("while the machine had room: the style's limit");
    assertThat(verdict.stream().filter(v -> v.contains(", virtual: ")).findFirst().orElseThrow())
        .contains("no limit reached up to the highest level");
  }

  @Test
  void client_side_rows_judged_by_the_block_bootstrap_decide_before_the_server_rows() {
    MetricRow client =
        new MetricRow(
            "p95",
            "ms",
            "client",
            true,
            List.of(10.0, 10.2),
            List.of(
                new Advantage(
                    "async",
                    2.0,
                    10.0 / 10.2,
                    new Noise(0.2, -0.5, 0.9, 0.95, "within noise", "block bootstrap"))));
    MetricRow server = server("p95", 10.0, 12.0, 1.0, 3.0); // beyond noise, i.i.d. bootstrap

    List<String> sentences = Verdict.mode("sync", mode(server, client));

    assertThat(sentences)
        .singleElement()
        .asString()
        .contains("(client side, µs, paired block bootstrap)")
        .contains("no difference beyond noise");
  }
}
