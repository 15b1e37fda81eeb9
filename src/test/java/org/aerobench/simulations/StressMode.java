package org.aerobench.simulations;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.List;
import org.aerobench.simulations.support.Parameters;
import org.aerobench.simulations.support.Phase;
import org.aerobench.simulations.support.PredictCalls;
import org.aerobench.simulations.support.Ramp;
import org.aerobench.simulations.support.RunHarness;
import org.aerobench.simulations.support.SloAssertions;

/**
 * The reference's {@code stress} scenario (reference-benchmark.md §6.1): after the warm-up, a
 * closed-model ramp 0 → {@code -DrampUsers1} (20) users over {@code -DrampDuration1} (30 s), →
 * {@code -DrampUsers2} (50) over {@code -DrampDuration2} (60 s), → 1 over {@code -DrampDuration3}
 * (30 s; the reference's 0 would hang Gatling, see {@link Ramp#LAST_USERS}), in single mode with
 * {@code -DpauseMs} after each call. Async client only by default, like the reference; {@code
 * -Dclients} chooses others. Requests: {@code stress async}.
 */
public class StressMode extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts.
  private final Parameters params = checked(Parameters.fromSystemProperties(Parameters.ASYNC_ONLY));
  private final Ramp ramp = params.ramp();
  private final RunHarness harness =
      new RunHarness(
          "StressMode", params, List.of("stress"), Math.max(ramp.users1(), ramp.users2()));

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Chains
  private final ChainBuilder alternate =
      PredictCalls.alternate("stress", "single", params, harness.recording());

  // Scenario: one iteration per virtual user, the ramp sets how many run at once
  private final ScenarioBuilder users = scenario("stress").exec(alternate);

  // Assertions
  private final List<Assertion> assertions =
      SloAssertions.load(params).forRequests(List.of("stress"), params.clients());

  {
    setUp(harness.afterWarmup(new Phase("stress", users.injectClosed(ramp.steps()))))
        .protocols(httpProtocol)
        .assertions(assertions);
  }

  private static Parameters checked(Parameters params) {
    params.requireClosedModel("StressMode");
    return params;
  }

  @Override
  public void before() {
    harness.before();
  }

  @Override
  public void after() {
    harness.after();
  }
}
