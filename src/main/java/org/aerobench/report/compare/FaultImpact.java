package org.aerobench.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aerobench.report.compare.Timeline.FaultMark;
import org.aerobench.report.compare.Timeline.Phase;
import org.aerobench.report.compare.Timeline.Series;
import org.aerobench.report.stats.Percentiles;

/**
 * What one fault did to one client, read from the timeline's seconds: the errors it met until the
 * next fault (or the end of the run) and how long it took to recover. Recovered = the first second
 * from which {@value #HEALTHY_SECONDS} seconds in a row have responses, no error and a p95 within
 * {@value #P95_FACTOR}× the client's healthy p95 (the median of its per-second p95 over the
 * measured seconds before the first fault), all before the next fault.
 *
 * @param fault the fault's label, e.g. {@code stop node 2}
 * @param atSecond when it was sent, seconds since the timeline's start
 * @param client the client
 * @param windowSeconds the seconds looked at: from the fault's second to the next fault's (or the
 *     end of the run)
 * @param errors failed responses in that window; null when the run did not count errors
 * @param healthyP95Ms the client's p95 before any fault; null when no measured second precedes it
 * @param windowP95Ms the p95 of all the client's responses in the window (its histograms merged,
 *     not a median of seconds); null without responses
 * @param recoveredAfterSeconds seconds from the fault to the start of the healthy run of seconds
 *     (whole seconds, 0 when the fault's own second was already healthy); null when not recovered
 * @param outcome in words: {@code recovered after 3 s}, {@code not recovered before the next fault
 *     (at 40 s)}, {@code not recovered by the end of the run}
 */
public record FaultImpact(
    String fault,
    double atSecond,
    String client,
    int windowSeconds,
    Long errors,
    Double healthyP95Ms,
    Double windowP95Ms,
    Integer recoveredAfterSeconds,
    String outcome) {

  /** Seconds in a row that count as recovered. */
  public static final int HEALTHY_SECONDS = 5;

  /** How far above its healthy p95 a recovered client's p95 may be. */
  public static final double P95_FACTOR = 1.5;

  /** A client's p95 (ms) over its responses in seconds [from, to) of the timeline, or null. */
  interface WindowP95 {
    Double of(String client, int fromSecond, int toSecond);
  }

  /** One per fault and client, faults in order, clients in the timeline's order. */
  static List<FaultImpact> of(
      List<Series> series, List<Phase> phases, List<FaultMark> faults, WindowP95 windowP95) {
    List<FaultImpact> impacts = new ArrayList<>();
    if (faults.isEmpty() || series.isEmpty()) {
      return impacts;
    }
    int seconds = series.get(0).p95Ms().size();
    // The measured load starts after the warm-up: its seconds say what healthy looks like.
    double measuredFrom =
        phases.stream()
            .filter(p -> !p.label().equals("warmup"))
            .mapToDouble(Phase::fromSecond)
            .min()
            .orElse(0);
    int healthyFrom = Math.max(0, (int) Math.ceil(measuredFrom));
    int firstFault = second(faults.get(0), seconds);
    for (int f = 0; f < faults.size(); f++) {
      FaultMark fault = faults.get(f);
      int from = second(fault, seconds);
      int to = f + 1 < faults.size() ? second(faults.get(f + 1), seconds) : seconds;
      for (Series s : series) {
        Double healthy = healthyP95(s, healthyFrom, firstFault);
        Long errors = null;
        if (s.errors() != null) {
          long sum = 0;
          for (int i = from; i < to; i++) {
            sum += s.errors().get(i);
          }
          errors = sum;
        }
        Integer recovered = recovery(s, healthy, from, to);
        impacts.add(
            new FaultImpact(
                fault.label(),
                fault.atSecond(),
                s.client(),
                to - from,
                errors,
                healthy,
                windowP95.of(s.client(), from, to),
                recovered,
                outcome(recovered, healthy, f + 1 < faults.size() ? faults.get(f + 1) : null)));
      }
    }
    return impacts;
  }

  /** The timeline second a fault was sent in, within the timeline. */
  private static int second(FaultMark fault, int seconds) {
    return Math.max(0, Math.min(seconds, (int) Math.floor(fault.atSecond())));
  }

  private static Double healthyP95(Series s, int from, int to) {
    List<Double> p95s = new ArrayList<>();
    for (int i = from; i < Math.min(to, s.p95Ms().size()); i++) {
      if (s.p95Ms().get(i) != null) {
        p95s.add(s.p95Ms().get(i));
      }
    }
    if (p95s.isEmpty()) {
      return null;
    }
    double[] values = p95s.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return Percentiles.linear(values, 50);
  }

  /**
   * Seconds from {@code from} to the first of {@link #HEALTHY_SECONDS} healthy ones before {@code
   * to}.
   */
  private static Integer recovery(Series s, Double healthyP95, int from, int to) {
    if (healthyP95 == null) {
      return null;
    }
    int run = 0;
    for (int i = from; i < to; i++) {
      Double p95 = s.p95Ms().get(i);
      boolean ok =
          s.responses().get(i) > 0
              && (s.errors() == null || s.errors().get(i) == 0)
              && p95 != null
              && p95 <= healthyP95 * P95_FACTOR;
      run = ok ? run + 1 : 0;
      if (run == HEALTHY_SECONDS) {
        return i - HEALTHY_SECONDS + 1 - from;
      }
    }
    return null;
  }

  private static String outcome(Integer recovered, Double healthyP95, FaultMark next) {
    if (healthyP95 == null) {
      return "no healthy p95 to recover to (no measured second before the first fault)";
    }
    if (recovered != null) {
      return "recovered after " + recovered + " s";
    }
    return next == null
        ? "not recovered by the end of the run"
        : String.format(
            Locale.ROOT, "not recovered before the next fault (at %.0f s)", next.atSecond());
  }
}
