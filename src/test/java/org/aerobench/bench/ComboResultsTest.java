package org.aerobench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.aerobench.data.FeatureSet;
import org.aerobench.report.envA.ComboResult;
import org.aerobench.report.envA.EnvAReport;
import org.aerobench.report.envA.Speedups;
import org.junit.jupiter.api.Test;

class ComboResultsTest {

  private static final ComboKey SYNC_ADID = new ComboKey("sync", FeatureSet.NCCSH_ADID, 50);
  private static final ComboKey ASYNC_ADID = new ComboKey("async", FeatureSet.NCCSH_ADID, 50);

  // Latencies 1, 2, 3, 4, 10 ms (given unsorted); n = 5, so idx = 4 · p / 100.
  private static final double[] LATENCIES = {10, 3, 1, 4, 2};

  /** Two iterations of wall time 20 and 30 ms; latencies spread over them; 7 of 10 keys found. */
  private static ComboResult handExample() {
    return ComboResults.of(SYNC_ADID, 5, 2, samples(LATENCIES, new double[] {20, 30}, 7, 10));
  }

  private static ComboSamples samples(double[] latenciesMs, double[] wallMs, int found, int keys) {
    ComboSamples samples = new ComboSamples();
    int perIteration = latenciesMs.length / wallMs.length;
    for (int i = 0; i < wallMs.length; i++) {
      int from = i * perIteration;
      int to = i == wallMs.length - 1 ? latenciesMs.length : from + perIteration;
      List<CallSample> calls = new ArrayList<>();
      for (int j = from; j < to; j++) {
        // All found and key counts go on the first call: only their totals matter.
        boolean first = i == 0 && j == 0;
        calls.add(new CallSample(nanos(latenciesMs[j]), first ? found : 0, first ? keys : 0));
      }
      samples.addIteration(nanos(wallMs[i]), calls);
    }
    return samples;
  }

  private static long nanos(double ms) {
    return Math.round(ms * 1_000_000);
  }

  @Test
  void percentiles_interpolate_linearly_between_sorted_neighbours() {
    ComboResult r = handExample();

    assertThat(r.p50()).isCloseTo(3.0, within(1e-9)); // idx 2
    assertThat(r.p90()).isCloseTo(7.6, within(1e-9)); // idx 3.6: 4 + 0.6 · 6
    assertThat(r.p95()).isCloseTo(8.8, within(1e-9)); // idx 3.8: 4 + 0.8 · 6
    assertThat(r.p99()).isCloseTo(9.76, within(1e-9)); // idx 3.96: 4 + 0.96 · 6
    assertThat(r.min()).isEqualTo(1.0);
    assertThat(r.max()).isEqualTo(10.0);
  }

  @Test
  void mean_sample_stddev_and_cv_match_hand_computed_values() {
    ComboResult r = handExample();

    assertThat(r.mean()).isCloseTo(4.0, within(1e-9));
    // Squared deviations 9 + 4 + 1 + 0 + 36 = 50, over n − 1 = 4: sqrt(12.5).
    assertThat(r.stddev()).isCloseTo(Math.sqrt(12.5), within(1e-9));
    assertThat(r.cv()).isCloseTo(Math.sqrt(12.5) / 4.0, within(1e-9));
  }

  @Test
  void tps_is_concurrency_over_the_mean_iteration_wall_time_in_seconds() {
    // Mean wall time 25 ms = 0.025 s; 5 calls per iteration: 5 / 0.025 = 200 calls per second.
    ComboResult r = handExample();

    assertThat(r.tps()).isCloseTo(200.0, within(1e-9));
    assertThat(r.foundRatio()).isCloseTo(0.7, within(1e-12));
    assertThat(r.client()).isEqualTo("sync");
    assertThat(r.set()).isEqualTo("nccsh_adid");
    assertThat(r.batchSize()).isEqualTo(50);
    assertThat(r.concurrency()).isEqualTo(5);
    assertThat(r.iterations()).isEqualTo(2);
  }

  @Test
  void speedups_compare_the_baseline_with_the_challenger_as_the_reference_does() {
    ComboResult sync = handExample(); // mean 4, p99 9.76, tps 200
    // Challenger: latencies 1, 1, 1, 1, 2 → mean 1.2, p99 idx 3.96 → 1 + 0.96 · 1 = 1.96;
    // wall times 5 and 15 ms → mean 10 ms → tps 5 / 0.010 = 500.
    ComboResult async =
        ComboResults.of(
            ASYNC_ADID, 5, 2, samples(new double[] {1, 1, 2, 1, 1}, new double[] {5, 15}, 7, 10));

    assertThat(Speedups.mean(sync, async)).isCloseTo(4.0 / 1.2, within(1e-9));
    assertThat(Speedups.p99(sync, async)).isCloseTo(9.76 / 1.96, within(1e-9));
    assertThat(Speedups.tps(sync, async)).isCloseTo(500.0 / 200.0, within(1e-9));
    assertThat(EnvAReport.summaryLines(List.of(sync, async), ClientBenchJob.BASELINES))
        .containsExactly("async vs sync: 3.3x faster latency, 2.5x higher throughput");
  }

  @Test
  void one_sample_has_no_spread_and_is_every_percentile() {
    ComboResult r =
        ComboResults.of(SYNC_ADID, 1, 1, samples(new double[] {2.5}, new double[] {2.5}, 0, 4));

    assertThat(r.p99()).isEqualTo(2.5);
    assertThat(r.p50()).isEqualTo(2.5);
    assertThat(r.stddev()).isZero();
    assertThat(r.cv()).isZero();
    assertThat(r.tps()).isCloseTo(400.0, within(1e-9));
    assertThat(r.foundRatio()).isZero();
  }

  @Test
  void samples_collected_in_nanoseconds_are_reported_in_milliseconds() {
    ComboSamples samples = new ComboSamples();
    samples.addIteration(
        4_000_000, List.of(new CallSample(1_000_000, 3, 4), new CallSample(3_000_000, 1, 4)));
    samples.addIteration(6_000_000, List.of(new CallSample(2_000_000, 4, 4)));

    ComboResult r = ComboResults.of(SYNC_ADID, 2, 2, samples);

    assertThat(r.mean()).isCloseTo(2.0, within(1e-9));
    assertThat(r.max()).isCloseTo(3.0, within(1e-9));
    assertThat(r.tps()).isCloseTo(2 / 0.005, within(1e-9)); // mean wall 5 ms
    assertThat(r.foundRatio()).isCloseTo(8 / 12.0, within(1e-12));
  }
}
