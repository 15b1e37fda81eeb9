package org.aerobench.report.gate;

import java.util.Locale;

/**
 * A broken gate rule.
 *
 * @param rule the config key, e.g. {@code slo.async.p95}
 * @param subject the request name (or "mode single") it was checked on
 * @param measured measured value
 * @param limit the limit it broke
 * @param unit "ms", "%", "×"
 * @param source where the measured value comes from
 */
public record Violation(
    String rule, String subject, double measured, double limit, String unit, String source) {

  /** One line: rule, subject, measured value, limit. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "FAIL %s [%s]: measured %s %s (%s), limit %s %s",
        rule,
        subject,
        trim(measured),
        unit,
        source,
        trim(limit),
        unit);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v);
  }
}
