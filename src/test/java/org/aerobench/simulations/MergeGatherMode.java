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
 * The reference's {@code merge_gather} scenario (reference-benchmark.md §6.2, run there on the
 * async client only; here on every compared client): after the warm-up, {@code -Dusers} users (10)
 * for {@code -Dduration} (60 s), each iteration calling {@code
 * /predict/<client>/sample?mode=merge_gather} for every compared client in turn with {@code
 * -DpauseMs} (50 ms) after each. Requests: {@code merge_gather sync}, {@code merge_gather async}.
 * {@code -Dmodel=open -Drate=<req/s>} switches to a constant arrival rate.
 */
public class MergeGatherMode extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts.
  private final Parameters params = Parameters.fromSystemProperties(Parameters.COMPARED);
  private final RunHarness harness =
      new RunHarness("MergeGatherMode", params, List.of("merge_gather"), params.users());

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Chains: every compared client in turn, a pause after each call
  private final ChainBuilder alternate =
      PredictCalls.alternate("merge_gather", "merge_gather", params, harness.recording());

  // Scenario: one iteration per virtual user
  private final ScenarioBuilder users = scenario("merge_gather").exec(alternate);

  // Assertions: conf/gate.properties (or -Dassertions=<file>), per request name
  private final List<Assertion> assertions =
      SloAssertions.load(params).forRequests(List.of("merge_gather"), params.clients());

  {
    setUp(harness.afterWarmup(Phase.steady("merge_gather", users, params)))
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
