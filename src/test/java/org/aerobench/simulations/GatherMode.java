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
 * The reference's {@code gather} scenario (reference-benchmark.md §6.1): after the warm-up, {@code
 * -Dusers} users (10) for {@code -Dduration} (60 s), each iteration calling {@code
 * /predict/<client>/sample?mode=gather} for every compared client in turn ({@code -Dorder}: the
 * first client rotates per iteration) with {@code -DpauseMs} (50 ms) after each. Requests: {@code
 * gather sync}, {@code gather async}. {@code -Dmodel=open -Drate=<req/s>} switches to arrivals at
 * that rate over all clients, each client its own arrival process. Run: {@code bin/mvn gatling:test
 * -Dsimulation=GatherMode}.
 */
public class GatherMode extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts (-Dmode is refused:
  // the read mode is in the name).
  private final Parameters params =
      Parameters.fromSystemProperties(
          "GatherMode", Parameters.COMPARED, EnumSet.of(Part.STEADY, Part.CALLS_IN_TURN));
  private final RunHarness harness =
      new RunHarness(
          "GatherMode",
          params,
          List.of("gather"),
          params.users(),
          RunHarness.WarmupCalls.of("gather", params));

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Scenario: closed, users calling every client in turn (order rotated per iteration); open,
  // one arrival process per client
  private final Phase gather = Phase.steady("gather", "gather", params, harness.recording());

  // Assertions: conf/gate.properties (or -Dassertions=<file>), per request name
  private final List<Assertion> assertions =
      SloAssertions.load(params).forRequests(List.of("gather"), params.clients());

  {
    setUp(harness.afterWarmup(gather)).protocols(httpProtocol).assertions(assertions);
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
