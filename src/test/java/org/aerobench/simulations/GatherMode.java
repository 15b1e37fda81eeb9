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
 * The reference's {@code gather} scenario (reference-benchmark.md §6.1): after the warm-up, {@code
 * -Dusers} users (10) for {@code -Dduration} (60 s), each iteration calling {@code
 * /predict/<client>/sample?mode=gather} for every compared client in turn with {@code -DpauseMs}
 * (50 ms) after each. Requests: {@code gather sync}, {@code gather async}. {@code -Dmodel=open
 * -Drate=<req/s>} switches to a constant arrival rate. Run: {@code bin/mvn gatling:test
 * -Dsimulation=GatherMode}.
 */
public class GatherMode extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts.
  private final Parameters params = Parameters.fromSystemProperties(Parameters.COMPARED);
  private final RunHarness harness =
      new RunHarness("GatherMode", params, List.of("gather"), params.users());

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Chains: every compared client in turn, a pause after each call
  private final ChainBuilder alternate =
      PredictCalls.alternate("gather", "gather", params, harness.recording());

  // Scenario: one iteration per virtual user
  private final ScenarioBuilder users = scenario("gather").exec(alternate);

  // Assertions: conf/gate.properties (or -Dassertions=<file>), per request name
  private final List<Assertion> assertions =
      SloAssertions.load(params).forRequests(List.of("gather"), params.clients());

  {
    setUp(harness.afterWarmup(Phase.steady("gather", users, params)))
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
