package org.aerobench.simulations.support;

import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;

/**
 * The stress ramp of reference §6.1: closed model 0 → {@code users1} over {@code up1}, → {@code
 * users2} over {@code up2}, → {@link #LAST_USERS} over {@code down}; open model ({@code
 * -Dmodel=open}) the same legs as arrival rates, 0 → {@code rate1} → {@code rate2} → 0 requests per
 * second over all the phase's clients.
 *
 * @param rate1 open model: the rate the first leg reaches (0 in a closed run)
 * @param rate2 open model: the rate the second leg reaches (0 in a closed run)
 */
public record Ramp(
    int users1, int users2, Duration up1, Duration up2, Duration down, double rate1, double rate2) {

  /**
   * Where the ramp-down ends. The reference ramps to 0; Gatling 3.15.1 never ends a closed ramp to
   * 0 when every user finishes before the ramp does (it notices completion only when a user ends,
   * and none is left to end), so the run would hang. Ending at one user differs from 0 only in the
   * ramp's last instant. (An open ramp ends on its schedule, so it can go down to 0.)
   */
  public static final int LAST_USERS = 1;

  /**
   * The open ramp's second target when {@code -DrampRate2} is absent: {@code -DrampRate1} times the
   * closed ramp's 50/20 users.
   */
  public static final double RATE2_PER_RATE = 2.5;

  /** A closed-model ramp. */
  public Ramp(int users1, int users2, Duration up1, Duration up2, Duration down) {
    this(users1, users2, up1, up2, down, 0, 0);
  }

  /** The three legs as Gatling closed-model injection steps. */
  public ClosedInjectionStep[] steps() {
    return new ClosedInjectionStep[] {
      rampConcurrentUsers(0).to(users1).during(up1),
      rampConcurrentUsers(users1).to(users2).during(up2),
      rampConcurrentUsers(users2).to(LAST_USERS).during(down)
    };
  }

  /** The three legs as Gatling open-model arrival-rate steps (requests per second). */
  public OpenInjectionStep[] rateSteps() {
    return new OpenInjectionStep[] {
      rampUsersPerSec(0).to(rate1).during(up1),
      rampUsersPerSec(rate1).to(rate2).during(up2),
      rampUsersPerSec(rate2).to(0).during(down)
    };
  }
}
