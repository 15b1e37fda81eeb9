package org.aerobench.report.gatling;

import java.util.Map;
import java.util.TreeMap;

/**
 * One row of Gatling's stats table: counts and response times in whole milliseconds, as the page
 * shows them (OK and KO responses together). Null response times mean Gatling printed "-".
 *
 * @param name request name, e.g. {@code single sync}
 * @param percentiles percentile (e.g. 95.0) to value, for the columns the page has
 * @param perSecond Gatling's Cnt/s: count divided by the whole simulation's duration, warm-up
 *     included; the reports use {@code compare.Throughput}, which divides by the request's own
 *     phase
 */
public record RequestStats(
    String name,
    long total,
    long ok,
    long ko,
    double koPercent,
    double perSecond,
    Long min,
    Map<Double, Long> percentiles,
    Long max,
    Long mean,
    Long stdDev) {

  public RequestStats {
    percentiles = new TreeMap<>(percentiles);
  }

  /** The value of a percentile column, or null when the page has no such column or printed "-". */
  public Long percentile(double p) {
    return percentiles.get(p);
  }
}
