package org.aerobench.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.ClientTimes;

/**
 * The percentile distribution of one mode's requests, per client, on a "nines" axis ({@link
 * Nines}): the server-measured total_ms and, beside it, what the load generator saw.
 *
 * @param mode the mode (first word of the request names)
 * @param series one per client and source; server series first, in the mode's client order
 * @param ticks x-axis ticks, up to the longest tail shown
 */
public record Distribution(String mode, List<Series> series, List<Nines.Tick> ticks) {

  /** HdrHistogram's usual resolution for percentile output: 5 steps per halving of 1 − p. */
  private static final int TICKS_PER_HALF_DISTANCE = 5;

  /**
   * One line (or set of points) of the chart.
   *
   * @param source "server" (total_ms, µs histogram), "client" (client-times.hlog, µs at 1 %) or
   *     "gatling" (the percentile columns of Gatling's page, whole ms: points only)
   * @param count samples behind the series
   * @param percentiles 0..100, ascending
   * @param nines the x position of each percentile
   * @param ms the latency at each percentile; null where it is 0 (a log axis has no place for it)
   */
  public record Series(
      String client,
      String request,
      String source,
      long count,
      List<Double> percentiles,
      List<Double> nines,
      List<Double> ms) {}

  /** The mode's distribution, or null when no client has a server or client-side series. */
  static Distribution of(String mode, List<RequestName> names, RunData run) {
    List<Series> series = new ArrayList<>();
    for (RequestName name : names) {
      Histogram server = run.serverTimes().map(t -> t.total(name.full())).orElse(null);
      if (server != null) {
        series.add(iterated(name, "server", server));
      }
    }
    for (RequestName name : names) {
      Optional<ClientTimes> client = run.clientTimes();
      Histogram h = client.map(t -> t.total(name.full())).orElse(null);
      if (h != null && h.getTotalCount() > 0) {
        series.add(iterated(name, "client", h));
      } else if (client.isEmpty()) {
        run.gatling().request(name.full()).map(r -> gatling(name, r)).ifPresent(series::add);
      }
    }
    if (series.stream()
        .noneMatch(s -> s.source().equals("server") || s.source().equals("client"))) {
      return null; // a handful of Gatling columns alone is what the tables already show
    }
    double maxNines =
        series.stream()
            .flatMap(s -> s.nines().stream())
            .mapToDouble(Double::doubleValue)
            .max()
            .orElse(2);
    return new Distribution(mode, series, Nines.ticks(maxNines));
  }

  /** The histogram's percentile iteration; points that land on the same capped x keep the last. */
  private static Series iterated(RequestName name, String source, Histogram micros) {
    List<Double> percentiles = new ArrayList<>();
    List<Double> nines = new ArrayList<>();
    List<Double> ms = new ArrayList<>();
    long count = micros.getTotalCount();
    for (HistogramIterationValue v : micros.percentiles(TICKS_PER_HALF_DISTANCE)) {
      double x = Nines.of(v.getPercentileLevelIteratedTo(), count);
      Double value = v.getValueIteratedTo() > 0 ? v.getValueIteratedTo() / 1000.0 : null;
      if (!nines.isEmpty() && x <= nines.get(nines.size() - 1)) {
        int last = nines.size() - 1;
        percentiles.set(last, v.getPercentileLevelIteratedTo());
        ms.set(last, value);
        continue;
      }
      percentiles.add(v.getPercentileLevelIteratedTo());
      nines.add(x);
      ms.add(value);
    }
    return new Series(name.client(), name.full(), source, count, percentiles, nines, ms);
  }

  private static Series gatling(RequestName name, RequestStats stats) {
    List<Double> percentiles = new ArrayList<>();
    List<Double> nines = new ArrayList<>();
    List<Double> ms = new ArrayList<>();
    stats
        .percentiles()
        .forEach(
            (p, value) -> {
              if (value != null && p < 100) {
                percentiles.add(p);
                nines.add(Nines.of(p, stats.total()));
                ms.add(value > 0 ? value.doubleValue() : null);
              }
            });
    return new Series(name.client(), name.full(), "gatling", stats.total(), percentiles, nines, ms);
  }
}
