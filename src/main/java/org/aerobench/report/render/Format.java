package org.aerobench.report.render;

import java.util.Locale;
import org.aerobench.report.compare.Comparison.Advantage;
import org.aerobench.report.compare.Comparison.Noise;

/** Number formats shared by every report: one place decides how a value reads. */
public final class Format {

  /** U+2212, as the reference prints negative changes. */
  public static final String MINUS = "\u2212";

  private Format() {}

  /** A value with {@code decimals} decimals, "–" for null. */
  public static String number(Double value, int decimals) {
    if (value == null || value.isNaN()) {
      return "–";
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value).replace("-", MINUS);
  }

  /** A signed percentage, e.g. "−19.2%" or "+17.0%". */
  public static String percent(double percent) {
    String sign = percent > 0 ? "+" : "";
    return sign + number(percent, 1) + "%";
  }

  /** A factor, e.g. "1.24×". */
  public static String factor(double factor) {
    return String.format(Locale.ROOT, "%.2f×", factor);
  }

  /**
   * "−19.2% (1.24×)" plus, when present, the noise interval and verdict on a second line (Markdown
   * joins the lines with "; ", HTML breaks them).
   */
  public static String advantage(Advantage advantage, String unit) {
    if (advantage == null) {
      return "–";
    }
    String text = percent(advantage.percent()) + " (" + factor(advantage.factor()) + ")";
    if (advantage.noise() != null) {
      text += "\n" + noise(advantage.noise(), unit);
    }
    return text;
  }

  /** "Δ −1.203 ms [95% CI −1.500, −0.900] beyond noise (paired block bootstrap, 1 run, …)". */
  public static String noise(Noise noise, String unit) {
    return String.format(
        Locale.ROOT,
        "Δ %s %s [%.0f%% CI %s, %s] %s%s",
        number(noise.difference(), 3),
        unit,
        noise.confidence() * 100,
        number(noise.low(), 3),
        number(noise.high(), 3),
        noise.verdict(),
        noise.basis() == null ? "" : " (" + noise.basis() + ")");
  }
}
