package org.aerobench.bench;

import java.time.Duration;
import java.util.Locale;
import org.aerobench.embedded.Latency;

/**
 * The latency the embedded server adds to every command: none, a fixed delay, or a log-normal delay
 * given by its median and p99 (all in milliseconds).
 */
public record LatencyInjection(Double fixedMs, Double medianMs, Double p99Ms) {

  /** No injected latency. */
  public static final LatencyInjection OFF = new LatencyInjection(null, null, null);

  /**
   * Checks the combination of the three options.
   *
   * @throws IllegalArgumentException naming the options and the rule
   */
  public static LatencyInjection of(Double fixedMs, Double medianMs, Double p99Ms) {
    if (fixedMs != null) {
      BenchArguments.checkMillis("--latency-fixed-ms", fixedMs);
    }
    if (medianMs != null) {
      BenchArguments.checkMillis("--latency-median-ms", medianMs);
    }
    if (p99Ms != null) {
      BenchArguments.checkMillis("--latency-p99-ms", p99Ms);
    }
    if ((medianMs == null) != (p99Ms == null)) {
      throw new IllegalArgumentException(
          "--latency-median-ms and --latency-p99-ms go together; give both or neither");
    }
    if (fixedMs != null && medianMs != null) {
      throw new IllegalArgumentException(
          "--latency-fixed-ms cannot be combined with --latency-median-ms/--latency-p99-ms;"
              + " choose a fixed or a log-normal latency");
    }
    if (medianMs != null && medianMs == 0) {
      throw new IllegalArgumentException(
          "--latency-median-ms: 0 is not allowed; a log-normal latency needs a median above 0");
    }
    if (medianMs != null && p99Ms < medianMs) {
      throw new IllegalArgumentException(
          "--latency-p99-ms "
              + p99Ms
              + " is below --latency-median-ms "
              + medianMs
              + "; the p99 must be at least the median");
    }
    return new LatencyInjection(fixedMs, medianMs, p99Ms);
  }

  /** The embedded server's form of this latency. */
  public Latency toLatency() {
    if (fixedMs != null) {
      return Latency.fixed(millis(fixedMs));
    }
    if (medianMs != null) {
      return Latency.logNormal(millis(medianMs), millis(p99Ms));
    }
    return Latency.NONE;
  }

  private static Duration millis(double ms) {
    return Duration.ofNanos(Math.round(ms * 1_000_000));
  }

  public boolean isOff() {
    return fixedMs == null && medianMs == null;
  }

  /**
   * For reports: {@code off}, {@code fixed 2.0 ms}, {@code log-normal median 1.0 ms, p99 5.0 ms}.
   */
  public String describe() {
    if (fixedMs != null) {
      return String.format(Locale.ROOT, "fixed %.1f ms", fixedMs);
    }
    if (medianMs != null) {
      return String.format(Locale.ROOT, "log-normal median %.1f ms, p99 %.1f ms", medianMs, p99Ms);
    }
    return "off";
  }
}
