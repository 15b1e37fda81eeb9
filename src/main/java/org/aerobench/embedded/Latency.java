package org.aerobench.embedded;

import java.time.Duration;
import java.util.Objects;
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

  /**
   * For logs, reports and the launcher: "off", "fixed 5 ms", "log-normal median 2 ms, p99 9.5 ms".
   */
  String describe();

  /** The largest delay any latency option accepts, in milliseconds (one minute). */
  double MAX_MS = 60_000;

  /**
   * The one place the latency options are checked: a fixed delay, or a log-normal one given by its
   * median and p99, in milliseconds (fractions allowed: replies are scheduled in nanoseconds).
   * {@code null} means "not given"; a fixed 0 means off.
   *
   * @throws IllegalArgumentException naming the values generically (fixed, median, p99) and the
   *     rule; callers prefix their own option or key names
   */
  static Latency fromMillis(Double fixedMs, Double medianMs, Double p99Ms) {
    checkMillis("fixed", fixedMs, true);
    checkMillis("median", medianMs, false);
    checkMillis("p99", p99Ms, false);
    if (fixedMs != null && (medianMs != null || p99Ms != null)) {
      throw new IllegalArgumentException(
          "latency: a fixed delay cannot be combined with a log-normal median/p99;"
              + " choose fixed or log-normal");
    }
    if (fixedMs != null) {
      return fixed(nanos(fixedMs));
    }
    if (medianMs == null && p99Ms == null) {
      return NONE;
    }
    if (medianMs == null || p99Ms == null) {
      throw new IllegalArgumentException(
          "latency: a log-normal delay needs both a median and a p99; give both or neither");
    }
    return logNormal(nanos(medianMs), nanos(p99Ms));
  }

  /**
   * Parses the settings form used by the info command and the node options: {@code off}, {@code
   * fixed-ms=<ms>} or {@code median-ms=<ms>;p99-ms=<ms>}, checked by {@link #fromMillis}.
   *
   * @throws IllegalArgumentException naming the setting and the rule
   */
  static Latency parse(String settings) {
    if (settings.equals("off")) {
      return NONE;
    }
    if (settings.isBlank()) {
      throw new IllegalArgumentException("latency: no setting given");
    }
    java.util.Map<String, Double> values = new java.util.HashMap<>();
    for (String pair : settings.split(";")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq).trim();
      if (eq < 0 || !(key.equals("fixed-ms") || key.equals("median-ms") || key.equals("p99-ms"))) {
        throw new IllegalArgumentException("latency: unknown latency setting '" + cut(pair) + "'");
      }
      try {
        values.put(key, Double.parseDouble(pair.substring(eq + 1).trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "latency: "
                + key
                + " is not a number of milliseconds ('"
                + cut(pair.substring(eq + 1))
                + "')");
      }
    }
    return fromMillis(values.get("fixed-ms"), values.get("median-ms"), values.get("p99-ms"));
  }

  private static String cut(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }

  private static void checkMillis(String what, Double ms, boolean zeroAllowed) {
    if (ms == null) {
      return;
    }
    boolean low = zeroAllowed ? !(ms >= 0) : !(ms > 0);
    if (low || ms > MAX_MS) {
      throw new IllegalArgumentException(
          "latency: "
              + what
              + " "
              + format(ms)
              + " ms is not allowed; give milliseconds "
              + (zeroAllowed ? ">= 0" : "> 0")
              + " and <= "
              + (long) MAX_MS
              + " (fractions allowed, e.g. 0.5)");
    }
  }

  private static Duration nanos(double ms) {
    return Duration.ofNanos(Math.round(ms * 1_000_000));
  }

  /** Milliseconds for messages and {@link #describe()}: "2", "0.5", "1.25". */
  private static String millis(Duration d) {
    return format(d.toNanos() / 1e6);
  }

  private static String format(double ms) {
    return ms == Math.rint(ms) && Math.abs(ms) < 1e15
        ? Long.toString((long) ms)
        : Double.toString(ms);
  }

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
            "latency: fixed " + millis(delay) + " ms is negative; give 0 or more");
      }
    }

    @Override
    public long sampleNanos() {
      return delay.toNanos();
    }

    @Override
    public String describe() {
      return "fixed " + millis(delay) + " ms";
    }
  }

  /**
   * {@code ln X ~ N(mu, sigma)}; a class rather than a record so that mu and sigma, which depend
   * only on the config, are computed once instead of on every delayed reply.
   */
  final class LogNormal implements Latency {
    private static final double Z99 = 2.326348; // standard normal 99th percentile

    private final Duration median;
    private final Duration p99;
    private final double mu;
    private final double sigma;

    public LogNormal(Duration median, Duration p99) {
      if (median.isNegative() || median.isZero()) {
        throw new IllegalArgumentException(
            "latency: median " + millis(median) + " ms must be above 0");
      }
      if (p99.compareTo(median) < 0) {
        throw new IllegalArgumentException(
            "latency: p99 "
                + millis(p99)
                + " ms is below the median "
                + millis(median)
                + " ms; give p99 >= median");
      }
      this.median = median;
      this.p99 = p99;
      this.mu = Math.log(median.toNanos());
      this.sigma = Math.log((double) p99.toNanos() / median.toNanos()) / Z99;
    }

    public Duration median() {
      return median;
    }

    public Duration p99() {
      return p99;
    }

    @Override
    public long sampleNanos() {
      return (long) Math.exp(mu + sigma * ThreadLocalRandom.current().nextGaussian());
    }

    @Override
    public String describe() {
      return "log-normal median " + millis(median) + " ms, p99 " + millis(p99) + " ms";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof LogNormal other && median.equals(other.median) && p99.equals(other.p99);
    }

    @Override
    public int hashCode() {
      return Objects.hash(median, p99);
    }

    @Override
    public String toString() {
      return describe();
    }
  }
}
