package org.aerobench.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.aerobench.report.run.RunConditions;
import org.aerobench.simulations.support.CapacityPlan;
import org.aerobench.simulations.support.CapacityProbe;
import org.aerobench.simulations.support.LatencyInjection;
import org.aerobench.simulations.support.LatencySwitch;
import org.aerobench.simulations.support.Parameters;
import org.aerobench.simulations.support.Parameters.Part;
import org.aerobench.simulations.support.Phase;
import org.aerobench.simulations.support.PredictCalls;
import org.aerobench.simulations.support.RunHarness;
import org.aerobench.simulations.support.SloAssertions;

/**
 * The capacity study: for each cluster latency profile ({@code -Dprofile}, default {@code
 * reference}; {@code -Dprofiles=a,b} climbs under each in turn), an open model climbs through
 * geometric rate levels ({@code -DrateStart} 10 … {@code -DrateMax} 640 req/s per client in {@code
 * -DrateSteps} 13 levels, or {@code -Drates=a,b,c}), each {@code -DstepDuration} (20 s) long with
 * its first {@code -Dsettle} (5 s) left out of its statistics. Every compared client is offered the
 * same rate at each level, its arrivals interleaved with the others' and never waiting on another
 * client's response. A level is broken for a client when its p95 exceeds the client's SLO ({@code
 * conf/gate.properties}), errors exceed the limit, or it achieves less than 95 % of the offered
 * rate; a broken client is offered no higher level, and the run stops once every client has broken.
 * Requests: {@code <profile>@<rate> <client>}, e.g. {@code reference@40 sync}. Run: {@code bin/mvn
 * gatling:test -Dsimulation=Capacity -Dmode=gather}.
 */
public class Capacity extends Simulation {

  // Parameters: -D with defaults, all checked here, before anything starts.
  // (-Dusers, -DpauseMs, -Dorder, the ramp: refused, the levels' arrivals are the load)
  private final Parameters shared =
      Parameters.fromSystemProperties("Capacity", Parameters.COMPARED, EnumSet.of(Part.READ_MODE));
  private final CapacityPlan plan = CapacityPlan.fromSystemProperties(shared);
  private final Parameters params =
      shared.withLatency(new LatencyInjection(plan.profiles().get(0).latency()));
  private final RunHarness harness =
      new RunHarness(
          "Capacity",
          params,
          plan.labels(),
          0,
          RunHarness.WarmupCalls.of(params.readMode(), params));
  private final CapacityProbe probe =
      new CapacityProbe(
          plan, params, harness, SloAssertions.load(params).breakRules(params.clients()));

  // Protocol
  private final HttpProtocolBuilder httpProtocol = PredictCalls.protocol(harness.baseUrl());

  // Chains: one call per arrival; a client that broke at a lower level of the profile is skipped
  private ChainBuilder call(String profile, String label, String client) {
    return doIf(session -> probe.offers(profile, client))
        .then(
            PredictCalls.timed(
                label, client, params.readMode(), params, harness.recording().withListener(probe)));
  }

  // Scenarios: one per level; arrivals go round-robin to the clients, so each gets the rate
  private Phase level(CapacityPlan.Profile profile, double rate) {
    String label = CapacityPlan.label(profile.name(), rate);
    List<ChainBuilder> calls = new ArrayList<>();
    params.clients().forEach(client -> calls.add(call(profile.name(), label, client)));
    // (Gatling's round-robin switch needs two cases at least)
    ScenarioBuilder arrivals =
        calls.size() == 1
            ? scenario(label).exec(calls.get(0))
            : scenario(label).roundRobinSwitch().on(calls);
    return new Phase(
        label,
        arrivals.injectOpen(
            constantUsersPerSec(rate * params.clients().size()).during(plan.step())));
  }

  private Phase[] levels() {
    List<Phase> phases = new ArrayList<>();
    plan.profiles().forEach(p -> plan.rates().forEach(rate -> phases.add(level(p, rate))));
    return phases.toArray(Phase[]::new);
  }

  // No assertions: breaking is what the study measures; the verdict is in the comparison report.
  {
    harness.describeLoad(
        new RunConditions.LoadModel(
            "open-levels",
            0,
            plan.rates().get(plan.rates().size() - 1) * params.clients().size(),
            0,
            "none"));
    LatencySwitch latency = new LatencySwitch(plan, harness);
    harness.afterEachPhase(
        label -> {
          probe.levelEnded(label);
          latency.beforeNext(label);
        });
    harness.stopWhen(probe::stopReason);
    harness.alsoWrite(files -> probe.write(files.capacity()));
    setUp(harness.afterWarmup(levels())).protocols(httpProtocol);
  }

  @Override
  public void before() {
    System.out.println(
        "aerobench: capacity plan: "
            + plan.rates().size()
            + " levels "
            + plan.rates()
            + " req/s per client x "
            + plan.profiles().stream().map(CapacityPlan.Profile::name).toList()
            + ", "
            + plan.step().toSeconds()
            + " s each (first "
            + plan.settle().toSeconds()
            + " s settle), at most "
            + plan.maxDuration().toSeconds()
            + " s of levels");
    harness.before();
  }

  @Override
  public void after() {
    harness.after();
  }
}
