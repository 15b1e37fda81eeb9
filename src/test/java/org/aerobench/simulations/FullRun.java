package org.aerobench.simulations;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
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
 * The reference's whole k6 schedule in one run (reference-benchmark.md §6.1/§6.2): warm-up (2 users
 * calling every read mode and client below, at least {@code -Dwarmup}), then back to back {@code
 * single}, {@code gather} and {@code merge_gather} ({@code -Dusers} × {@code -Dduration} each,
 * every compared client in turn), then the {@code stress} ramp on {@code -DstressClients} (async).
 * {@code -Dmodel=open -Drate=<req/s>} makes every phase open: arrivals at the rate (the stress
 * phase ramps it, see StressMode), each client its own arrival process. Each phase's requests carry
 * its label ({@code single sync}, {@code gather async}, {@code stress async}, ...) and its {@code
 * /metrics} are scraped when it ends. Defaults take about 5 min 10 s.
 */
public class FullRun extends Simulation {

  private static final List<String> STEADY_PHASES = List.of("single", "gather", "merge_gather");

  // Parameters: -D with defaults, all checked here, before anything starts (-Dmode is refused:
  // every phase's read mode is its label).
  private final Parameters params =
      Parameters.fromSystemProperties(
          "FullRun",
          Parameters.COMPARED,
          EnumSet.of(Part.STEADY, Part.CALLS_IN_TURN, Part.RAMP, Part.STRESS_CLIENTS));
  private final Parameters stressParams = params.withClients(params.stressClients());
  private final Ramp ramp = params.ramp();
  private final RunHarness harness =
      new RunHarness(
          "FullRun",
          params,
          List.of("single", "gather", "merge_gather", "stress"),
          Math.max(params.users(), Math.max(ramp.users1(), ramp.users2())),
          new RunHarness.WarmupCalls(STEADY_PHASES, clientsOfEveryPhase()));

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Scenarios: one per phase; the label is also the read mode of the steady phases
  private final Phase single = Phase.steady("single", "single", params, harness.recording());
  private final Phase gather = Phase.steady("gather", "gather", params, harness.recording());
  private final Phase mergeGather =
      Phase.steady("merge_gather", "merge_gather", params, harness.recording());
  private final Phase stress = Phase.stress("stress", stressParams, harness.recording());

  // Assertions
  private final List<Assertion> assertions = assertions();

  {
    setUp(harness.afterWarmup(single, gather, mergeGather, stress))
        .protocols(httpProtocol)
        .assertions(assertions);
  }

  private List<String> clientsOfEveryPhase() {
    List<String> clients = new ArrayList<>(params.clients());
    clients.addAll(params.stressClients());
    return clients; // WarmupCalls drops the repeats
  }

  private List<Assertion> assertions() {
    SloAssertions slo = SloAssertions.load(params);
    List<Assertion> all = new ArrayList<>(slo.forRequests(STEADY_PHASES, params.clients()));
    all.addAll(slo.forRequests(List.of("stress"), params.stressClients()));
    return all;
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
