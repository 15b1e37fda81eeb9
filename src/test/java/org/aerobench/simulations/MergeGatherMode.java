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
 * The reference's {@code merge_gather} scenario (reference-benchmark.md §6.2, run there on the
 * async client only; here on every compared client): after the warm-up, {@code -Dusers} users (10)
 * for {@code -Dduration} (60 s), each iteration calling {@code
 * /predict/<client>/sample?mode=merge_gather} for every compared client in turn ({@code -Dorder}:
 * the first client rotates per iteration) with {@code -DpauseMs} (50 ms) after each. Requests:
 * {@code merge_gather sync}, {@code merge_gather async}. {@code -Dmodel=open -Drate=<req/s>}
 * switches to arrivals at that rate over all clients, each client its own arrival process.
 */
public class MergeGatherMode extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts (-Dmode is refused:
  // the read mode is in the name).
  private final Parameters params =
      Parameters.fromSystemProperties(
          "MergeGatherMode", Parameters.COMPARED, EnumSet.of(Part.STEADY, Part.CALLS_IN_TURN));
  private final RunHarness harness =
      new RunHarness(
          "MergeGatherMode",
          params,
          List.of("merge_gather"),
          params.users(),
          RunHarness.WarmupCalls.of("merge_gather", params));

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Scenario: closed, users calling every client in turn (order rotated per iteration); open,
  // one arrival process per client
  private final Phase mergeGather =
      Phase.steady("merge_gather", "merge_gather", params, harness.recording());

  // Assertions: conf/gate.properties (or -Dassertions=<file>), per request name
  private final List<Assertion> assertions =
      SloAssertions.load(params).forRequests(List.of("merge_gather"), params.clients());

  {
    setUp(harness.afterWarmup(mergeGather)).protocols(httpProtocol).assertions(assertions);
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
