package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatling.javaapi.core.Assertion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.aerobench.report.gate.GateConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloAssertionsTest {

  @TempDir Path dir;

  private SloAssertions read(String text) throws IOException {
    Path file = dir.resolve("gate.properties");
    Files.writeString(file, text);
    return SloAssertions.of(GateConfig.read(file));
  }

  private static SloAssertions load(String assertionsFile) {
    Properties props = new Properties();
    if (assertionsFile != null) {
      props.setProperty("assertions", assertionsFile);
    }
    return SloAssertions.load(Parameters.read(props, Parameters.COMPARED));
  }

  /** Gatling's own description of an assertion: path, metric, condition. */
  private static List<String> described(List<Assertion> assertions) {
    return assertions.stream().map(a -> a.asScala().toString()).toList();
  }

  @Test
  void default_thresholds_are_the_gates_reference_numbers() {
    SloAssertions slo = load(null);
    assertThat(slo.file()).isEqualTo(Path.of("conf", "gate.properties"));
    assertThat(slo.latencyLimits("single", "sync")).isEqualTo(Map.of(90.0, 400.0, 95.0, 500.0));
    assertThat(slo.latencyLimits("single", "async")).isEqualTo(Map.of(90.0, 200.0, 95.0, 300.0));
    assertThat(slo.latencyLimits("single", "virtual")).isEqualTo(Map.of(90.0, 200.0, 95.0, 300.0));
    assertThat(slo.maxErrorPercent("gather")).isEqualTo(2.0);
  }

  @Test
  void latency_limits_follow_slo_modes_and_errors_apply_to_every_label_but_ignored_ones()
      throws IOException {
    SloAssertions slo =
        read(
            "slo.async.p95=300\nslo.sync.p95=500\nslo.modes=single\n"
                + "errors.max.percent=2\nignore.modes=warmup\n");
    assertThat(slo.latencyLimits("single", "async")).isEqualTo(Map.of(95.0, 300.0));
    assertThat(slo.latencyLimits("stress", "async")).isEmpty();
    assertThat(slo.maxErrorPercent("stress")).isEqualTo(2.0);
    assertThat(slo.maxErrorPercent("warmup")).isNull();
    // single: p95 + errors per client; stress: errors only; warmup: nothing
    assertThat(slo.forRequests(List.of("single", "stress", "warmup"), List.of("sync", "async")))
        .hasSize(6);
  }

  @Test
  void limits_are_at_most_as_in_the_gate_and_sub_millisecond_ones_are_not_truncated_to_zero()
      throws IOException {
    SloAssertions slo = read("slo.async.p95=300\nslo.async.p99=0.5\nerrors.max.percent=0.01\n");
    List<String> described = described(slo.forRequests(List.of("single"), List.of("async")));
    assertThat(described).hasSize(3);
    assertThat(described).allMatch(d -> d.contains("single async") && d.contains("Lte("));
    assertThat(described).anyMatch(d -> d.contains("95.0") && d.contains("Lte(300.0)"));
    // Gatling measures whole ms: "p99 <= 0.5 ms" is "p99 <= 0 ms", not the impossible "< 0"
    assertThat(described).anyMatch(d -> d.contains("99.0") && d.contains("Lte(0.0)"));
    assertThat(described).anyMatch(d -> d.contains("Lte(0.01)"));
    assertThat(SloAssertions.wholeMs(299.9)).isEqualTo(299);
  }

  @Test
  void a_client_without_slo_lines_stops_the_run_unless_the_file_ignores_unknown_clients()
      throws IOException {
    assertThatThrownBy(
            () ->
                read("slo.sync.p95=500\n")
                    .forRequests(List.of("single"), List.of("sync", "virtual")))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("gate.properties: no slo.virtual.* line for request 'single virtual'")
        .hasMessageContaining("unknown.clients=ignore");
    assertThat(
            read("slo.sync.p95=500\nunknown.clients=ignore\nerrors.max.percent=1\n")
                .forRequests(List.of("single"), List.of("sync", "virtual")))
        .hasSize(3);
  }

  @Test
  void an_a_a_arm_is_held_to_its_styles_slo_lines() throws IOException {
    SloAssertions slo = read("slo.sync.p95=500\nerrors.max.percent=2\n");
    assertThat(slo.latencyLimits("single", "sync#2")).isEqualTo(Map.of(95.0, 500.0));
    assertThat(described(slo.forRequests(List.of("single"), List.of("sync", "sync#2"))))
        .anyMatch(d -> d.contains("single sync#2") && d.contains("Lte(500.0)"));
  }

  @Test
  void the_ci_smoke_file_asserts_only_that_no_request_failed() {
    SloAssertions slo = load("src/test/resources/assertions-smoke.properties");
    assertThat(slo.latencyLimits("single", "async")).isEmpty();
    assertThat(slo.maxErrorPercent("single")).isEqualTo(0.0);
    assertThat(described(slo.forRequests(List.of("single"), List.of("sync", "async", "virtual"))))
        .hasSize(3)
        .allMatch(d -> d.contains("Lte(0.0)"));
  }

  @Test
  void a_file_in_the_former_format_is_refused_with_the_new_key_names() throws IOException {
    Path old = dir.resolve("old.properties");
    Files.writeString(old, "async.p95=300\nfailedPercent=2\n");
    assertThatThrownBy(() -> load(old.toString()))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("-Dassertions=" + old)
        .hasMessageContaining("unknown key")
        .hasMessageContaining("failedPercent=N is errors.max.percent=N");
  }

  @Test
  void a_bad_limit_names_the_file_and_key() throws IOException {
    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, "slo.sync.p95=fast\n");
    assertThatThrownBy(() -> load(bad.toString()))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("-Dassertions=" + bad + ": " + bad + ": slo.sync.p95=fast");
  }
}
