package org.aerobench.report.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.aerobench.report.run.ClientTimes;
import org.aerobench.report.run.FaultEvent;
import org.aerobench.report.run.PhaseWindow;
import org.aerobench.report.run.RunConditions;

/**
 * Client-side latency and errors per wall-clock second across the whole run, one series per client
 * (its request names of every phase joined), so warm-up, pauses, drift and faults show where a
 * whole-run percentile hides them.
 *
 * @param startEpochMillis the first second with a response: x = 0
 * @param seconds x values, seconds since the start, every second up to the last response
 * @param series one per client, the baseline first
 * @param phases when each phase ran, from the run conditions (empty for older runs)
 * @param faults the faults played on the emulated cluster, in order (empty without)
 * @param impacts what each fault did to each client: errors and time to recover
 */
public record Timeline(
    long startEpochMillis,
    List<Long> seconds,
    List<Series> series,
    List<Phase> phases,
    List<FaultMark> faults,
    List<FaultImpact> impacts) {

  /**
   * @param requests the request names joined into this series
   * @param p95Ms per second, null for a second without responses
   * @param p50Ms per second, null for a second without responses
   * @param responses per second, failed ones included
   * @param errors failed (KO) responses per second; null when the run did not count them
   */
  public record Series(
      String client,
      List<String> requests,
      List<Double> p95Ms,
      List<Double> p50Ms,
      List<Long> responses,
      List<Long> errors) {}

  /** A phase's window, in seconds since the timeline's start. */
  public record Phase(String label, double fromSecond, double toSecond) {}

  /**
   * A fault played on the emulated cluster, marked where it was sent.
   *
   * @param label e.g. {@code stop node 2}, with {@code (FAILED)} when the cluster did not say ok
   * @param atSecond when the command was sent, seconds since the timeline's start
   * @param reply the cluster's reply, or why it was not sent
   */
  public record FaultMark(String label, double atSecond, boolean ok, String reply) {}

  /** The run's timeline, or null without client times. */
  static Timeline of(RunData run, List<String> clientOrder) {
    if (run.clientTimes().isEmpty() || run.clientTimes().get().isEmpty()) {
      return null;
    }
    ClientTimes times = run.clientTimes().get();
    Map<String, Map<Long, Long>> errorsByClient = errorsByClient(run);
    // Client → second → every response of its request names in that second.
    Map<String, NavigableMap<Long, Histogram>> byClient = new TreeMap<>();
    Map<String, List<String>> requests = new TreeMap<>();
    for (var request : times.bySecond().entrySet()) {
      String client = RequestName.parse(request.getKey()).client();
      requests.computeIfAbsent(client, c -> new ArrayList<>()).add(request.getKey());
      NavigableMap<Long, Histogram> seconds =
          byClient.computeIfAbsent(client, c -> new TreeMap<>());
      request
          .getValue()
          .forEach(
              (second, h) ->
                  seconds
                      .computeIfAbsent(
                          second, s -> new Histogram(h.getNumberOfSignificantValueDigits()))
                      .add(h));
    }
    long first = byClient.values().stream().mapToLong(NavigableMap::firstKey).min().orElseThrow();
    long last = byClient.values().stream().mapToLong(NavigableMap::lastKey).max().orElseThrow();
    List<Long> seconds = new ArrayList<>();
    for (long s = first; s <= last; s += 1000) {
      seconds.add((s - first) / 1000);
    }
    Map<String, NavigableMap<Long, Histogram>> ordered = new LinkedHashMap<>();
    clientOrder.stream()
        .filter(byClient::containsKey)
        .forEach(c -> ordered.put(c, byClient.get(c)));
    byClient.forEach(ordered::putIfAbsent);
    List<Series> series = new ArrayList<>();
    ordered.forEach(
        (client, perSecond) ->
            series.add(
                series(
                    client,
                    requests.get(client),
                    perSecond,
                    errorsByClient == null ? null : errorsByClient.getOrDefault(client, Map.of()),
                    first,
                    last)));
    List<Phase> phases = new ArrayList<>();
    for (PhaseWindow w : run.conditions().map(RunConditions::phases).orElse(List.of())) {
      phases.add(
          new Phase(
              w.label(),
              (w.startEpochMillis() - first) / 1000.0,
              (w.endEpochMillis() - first) / 1000.0));
    }
    List<FaultMark> faults = new ArrayList<>();
    for (FaultEvent e : run.conditions().map(RunConditions::faults).orElse(List.of())) {
      if (e.epochMillis() > 0) { // a fault the load ended before was never sent: nothing to mark
        faults.add(new FaultMark(e.label(), (e.epochMillis() - first) / 1000.0, e.ok(), e.reply()));
      }
    }
    FaultImpact.WindowP95 windowP95 =
        (client, from, to) -> {
          Histogram merged = null;
          for (Histogram h :
              ordered.get(client).subMap(first + from * 1000L, first + to * 1000L).values()) {
            if (merged == null) {
              merged = new Histogram(h.getNumberOfSignificantValueDigits());
            }
            merged.add(h);
          }
          return merged == null || merged.getTotalCount() == 0
              ? null
              : merged.getValueAtPercentile(95) / 1000.0;
        };
    return new Timeline(
        first, seconds, series, phases, faults, FaultImpact.of(series, phases, faults, windowP95));
  }

  /** Client → second start → failed responses; null when the run did not count them. */
  private static Map<String, Map<Long, Long>> errorsByClient(RunData run) {
    if (run.clientErrors().isEmpty()) {
      return null;
    }
    Map<String, Map<Long, Long>> byClient = new TreeMap<>();
    run.clientErrors()
        .get()
        .bySecond()
        .forEach(
            (request, seconds) -> {
              Map<Long, Long> perSecond =
                  byClient.computeIfAbsent(
                      RequestName.parse(request).client(), c -> new TreeMap<>());
              seconds.forEach((s, n) -> perSecond.merge(s, n, Long::sum));
            });
    return byClient;
  }

  private static Series series(
      String client,
      List<String> requests,
      NavigableMap<Long, Histogram> perSecond,
      Map<Long, Long> errorsPerSecond,
      long first,
      long last) {
    List<Double> p95 = new ArrayList<>();
    List<Double> p50 = new ArrayList<>();
    List<Long> responses = new ArrayList<>();
    List<Long> errors = errorsPerSecond == null ? null : new ArrayList<>();
    for (long s = first; s <= last; s += 1000) {
      Histogram h = perSecond.get(s);
      boolean empty = h == null || h.getTotalCount() == 0;
      p95.add(empty ? null : h.getValueAtPercentile(95) / 1000.0);
      p50.add(empty ? null : h.getValueAtPercentile(50) / 1000.0);
      responses.add(empty ? 0 : h.getTotalCount());
      if (errors != null) {
        errors.add(errorsPerSecond.getOrDefault(s, 0L));
      }
    }
    return new Series(client, requests, p95, p50, responses, errors);
  }
}
