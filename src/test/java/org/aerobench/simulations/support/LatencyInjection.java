package org.aerobench.simulations.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Latency the embedded Aerospike adds to every reply, to emulate a remote cluster: none, a fixed
 * delay, or a log-normal delay given by its median and 99th percentile. Passed to {@code serve} as
 * {@code --latency-fixed-ms} or {@code --latency-median-ms} + {@code --latency-p99-ms}.
 */
public record LatencyInjection(double fixedMs, double medianMs, double p99Ms) {

  public static final LatencyInjection OFF = new LatencyInjection(0, 0, 0);

  public static LatencyInjection fixed(double ms) {
    return new LatencyInjection(ms, 0, 0);
  }

  public static LatencyInjection logNormal(double medianMs, double p99Ms) {
    return new LatencyInjection(0, medianMs, p99Ms);
  }

  public boolean isOff() {
    return fixedMs == 0 && medianMs == 0;
  }

  /** The {@code serve} flags that request this injection (none when off). */
  public List<String> serveFlags() {
    List<String> flags = new ArrayList<>();
    if (fixedMs > 0) {
      flags.add("--latency-fixed-ms=" + number(fixedMs));
    } else if (medianMs > 0) {
      flags.add("--latency-median-ms=" + number(medianMs));
      flags.add("--latency-p99-ms=" + number(p99Ms));
    }
    return flags;
  }

  /**
   * For the run conditions: {@code off}, {@code fixed 2 ms}, {@code log-normal median 1 ms p99 5
   * ms}.
   */
  public String describe() {
    if (fixedMs > 0) {
      return "fixed " + number(fixedMs) + " ms";
    }
    if (medianMs > 0) {
      return "log-normal median " + number(medianMs) + " ms p99 " + number(p99Ms) + " ms";
    }
    return "off";
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%s", value);
  }
}
