package org.aerobench.report.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the paired block bootstrap on synthetic A/A runs whose true difference is 0: the 95 %
 * interval must contain 0 in about 95 % of runs. Seeds are fixed, so each figure is reproducible.
 */
class BlockBootstrapTest {

  private static final int TRIALS = 500;
  private static final int SECONDS = 120;
  private static final int PER_SECOND = 20;

  /**
   * Log-normal latencies around 5 ms: log µs = mean + shared(t) + own_arm(t) + noise, where shared
   * and own are AR(1) processes over seconds (0 = absent).
   */
  record Regimes(double sharedSd, double sharedPhi, double ownSd, double ownPhi) {
    static final Regimes IID = new Regimes(0, 0, 0, 0);
  }

  static List<NavigableMap<Long, Histogram>> run(Regimes regimes, long seed) {
    Random random = new Random(seed);
    List<NavigableMap<Long, Histogram>> arms = List.of(new TreeMap<>(), new TreeMap<>());
    double shared = 0;
    double[] own = new double[2];
    for (int s = 0; s < SECONDS; s++) {
      shared = ar1(shared, regimes.sharedPhi(), regimes.sharedSd(), random);
      for (int a = 0; a < 2; a++) {
        own[a] = ar1(own[a], regimes.ownPhi(), regimes.ownSd(), random);
        Histogram h = new Histogram(2);
        for (int i = 0; i < PER_SECOND; i++) {
          double log = Math.log(5_000) + shared + own[a] + 0.4 * random.nextGaussian();
          h.recordValue(Math.round(Math.exp(log)));
        }
        arms.get(a).put(s * 1000L, h);
      }
    }
    return arms;
  }

  /** Stationary AR(1) step with marginal standard deviation {@code sd}. */
  private static double ar1(double previous, double phi, double sd, Random random) {
    return phi * previous + Math.sqrt(1 - phi * phi) * sd * random.nextGaussian();
  }

  private static double blockCoverage(Regimes regimes, double q) {
    BlockBootstrap bootstrap = new BlockBootstrap(300, 0.95, 7);
    int covered = 0;
    for (int t = 0; t < TRIALS; t++) {
      Bootstrap.Interval i =
          bootstrap.differences(SecondSeries.of(run(regimes, 1000 + t)), 0, 1, q)[0];
      covered += i.low() <= 0 && i.high() >= 0 ? 1 : 0;
    }
    return covered / (double) TRIALS;
  }

  /** The i.i.d. bootstrap of requests the comparison used before, on the same runs. */
  private static double naiveCoverage(Regimes regimes, double q) {
    Bootstrap bootstrap = new Bootstrap(300, 0.95, 7);
    int covered = 0;
    for (int t = 0; t < TRIALS; t++) {
      var arms = run(regimes, 1000 + t);
      Bootstrap.Interval i = bootstrap.differences(counts(arms.get(0)), counts(arms.get(1)), q)[0];
      covered += i.low() <= 0 && i.high() >= 0 ? 1 : 0;
    }
    return covered / (double) TRIALS;
  }

  private static ValueCounts counts(NavigableMap<Long, Histogram> seconds) {
    Histogram sum = new Histogram(2);
    seconds.values().forEach(sum::add);
    return ValueCounts.of(sum, 1);
  }

  @Test
  void the_95_percent_interval_covers_a_zero_difference_on_iid_samples() {
    double p50 = blockCoverage(Regimes.IID, 0.5);
    double p95 = blockCoverage(Regimes.IID, 0.95);
    System.out.printf("coverage on iid samples: p50 %.3f p95 %.3f%n", p50, p95);
    assertThat(p50).isGreaterThanOrEqualTo(0.93);
    assertThat(p95).isGreaterThanOrEqualTo(0.93);
  }

  /** Slow drifts of each arm's own (e.g. its connections' or a GC's timing) over seconds. */
  private static final Regimes AUTOCORRELATED = new Regimes(0.3, 0.9, 0.12, 0.5);

  @Test
  void on_autocorrelated_regimes_the_block_bootstrap_covers_where_the_iid_one_does_not() {
    double naive = naiveCoverage(AUTOCORRELATED, 0.95);
    double block = blockCoverage(AUTOCORRELATED, 0.95);
    System.out.printf("coverage p95: naive %.3f block %.3f%n", naive, block);
    assertThat(block).isGreaterThanOrEqualTo(0.93);
    assertThat(naive).isLessThan(0.85);
  }

  /**
   * Regimes shared by both arms alone cancel in the paired difference: the i.i.d. bootstrap is then
   * too wide (it adds both arms' regime spread), the paired one still holds its level.
   */
  @Test
  void on_regimes_shared_by_both_arms_the_paired_interval_still_covers() {
    Regimes shared = new Regimes(0.3, 0.9, 0, 0);
    double naive = naiveCoverage(shared, 0.95);
    double block = blockCoverage(shared, 0.95);
    System.out.printf("coverage p95, shared regimes only: naive %.3f block %.3f%n", naive, block);
    assertThat(block).isGreaterThanOrEqualTo(0.93);
  }

  @Test
  void a_twenty_percent_slower_arm_is_beyond_noise() {
    var arms = run(Regimes.IID, 5);
    NavigableMap<Long, Histogram> slower = new TreeMap<>();
    arms.get(1)
        .forEach(
            (s, h) -> {
              Histogram scaled = new Histogram(2);
              h.recordedValues()
                  .forEach(
                      v ->
                          scaled.recordValueWithCount(
                              Math.round(h.medianEquivalentValue(v.getValueIteratedTo()) * 1.2),
                              v.getCountAtValueIteratedTo()));
              slower.put(s, scaled);
            });
    SecondSeries series = SecondSeries.of(new ArrayList<>(List.of(arms.get(0), slower)));
    Bootstrap.Interval p95 = BlockBootstrap.standard().differences(series, 0, 1, 0.95)[0];
    assertThat(p95.low()).isGreaterThan(0);
    assertThat(p95.observed()).isCloseTo(0.2 * series.quantile(0, 0.95), within(0.1, series));
    assertThat(BlockBootstrap.standard().basis(series, 0, 1))
        .contains("paired block bootstrap")
        .contains("1 run")
        .contains("120 s in 11-s blocks")
        .contains("2400+2400 samples");
  }

  private static org.assertj.core.data.Offset<Double> within(double share, SecondSeries s) {
    return org.assertj.core.data.Offset.offset(share * s.quantile(0, 0.95));
  }
}
