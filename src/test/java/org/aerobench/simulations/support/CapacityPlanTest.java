package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.LatencyProfiles;
import org.junit.jupiter.api.Test;

class CapacityPlanTest {

  private static CapacityPlan plan(String... keyValues) {
    Properties props = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      props.setProperty(keyValues[i], keyValues[i + 1]);
    }
    Parameters params = Parameters.read(props, Parameters.COMPARED);
    return CapacityPlan.read(props, params, LatencyProfiles.DEFAULT_FILE);
  }

  @Test
  void
      the_default_plan_climbs_nine_geometric_levels_under_the_reference_profile_in_about_four_minutes() {
    CapacityPlan plan = plan();

    assertThat(plan.rates())
        .containsExactly(
            10.0, 14.1, 20.0, 28.3, 40.0, 56.6, 80.0, 113.1, 160.0, 226.3, 320.0, 452.5, 640.0);
    assertThat(plan.step()).isEqualTo(Duration.ofSeconds(20));
    assertThat(plan.settle()).isEqualTo(Duration.ofSeconds(5));
    assertThat(plan.profiles())
        .singleElement()
        .isEqualTo(
            new CapacityPlan.Profile(
                "reference", Latency.logNormal(Duration.ofMillis(20), Duration.ofMillis(100))));
    assertThat(plan.maxDuration()).isLessThanOrEqualTo(Duration.ofMinutes(5));
    assertThat(plan.labels()).startsWith("reference@10", "reference@14.1");
  }

  @Test
  void several_profiles_climb_one_after_the_other_with_labels_naming_profile_and_rate() {
    CapacityPlan plan = plan("profiles", "loopback,reference", "rates", "5,10");

    assertThat(plan.labels())
        .containsExactly("loopback@5", "loopback@10", "reference@5", "reference@10");
  }

  @Test
  void levels_that_do_not_increase_are_refused_before_any_load() {
    assertThatThrownBy(() -> plan("rates", "10,10,20"))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("-Drates=10,10,20: levels must be positive and strictly increasing");
    assertThatThrownBy(() -> plan("rateStart", "50", "rateMax", "20"))
        .hasMessageContaining("-DrateMax=20: levels must increase from -DrateStart=50");
  }

  @Test
  void a_non_positive_step_or_a_step_no_longer_than_its_settle_window_is_refused() {
    assertThatThrownBy(() -> plan("stepDuration", "0"))
        .hasMessageContaining("-DstepDuration=0: must be a duration > 0");
    assertThatThrownBy(() -> plan("stepDuration", "5s", "settle", "5s"))
        .hasMessageContaining("a level must last longer than its settle window");
  }

  @Test
  void an_unknown_profile_is_refused_listing_the_known_ones() {
    assertThatThrownBy(() -> plan("profile", "moon"))
        .hasMessageContaining("unknown profile 'moon'")
        .hasMessageContaining("loopback")
        .hasMessageContaining("reference");
  }

  @Test
  void a_profile_cannot_be_given_to_an_external_app() {
    assertThatThrownBy(() -> plan("profile", "reference", "baseUrl", "http://127.0.0.1:7070"))
        .hasMessageContaining("an external app (-DbaseUrl) cannot be given one");
  }

  @Test
  void a_rate_the_generator_cannot_offer_honestly_is_refused() {
    assertThatThrownBy(() -> plan("rateMax", "2000"))
        .hasMessageContaining("-DrateMax=2000: 2000 req/s per client x 2 clients = 4000 req/s")
        .hasMessageContaining("lower -DrateMax");
  }

  @Test
  void the_open_model_parameters_are_refused_since_every_level_already_is_one() {
    assertThatThrownBy(() -> plan("model", "open", "rate", "100"))
        .hasMessageContaining("Capacity always offers an open-model rate per client");
  }

  @Test
  void explicit_latency_runs_as_a_custom_profile_and_cannot_be_mixed_with_a_named_one() {
    assertThat(plan("latencyFixedMs", "2").profiles().get(0).name()).isEqualTo("custom");
    assertThatThrownBy(() -> plan("latencyFixedMs", "2", "profile", "reference"))
        .hasMessageContaining("choose a named profile or explicit latency, not both");
  }
}
