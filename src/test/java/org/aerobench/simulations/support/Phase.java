package org.aerobench.simulations.support;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.PopulationBuilder;

/**
 * One scenario of a run with its injection, named by its label (the first word of its request names
 * and the name of its {@code metrics-<label>.prom} scrape).
 */
public record Phase(String label, PopulationBuilder load) {

  /**
   * The steady load of reference §6.1 in the run's load model. Closed: {@code -Dusers} concurrent
   * users for {@code -Dduration}, each calling every compared client once ({@link
   * PredictCalls#inTurn}). Open ({@code -Dmodel=open}): arrivals at {@code -Drate} requests per
   * second over all compared clients for {@code -Dduration}, each calling one client ({@link
   * PredictCalls#arrivals}), so every client has an arrival process of its own at {@code -Drate /
   * n} and slow responses slow neither the load nor the other clients down.
   *
   * @param label the phase label and scenario name, first word of its request names
   * @param readMode the read mode its calls send
   */
  public static Phase steady(
      String label, String readMode, Parameters params, Recording recording) {
    PopulationBuilder load =
        params.model() == Parameters.Model.OPEN
            ? scenario(label)
                .exec(PredictCalls.arrivals(label, readMode, params, recording))
                .injectOpen(constantUsersPerSec(params.rate()).during(params.duration()))
            : scenario(label)
                .exec(PredictCalls.inTurn(label, readMode, params, recording))
                .injectClosed(constantConcurrentUsers(params.users()).during(params.duration()));
    return new Phase(label, load);
  }

  /**
   * The stress ramp of reference §6.1 in single mode, in the run's load model: closed, users ramp
   * ({@link Ramp#steps}) each calling every client in turn; open, an arrival-rate ramp ({@link
   * Ramp#rateSteps}, over all of {@code params}' clients) of one call per arrival.
   */
  public static Phase stress(String label, Parameters params, Recording recording) {
    String readMode = "single";
    PopulationBuilder load =
        params.model() == Parameters.Model.OPEN
            ? scenario(label)
                .exec(PredictCalls.arrivals(label, readMode, params, recording))
                .injectOpen(params.ramp().rateSteps())
            : scenario(label)
                .exec(PredictCalls.inTurn(label, readMode, params, recording))
                .injectClosed(params.ramp().steps());
    return new Phase(label, load);
  }
}
