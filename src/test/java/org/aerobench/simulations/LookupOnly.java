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
import org.aerobench.simulations.support.RunHarness;
import org.aerobench.simulations.support.SloAssertions;

/**
 * Environment B of the reference (reference-benchmark.md §3): the HTTP app with the Aerospike
 * lookups but no model, i.e. {@code SingleMode} with {@code skip_inference=true} whatever {@code
 * -Dinference} says. {@code -Dmode} picks the read mode (single). Requests are named {@code lookup
 * <client>} ({@code lookup_<mode> <client>} for another read mode) so that a comparison never mixes
 * them with full-pipeline requests.
 */
public class LookupOnly extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts; no inference here.
  private final Parameters params =
      Parameters.fromSystemProperties(
              "LookupOnly",
              Parameters.COMPARED,
              EnumSet.of(Part.STEADY, Part.CALLS_IN_TURN, Part.READ_MODE))
          .withInference(false);
  private final String label =
      "single".equals(params.readMode()) ? "lookup" : "lookup_" + params.readMode();
  private final RunHarness harness =
      new RunHarness(
          "LookupOnly",
          params,
          List.of(label),
          params.users(),
          RunHarness.WarmupCalls.of(params.readMode(), params));

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Scenario: closed, users calling every client in turn; open, one arrival process per client
  private final Phase lookup = Phase.steady(label, params.readMode(), params, harness.recording());

  // Assertions
  private final List<Assertion> assertions =
      SloAssertions.load(params).forRequests(List.of(label), params.clients());

  {
    setUp(harness.afterWarmup(lookup)).protocols(httpProtocol).assertions(assertions);
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
