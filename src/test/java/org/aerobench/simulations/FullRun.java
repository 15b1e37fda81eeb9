package org.aerobench.simulations;

import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.simulations.support.Parameters;
import org.aerobench.simulations.support.Phase;
import org.aerobench.simulations.support.PredictCalls;
import org.aerobench.simulations.support.Ramp;
import org.aerobench.simulations.support.RunHarness;
import org.aerobench.simulations.support.SloAssertions;

/**
 * The reference's whole k6 schedule in one run (reference-benchmark.md §6.1/§6.2): warm-up (2 users
 * × {@code -Dwarmup}), then back to back {@code single}, {@code gather} and {@code merge_gather}
 * ({@code -Dusers} × {@code -Dduration} each, every compared client in turn), then the {@code
 * stress} ramp on {@code -DstressClients} (async). Each phase's requests carry its label ({@code
 * single sync}, {@code gather async}, {@code stress async}, ...) and its {@code /metrics} are
 * scraped when it ends. Defaults take about 5 min 10 s.
 */
public class FullRun extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts.
  private final Parameters params = checked(Parameters.fromSystemProperties(Parameters.COMPARED));
  private final Parameters stressParams = params.withClients(params.stressClients());
  private final Ramp ramp = params.ramp();
  private final RunHarness harness =
      new RunHarness(
          "FullRun",
          params,
          List.of("single", "gather", "merge_gather", "stress"),
          Math.max(params.users(), Math.max(ramp.users1(), ramp.users2())));

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Scenarios: one per phase, one iteration per virtual user
  private final ScenarioBuilder single = steady("single");
  private final ScenarioBuilder gather = steady("gather");
  private final ScenarioBuilder mergeGather = steady("merge_gather");
  private final ScenarioBuilder stress =
      scenario("stress")
          .exec(PredictCalls.alternate("stress", "single", stressParams, harness.recording()));

  // Assertions
  private final List<Assertion> assertions = assertions();

  {
    setUp(
            harness.afterWarmup(
                Phase.steady("single", single, params),
                Phase.steady("gather", gather, params),
                Phase.steady("merge_gather", mergeGather, params),
                new Phase("stress", stress.injectClosed(ramp.steps()))))
        .protocols(httpProtocol)
        .assertions(assertions);
  }

  private ScenarioBuilder steady(String mode) {
    return scenario(mode).exec(PredictCalls.alternate(mode, mode, params, harness.recording()));
  }

  private List<Assertion> assertions() {
    SloAssertions slo = SloAssertions.load(params);
    List<Assertion> all =
        new ArrayList<>(
            slo.forRequests(List.of("single", "gather", "merge_gather"), params.clients()));
    all.addAll(slo.forRequests(List.of("stress"), params.stressClients()));
    return all;
  }

  private static Parameters checked(Parameters params) {
    params.requireClosedModel("FullRun");
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
