package org.aerobench.simulations;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

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
      List.of(
          "baseUrl",
          "users",
          "clients",
          "model",
          "rate",
          "latencyFixedMs",
          "mode",
          "nodes",
          "nodeLatency",
          "faults");

  @AfterEach
  void clearProperties() {
    KEYS.forEach(System::clearProperty);
  }

  private static void given(Map<String, String> properties) {
    properties.forEach(System::setProperty);
  }

  /** Passes when the parameter checks let the simulation through. */
  private static void assertAccepted(Supplier<Simulation> simulation) {
    if (catchThrowable(simulation::get) instanceof BadParameterException refused) {
      throw new AssertionError("parameters refused: " + refused.getMessage());
    }
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
  void every_simulation_but_capacity_accepts_the_open_model() {
    given(Map.of("baseUrl", "http://127.0.0.1:9", "model", "open", "rate", "50"));
    for (Supplier<Simulation> simulation : ALL.subList(0, ALL.size() - 1)) {
      // past the parameter checks, Gatling's DSL refuses to build outside a run: any error but a
      // BadParameterException means the parameters were accepted
      assertAccepted(simulation);
    }
    assertThatThrownBy(Capacity::new).hasMessageContaining("Capacity always offers an open-model");
  }

  @Test
  void a_read_mode_is_refused_where_the_simulation_has_its_own() {
    given(Map.of("baseUrl", "http://127.0.0.1:9", "mode", "gather"));
    for (Supplier<Simulation> fixed :
        List.<Supplier<Simulation>>of(
            SingleMode::new,
            GatherMode::new,
            MergeGatherMode::new,
            StressMode::new,
            FullRun::new)) {
      assertThatThrownBy(fixed::get)
          .isInstanceOf(BadParameterException.class)
          .hasMessageContaining("-Dmode=gather: ")
          .hasMessageContaining("does not use it");
    }
    assertAccepted(LookupOnly::new);
    assertAccepted(Capacity::new);
  }

  @Test
  void everySimulationTakesTheEmulatedClusterAndItsFaultsThroughTheHarness() {
    given(Map.of("nodes", "3", "nodeLatency", "3:fixed-ms=5", "faults", "stop:2@20s,start:2@40s"));
    ALL.forEach(SimulationsTest::assertAccepted);
  }

  @Test
  void everySimulationRefusesFaultsOnAnAppItDidNotStart() {
    given(Map.of("baseUrl", "http://127.0.0.1:9", "faults", "stop:2@20s"));
    for (Supplier<Simulation> simulation : ALL) {
      assertThatThrownBy(simulation::get)
          .isInstanceOf(BadParameterException.class)
          .hasMessageContaining(
              "-Dfaults=stop:2@20s: the harness cannot stop someone's real nodes");
    }
  }
}
