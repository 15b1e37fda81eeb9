package org.aerobench.report.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.aerobench.report.capacity.CapacityStudy;

/**
 * The comparison of one run, as written to {@code comparison.json} and rendered to Markdown and
 * HTML. Times are milliseconds; null means "not measured".
 *
 * @param run run folder name
 * @param gatlingIndex path of Gatling's own page
 * @param conditions label to value, in display order
 * @param design the experiment's design as recorded: load model, call order, each style's limits,
 *     batch policy, timeouts and retries, where the database ran ("not recorded" where the run did
 *     not record it)
 * @param baseline the client every other one is compared with
 * @param modes one table per scenario/mode
 * @param prometheus server-side p95s from the metrics scrapes
 * @param stages pipeline decomposition per request name (server times)
 * @param bootstrap how the noise intervals were computed
 * @param notes what is missing or how to read something
 * @param capacity the capacity study's verdict (Capacity simulation), or null for other runs
 * @param verdict the answer in words ({@link Verdict}): first in every report and in the JSON
 * @param distributions per mode, the percentile distribution of each client (nines axis)
 * @param timeline client-side p95 per second across the run, or null without client times
 * @param saturation the app's queues per second across the run (saturation.csv), or null without
 */
// Readers of comparison.json look for the answer first.
@JsonPropertyOrder({"run", "verdict"})
public record Comparison(
    String run,
    String gatlingIndex,
    Map<String, String> conditions,
    Map<String, String> design,
    String baseline,
    List<ModeComparison> modes,
    List<PromRow> prometheus,
    List<StageRow> stages,
    String bootstrap,
    List<String> notes,
    CapacityStudy capacity,
    List<String> verdict,
    List<Distribution> distributions,
    Timeline timeline,
    Saturation saturation) {

  /**
   * This comparison with a capacity study's verdict: the capacity simulation fills it in after the
   * numbers are built, and the verdict sentences follow.
   */
  public Comparison withCapacity(CapacityStudy study) {
    return new Comparison(
        run,
        gatlingIndex,
        conditions,
        design,
        baseline,
        modes,
        prometheus,
        stages,
        bootstrap,
        notes,
        study,
        Verdict.of(baseline, modes, study),
        distributions,
        timeline,
        saturation);
  }

  /**
   * One scenario/mode: the clients side by side.
   *
   * @param clients client names, baseline first
   * @param requests request name per client
   * @param rows metric rows
   */
  public record ModeComparison(
      String mode, List<String> clients, List<String> requests, List<MetricRow> rows) {}

  /**
   * One metric across clients.
   *
   * @param metric e.g. "p95"
   * @param unit "ms", "req/s", "requests"
   * @param source "gatling" (whole ms, client side), "client" (the client-times log, µs,
   *     nearest-rank) or "server" (total_ms from server times, µs)
   * @param lowerIsBetter direction: ↓ when true, ↑ when false
   * @param values per client (same order as the mode's clients); null when absent
   * @param advantages per challenger (clients after the baseline); null when not computable
   */
  public record MetricRow(
      String metric,
      String unit,
      String source,
      boolean lowerIsBetter,
      List<Double> values,
      List<Advantage> advantages) {}

  /**
   * A challenger against the baseline on one metric.
   *
   * @param percent (challenger − baseline) / baseline × 100
   * @param factor how many times better: baseline/challenger for lower-is-better metrics,
   *     challenger/baseline for higher-is-better ones
   * @param noise bootstrap interval of the difference (challenger − baseline) in the metric's unit,
   *     or null where no samples are recorded
   */
  public record Advantage(String challenger, double percent, double factor, Noise noise) {}

  /**
   * A bootstrap interval of a difference with its verdict.
   *
   * @param basis the method, runs and samples behind the verdict, e.g. "paired block bootstrap over
   *     time, 1 run, 60 s in 8-s blocks, 2900+2900 samples, 1000 resamples"
   */
  public record Noise(
      double difference, double low, double high, double confidence, String verdict, String basis) {

    /** The interval as shown in the reports, its values multiplied by {@code scale}. */
    public static Noise of(
        org.aerobench.report.stats.Bootstrap.Interval interval, double scale, String basis) {
      return new Noise(
          interval.observed() * scale,
          interval.low() * scale,
          interval.high() * scale,
          interval.confidence(),
          interval.verdict(),
          basis);
    }
  }

  /**
   * Prometheus p95s for one client in one scrape.
   *
   * @param window "since previous scrape" or "cumulative since app start"
   * @param foundRatio mean share of the keys found by this client's requests in the scenario (null
   *     when the app does not expose it)
   * @param oneBucket when most observations of a histogram fall in one bucket (its p95 is then an
   *     interpolation inside that bucket, not a comparison): which histogram, share and bucket;
   *     null otherwise
   */
  public record PromRow(
      String scenario,
      String client,
      Double predictP95Ms,
      Double batchReadAllP95Ms,
      double observations,
      String window,
      Double foundRatio,
      String oneBucket) {}

  /**
   * Server-measured stage times of one request name.
   *
   * @param meanMs per stage name
   * @param p95Ms per stage name
   */
  public record StageRow(
      String request, long samples, Map<String, Double> meanMs, Map<String, Double> p95Ms) {}
}
