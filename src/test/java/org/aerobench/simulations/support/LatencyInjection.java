package org.aerobench.simulations.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.aerobench.embedded.Latency;

/**
 * Latency the embedded Aerospike adds to every reply, to emulate a remote cluster (checked by
 * {@link Latency#fromMillis}, like every other latency option). Passed to {@code serve} as {@code
 * --latency-fixed-ms} or {@code --latency-median-ms} + {@code --latency-p99-ms}.
 */
public record LatencyInjection(Latency latency) {

  public static final LatencyInjection OFF = new LatencyInjection(Latency.NONE);

  public boolean isOff() {
    return Latency.NONE.equals(latency);
  }

  /** The {@code serve} flags that request this injection (none when off). */
  public List<String> serveFlags() {
    return switch (latency) {
      case Latency.None none -> List.of();
      case Latency.Fixed fixed -> List.of("--latency-fixed-ms=" + millis(fixed.delay()));
      case Latency.LogNormal logNormal ->
          List.of(
              "--latency-median-ms=" + millis(logNormal.median()),
              "--latency-p99-ms=" + millis(logNormal.p99()));
    };
  }

  /**
   * For the run conditions: {@code off}, {@code fixed 2 ms}, ... (see {@link Latency#describe}).
   */
  public String describe() {
    return latency.describe();
  }

  private static String millis(Duration d) {
    return BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString();
  }
}
