package org.aerobench.simulations.support;

import java.time.Duration;
import java.util.Locale;
import java.util.Random;

/**
 * The pause after each closed-model call ({@code -DpauseMs}, {@code -DpauseDistribution}). A
 * constant pause lets users fall into lock-step with each other and with periodic work in the app
 * (GC, the metrics scrape); a random pause with the same mean spreads the calls out.
 *
 * @param distribution how pauses vary around the mean
 * @param mean the mean pause ({@code -DpauseMs})
 * @param seed seeds the draws ({@code -Dseed}), recorded in {@code conditions.json}
 */
public record Pauses(Distribution distribution, Duration mean, long seed) {

  /** How pauses vary around their mean. */
  public enum Distribution {
    /** Every pause is the mean (the reference's {@code sleep(0.05)}). */
    CONSTANT,
    /**
     * Exponentially distributed with that mean: calls of the users together come as a Poisson
     * process.
     */
    EXPONENTIAL,
    /** Uniform between 0 and twice the mean. */
    UNIFORM;

    /** The name in {@code -DpauseDistribution} and in {@code conditions.json}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The distribution named {@code text} (any case), or null when there is none. */
    static Distribution fromWireName(String text) {
      for (Distribution d : values()) {
        if (d.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
          return d;
        }
      }
      return null;
    }
  }

  /** A source of pauses; one per scenario, safe to call from Gatling's threads. */
  public Source source() {
    return new Source(this);
  }

  /** Draws pauses one after the other. */
  public static final class Source {
    private final Pauses pauses;
    private final Random random;

    private Source(Pauses pauses) {
      this.pauses = pauses;
      this.random = new Random(pauses.seed());
    }

    /** The next pause. */
    public Duration next() {
      long meanNanos = pauses.mean().toNanos();
      if (pauses.distribution() == Distribution.CONSTANT || meanNanos == 0) {
        return pauses.mean();
      }
      double u;
      synchronized (random) {
        u = random.nextDouble();
      }
      double nanos =
          pauses.distribution() == Distribution.EXPONENTIAL
              ? -Math.log(1 - u) * meanNanos // inverse CDF; 1 - u is in (0, 1]
              : 2 * u * meanNanos;
      return Duration.ofNanos(Math.round(nanos));
    }
  }
}
