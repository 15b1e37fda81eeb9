package org.aerobench.report.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The "nines" axis of a percentile-distribution chart: x = −log10(1 − p), so 90 %, 99 %, 99.9 % are
 * evenly spaced and the tail, where client styles differ, gets as much room as the median.
 */
public final class Nines {

  /** A labelled position on the axis, e.g. x = 2, "99%". */
  public record Tick(double nines, String label) {}

  private Nines() {}

  /**
   * The axis position of percentile {@code percentile} (0 ≤ p &lt; 100).
   *
   * @throws IllegalArgumentException for p outside [0, 100), whose position is infinite
   */
  public static double of(double percentile) {
    if (!(percentile >= 0 && percentile < 100)) {
      throw new IllegalArgumentException("percentile " + percentile + " is not in [0, 100)");
    }
    return -Math.log10(1 - percentile / 100);
  }

  /**
   * The position of a percentile of {@code count} samples, at most log10(count): beyond the "one in
   * count" level the samples say nothing more (it is where their maximum sits), and 100 % itself
   * would be infinitely far.
   */
  public static double of(double percentile, long count) {
    double cap = Math.log10(Math.max(2, count));
    return percentile >= 100 ? cap : Math.min(of(percentile), cap);
  }

  /** The percentile at a position, as a label: "50%", "90%", "99.9%". */
  public static String label(double nines) {
    double percentile = 100 * (1 - Math.pow(10, -nines));
    // Enough decimals to tell 99.9 from 99.99, no more: integer nines k need k − 2.
    int decimals = Math.max(0, (int) Math.ceil(nines - 1e-9) - 2);
    return BigDecimal.valueOf(percentile)
            .setScale(decimals, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  /** Ticks at 50 %, 90 %, 99 %, … until the first at or beyond {@code maxNines}. */
  public static List<Tick> ticks(double maxNines) {
    List<Tick> ticks = new ArrayList<>();
    ticks.add(new Tick(0, label(0)));
    ticks.add(new Tick(of(50), label(of(50))));
    for (int k = 1; k <= Math.max(2, Math.ceil(maxNines - 1e-9)); k++) {
      ticks.add(new Tick(k, label(k)));
    }
    return ticks;
  }
}
