package org.aerobench.simulations;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.EnumSet;
import java.util.List;
import org.aerobench.simulations.support.Parameters;
import org.aerobench.simulations.support.Parameters.Part;
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
 * {@code -DpauseMs} after each call. {@code -Dmodel=open -Drate=<req/s>} ramps the arrival rate
 * instead: 0 → {@code -DrampRate1} (the rate) → {@code -DrampRate2} (2.5 × it) → 0 over the same
 * legs. Async client only by default, like the reference; {@code -Dclients} chooses others.
 * Requests: {@code stress async}.
 */
public class StressMode extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts.
  private final Parameters params =
      Parameters.fromSystemProperties(
          "StressMode", Parameters.ASYNC_ONLY, EnumSet.of(Part.RAMP, Part.CALLS_IN_TURN));
  private final Ramp ramp = params.ramp();
  private final RunHarness harness =
      new RunHarness(
          "StressMode",
          params,
          List.of("stress"),
          Math.max(ramp.users1(), ramp.users2()),
          RunHarness.WarmupCalls.of("single", params));

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Scenario: the ramp sets how many users run at once (closed) or how many arrive (open)
  private final Phase stress = Phase.stress("stress", params, harness.recording());

  // Assertions
  private final List<Assertion> assertions =
      SloAssertions.load(params).forRequests(List.of("stress"), params.clients());

  {
    setUp(harness.afterWarmup(stress)).protocols(httpProtocol).assertions(assertions);
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
