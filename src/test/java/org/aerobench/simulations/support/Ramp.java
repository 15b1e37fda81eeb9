package org.aerobench.simulations.support;

import java.time.Duration;

/**
 * The stress ramp of reference §6.1, closed model: 0 → {@code users1} over {@code up1}, → {@code
 * users2} over {@code up2}, → 0 over {@code down}.
 */
public record Ramp(int users1, int users2, Duration up1, Duration up2, Duration down) {

  /** Wall time of the whole ramp. */
  public Duration total() {
    return up1.plus(up2).plus(down);
  }
}
