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
 * The reference's {@code single} scenario (reference-benchmark.md §6.1): after the warm-up, {@code
 * -Dusers} users (10) for {@code -Dduration} (60 s), each iteration calling {@code
 * /predict/<client>/sample?mode=single} for every compared client in turn ({@code -Dorder}: the
 * first client rotates per iteration) with {@code -DpauseMs} (50 ms) after each. Requests: {@code
 * single sync}, {@code single async}. {@code -Dmodel=open -Drate=<req/s>} switches to arrivals at
 * that rate over all clients, each client its own arrival process. Run: {@code bin/mvn gatling:test
 * -Dsimulation=SingleMode}.
 */
public class SingleMode extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts (-Dmode is refused:
  // the read mode is in the name).
  private final Parameters params =
      Parameters.fromSystemProperties(
          "SingleMode", Parameters.COMPARED, EnumSet.of(Part.STEADY, Part.CALLS_IN_TURN));
  private final RunHarness harness =
      new RunHarness(
          "SingleMode",
          params,
          List.of("single"),
          params.users(),
          RunHarness.WarmupCalls.of("single", params));

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Scenario: closed, users calling every client in turn (order rotated per iteration); open,
  // one arrival process per client
  private final Phase single = Phase.steady("single", "single", params, harness.recording());

  // Assertions: conf/gate.properties (or -Dassertions=<file>), per request name
  private final List<Assertion> assertions =
      SloAssertions.load(params).forRequests(List.of("single"), params.clients());

  {
    setUp(harness.afterWarmup(single)).protocols(httpProtocol).assertions(assertions);
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
