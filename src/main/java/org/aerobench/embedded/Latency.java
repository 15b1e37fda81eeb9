package org.aerobench.embedded;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delay added to each AS_MSG reply, to emulate a remote cluster's network time on loopback. The
 * reply is scheduled, never slept on, so the I/O threads keep serving other connections.
 */
public sealed interface Latency {

  /** No delay (the default). */
  Latency NONE = new None();

  /** The next delay in nanoseconds. */
  long sampleNanos();

  /** For logs and the launcher: "off", "fixed 5.0 ms", "log-normal median 2.0 ms, p99 9.0 ms". */
  String describe();

  static Latency fixed(Duration delay) {
    return delay.isZero() ? NONE : new Fixed(delay);
  }

  /**
   * A log-normal delay with the given median and 99th percentile: {@code ln X ~ N(ln median,
   * sigma)} with {@code sigma = ln(p99 / median) / 2.3263}.
   */
  static Latency logNormal(Duration median, Duration p99) {
    return new LogNormal(median, p99);
  }

  record None() implements Latency {
    @Override
    public long sampleNanos() {
      return 0;
    }

    @Override
    public String describe() {
      return "off";
    }
  }

  record Fixed(Duration delay) implements Latency {
    public Fixed {
      if (delay.isNegative()) {
        throw new IllegalArgumentException(
            "fixed latency " + delay.toMillis() + " ms is negative; use 0 or more");
      }
    }

    @Override
    public long sampleNanos() {
      return delay.toNanos();
    }

    @Override
    public String describe() {
      return "fixed " + delay.toNanos() / 1e6 + " ms";
    }
  }

  record LogNormal(Duration median, Duration p99) implements Latency {
    private static final double Z99 = 2.326348; // standard normal 99th percentile

    public LogNormal {
      if (median.isNegative() || median.isZero()) {
        throw new IllegalArgumentException(
            "latency median " + median.toMillis() + " ms must be above 0");
      }
      if (p99.compareTo(median) < 0) {
        throw new IllegalArgumentException(
            "latency p99 "
                + p99.toMillis()
                + " ms is below the median "
                + median.toMillis()
                + " ms; give a p99 >= median");
      }
    }

    @Override
    public long sampleNanos() {
      double mu = Math.log(median.toNanos());
      double sigma = Math.log((double) p99.toNanos() / median.toNanos()) / Z99;
      return (long) Math.exp(mu + sigma * ThreadLocalRandom.current().nextGaussian());
    }

    @Override
    public String describe() {
      return "log-normal median "
          + median.toNanos() / 1e6
          + " ms, p99 "
          + p99.toNanos() / 1e6
          + " ms";
    }
  }
}
