package org.aerobench.simulations.support;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;

/**
 * One scenario of a run with its injection, named by its label (the first word of its request names
 * and the name of its {@code metrics-<label>.prom} scrape).
 */
public record Phase(String label, PopulationBuilder load) {

  /**
   * The steady load of reference §6.1: {@code -Dusers} concurrent users for {@code -Dduration}
   * (closed model), or with {@code -Dmodel=open} new users arriving at {@code -Drate} requests per
   * second over all compared clients, each user calling every client once (open model: arrivals do
   * not wait for responses, so slow responses cannot slow the load down).
   */
  public static Phase steady(String label, ScenarioBuilder scenario, Parameters params) {
    PopulationBuilder load =
        params.model() == Parameters.Model.OPEN
            ? scenario.injectOpen(
                constantUsersPerSec(params.rate() / params.clients().size())
                    .during(params.duration()))
            : scenario.injectClosed(
                constantConcurrentUsers(params.users()).during(params.duration()));
    return new Phase(label, load);
  }
}
