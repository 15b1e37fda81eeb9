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
import org.aerobench.simulations.support.RunHarness;
import org.aerobench.simulations.support.SloAssertions;

/**
 * Environment B of the reference (reference-benchmark.md §3): the HTTP app with the Aerospike
 * lookups but no model, i.e. {@code SingleMode} with {@code skip_inference=true} whatever {@code
 * -Dinference} says. {@code -Dmode} picks the read mode (single). Requests are named {@code lookup
 * <client>} ({@code lookup_<mode> <client>} for another mode) so that a comparison never mixes them
 * with full-pipeline requests.
 */
public class LookupOnly extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts; no inference here.
  private final Parameters params =
      Parameters.fromSystemProperties(Parameters.COMPARED).withInference(false);
  private final String label =
      "single".equals(params.mode()) ? "lookup" : "lookup_" + params.mode();
  private final RunHarness harness =
      new RunHarness("LookupOnly", params, List.of(label), params.users());

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Chains: every compared client in turn, a pause after each call
  private final ChainBuilder alternate =
      PredictCalls.alternate(label, params.mode(), params, harness.recording());

  // Scenario
  private final ScenarioBuilder users = scenario(label).exec(alternate);

  // Assertions
  private final List<Assertion> assertions =
      SloAssertions.load(params).forRequests(List.of(label), params.clients());

  {
    setUp(harness.afterWarmup(Phase.steady(label, users, params)))
        .protocols(httpProtocol)
        .assertions(assertions);
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
