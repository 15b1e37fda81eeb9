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
 * The run-level interval on synthetic runs whose level moves from run to run (machine speed, JIT):
 * each run's log latency is offset by a run effect shared by its request and its control arm.
 */
class HierarchicalBootstrapTest {

  private static final int TRIALS = 200;
  private static final int SECONDS = 40;
  private static final int PER_SECOND = 20;
  private static final double RUN_SD = 0.08;

  /** A run: arm 0 the judged request (× {@code slowdown}), arm 1 the control, same run effect. */
  private static SecondSeries run(Random random, double slowdown) {
    double runEffect = RUN_SD * random.nextGaussian();
    List<NavigableMap<Long, Histogram>> arms = List.of(new TreeMap<>(), new TreeMap<>());
    for (int s = 0; s < SECONDS; s++) {
      for (int a = 0; a < 2; a++) {
        Histogram h = new Histogram(2);
        for (int i = 0; i < PER_SECOND; i++) {
          double log = Math.log(5_000) + runEffect + 0.4 * random.nextGaussian();
          h.recordValue(Math.round(Math.exp(log) * (a == 0 ? slowdown : 1)));
        }
        arms.get(a).put(s * 1000L, h);
      }
    }
    return SecondSeries.of(new ArrayList<>(arms));
  }

  private static List<SecondSeries> runs(Random random, int n, double slowdown) {
    List<SecondSeries> runs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      runs.add(run(random, slowdown));
    }
    return runs;
  }

  private static double coverage(int perSide, boolean control) {
    HierarchicalBootstrap bootstrap = new HierarchicalBootstrap(200, 0.95, 3);
    Random random = new Random(11);
    int covered = 0;
    for (int t = 0; t < TRIALS; t++) {
      Bootstrap.Interval i =
          bootstrap.percentChange(
              runs(random, perSide, 1), runs(random, perSide, 1), 0.95, control);
      covered += i.low() <= 0 && i.high() >= 0 ? 1 : 0;
    }
    return covered / (double) TRIALS;
  }

  @Test
  void the_run_level_interval_covers_an_unchanged_candidate() {
    double three = coverage(3, false);
    System.out.printf("run-level coverage, 3+3 runs: %.3f%n", three);
    assertThat(three).isGreaterThanOrEqualTo(0.93);
  }

  @Test
  void a_within_run_interval_alone_cries_wolf_between_runs() {
    // One run per side, requests resampled as if independent: the run effect is not in it.
    Random random = new Random(13);
    Bootstrap naive = new Bootstrap(200, 0.95, 3);
    int covered = 0;
    for (int t = 0; t < TRIALS; t++) {
      var a = total(run(random, 1));
      var b = total(run(random, 1));
      Bootstrap.Interval i = naive.differences(a, b, 0.95)[0];
      covered += i.low() <= 0 && i.high() >= 0 ? 1 : 0;
    }
    assertThat(covered / (double) TRIALS).isLessThan(0.6);
  }

  private static ValueCounts total(SecondSeries run) {
    // arm 0's whole run as value counts, via the pooled quantile machinery's grid
    Histogram h = new Histogram(2);
    for (int s = 0; s < run.seconds(); s++) {
      for (int i = 0; i < run.values[0][s].length; i++) {
        h.recordValueWithCount(run.values[0][s][i], run.counts[0][s][i]);
      }
    }
    return ValueCounts.of(h, 1);
  }

  @Test
  void a_control_arm_cancels_the_run_effect_and_still_covers() {
    double withControl = coverage(3, true);
    System.out.printf("run-level coverage with control, 3+3 runs: %.3f%n", withControl);
    assertThat(withControl).isGreaterThanOrEqualTo(0.93);
  }

  @Test
  void a_twenty_percent_slower_candidate_is_caught_with_five_runs_a_side() {
    Random random = new Random(19);
    var base = runs(random, 5, 1);
    var cand = runs(random, 5, 1.2);
    HierarchicalBootstrap bootstrap = HierarchicalBootstrap.standard();
    Bootstrap.Interval relative = bootstrap.percentChange(base, cand, 0.95, true);
    assertThat(relative.low()).isGreaterThan(0);
    assertThat(relative.observed()).isBetween(10.0, 30.0);
    assertThat(bootstrap.basis(base, cand)).contains("5+5 runs").contains("4000+4000 samples");
  }
}
