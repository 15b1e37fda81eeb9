package org.aerobench.simulations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.aerobench.simulations.support.BadParameterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Parameters are checked in each simulation's constructor, before any process starts or request is
 * sent. (A simulation that passes the checks can only be built by Gatling itself: its DSL refuses
 * to initialise outside a run, so the wiring is covered by the gatling:test runs instead.)
 */
class SimulationsTest {

  private static final List<Supplier<Simulation>> ALL =
      List.of(
          SingleMode::new,
          GatherMode::new,
          MergeGatherMode::new,
          StressMode::new,
          LookupOnly::new,
          FullRun::new,
          Capacity::new);

  private static final List<String> KEYS =
      List.of("baseUrl", "users", "clients", "model", "rate", "latencyFixedMs");

  @AfterEach
  void clearProperties() {
    KEYS.forEach(System::clearProperty);
  }

  private static void given(Map<String, String> properties) {
    properties.forEach(System::setProperty);
  }

  @Test
  void a_bad_parameter_stops_every_simulation_in_its_constructor() {
    given(Map.of("baseUrl", "http://127.0.0.1:9", "users", "-1"));
    for (Supplier<Simulation> simulation : ALL) {
      assertThatThrownBy(simulation::get)
          .isInstanceOf(BadParameterException.class)
          .hasMessageContaining("-Dusers=-1");
    }
  }

  @Test
  void the_open_model_is_refused_where_the_schedule_is_fixed() {
    given(Map.of("baseUrl", "http://127.0.0.1:9", "model", "open", "rate", "50"));
    assertThatThrownBy(StressMode::new).hasMessageContaining("StressMode has a fixed");
    assertThatThrownBy(FullRun::new).hasMessageContaining("FullRun has a fixed");
  }
}
