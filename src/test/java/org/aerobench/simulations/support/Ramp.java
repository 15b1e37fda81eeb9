package org.aerobench.simulations.support;

import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;

import io.gatling.javaapi.core.ClosedInjectionStep;
import java.time.Duration;

/**
 * The stress ramp of reference §6.1, closed model: 0 → {@code users1} over {@code up1}, → {@code
 * users2} over {@code up2}, → {@link #LAST_USERS} over {@code down}.
 */
public record Ramp(int users1, int users2, Duration up1, Duration up2, Duration down) {

  /**
   * Where the ramp-down ends. The reference ramps to 0; Gatling 3.15.1 never ends a closed ramp to
   * 0 when every user finishes before the ramp does (it notices completion only when a user ends,
   * and none is left to end), so the run would hang. Ending at one user differs from 0 only in the
   * ramp's last instant.
   */
  public static final int LAST_USERS = 1;

  /** Wall time of the whole ramp. */
  public Duration total() {
    return up1.plus(up2).plus(down);
  }

  /** The three legs as Gatling closed-model injection steps. */
  public ClosedInjectionStep[] steps() {
    return new ClosedInjectionStep[] {
      rampConcurrentUsers(0).to(users1).during(up1),
      rampConcurrentUsers(users1).to(users2).during(up2),
      rampConcurrentUsers(users2).to(LAST_USERS).during(down)
    };
  }
}
