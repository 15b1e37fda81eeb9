package org.aerobench.report.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakRulesTest {

  private final BreakRules rules = BreakRules.of(Map.of("sync", 500.0, "async", 300.0), 2);

  @Test
  void a_level_within_slo_errors_and_offered_rate_holds() {
    assertThat(rules.brokenBy("async", 40, 39.0, 299.0, 2.0)).isEmpty();
  }

  @Test
  void each_broken_rule_is_named_with_its_measured_value_and_limit() {
    assertThat(rules.brokenBy("async", 40, 30, 301.5, 2.5))
        .containsExactly(
            "p95 301.5 ms > SLO 300 ms",
            "errors 2.50 % > 2 %",
            "achieved 30.0 req/s < 95 % of offered 40");
  }

  @Test
  void an_arm_is_judged_by_its_styles_slo() {
    assertThat(rules.brokenBy("sync#2", 40, 40, 450.0, 0)).isEmpty();
    assertThat(rules.brokenBy("async#2", 40, 40, 450.0, 0))
        .containsExactly("p95 450.0 ms > SLO 300 ms");
  }

  @Test
  void a_level_where_nothing_completed_is_broken() {
    assertThat(rules.brokenBy("sync", 40, 0, null, 0)).contains("no response completed");
  }
}
