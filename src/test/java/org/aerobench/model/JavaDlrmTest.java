package org.aerobench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaDlrmTest {

  private static final DlrmWeights WEIGHTS = DlrmWeights.defaults();

  /**
   * Logits are compared, not scores: the untrained model's sigmoid saturates on raw counters, and
   * two engines that both answer 1.0 agree whatever they computed.
   */
  private static final double LOGIT_TOLERANCE = 1e-3;

  /** Beyond this a float sigmoid rounds to exactly 1 (or 0): the score hides the logit. */
  private static final float SATURATED = 17f;

  /** Both forward passes: the plain loops and the Vector API. */
  private static final List<String> PASSES = List.of("loop", "vector");

  private static double maxAbsDiff(float[] a, float[] b) {
    assertThat(a).hasSameSizeAs(b);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  /** The oracle's logits, checked to be informative: finite, unsaturated and not all alike. */
  private static float[] informativeLogits(DlrmWeights weights, Features f) {
    float[] logits = new ScalarDlrm(weights).logits(f);
    for (float logit : logits) {
      assertThat(logit).isFinite().isBetween(-SATURATED, SATURATED);
    }
    if (logits.length > 1) {
      assertThat(Arrays.stream(toDoubles(logits)).distinct().count()).isGreaterThan(1);
    }
    return logits;
  }

  /** Both passes give the oracle's logits within the tolerance, on logits that say something. */
  private static void assertEveryPassMatchesTheOracle(DlrmWeights weights, Features f) {
    float[] expected = informativeLogits(weights, f);
    for (String pass : PASSES) {
      assertThat(maxAbsDiff(new JavaDlrm(weights, pass).logits(f), expected))
          .as(pass)
          .isLessThan(LOGIT_TOLERANCE);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 5, 200, 201})
  void fast_engine_matches_the_oracles_logits_on_batches_that_do_not_saturate(int batch) {
    assertEveryPassMatchesTheOracle(WEIGHTS, SampleFeatures.moderate(batch, 1000 + batch));
  }

  @Test
  void a_logit_comparison_sees_an_engine_that_is_slightly_wrong() {
    // The same weights with the last bias moved by 10x the tolerance: the comparison must fail.
    DlrmWeights wrong = DlrmWeights.defaults();
    wrong.top(wrong.topLayers() - 1).bias()[0] += (float) (10 * LOGIT_TOLERANCE);
    Features f = SampleFeatures.moderate(200, 11);
    float[] expected = informativeLogits(WEIGHTS, f);
    for (String pass : PASSES) {
      assertThat(maxAbsDiff(new JavaDlrm(wrong, pass).logits(f), expected))
          .as(pass)
          .isGreaterThan(LOGIT_TOLERANCE);
    }
  }

  @Test
  void scores_are_the_sigmoid_of_the_logits() {
    Features f = SampleFeatures.moderate(50, 12);
    JavaDlrm engine = new JavaDlrm(WEIGHTS);
    float[] logits = engine.logits(f);
    float[] scores = engine.predict(f);
    for (int r = 0; r < logits.length; r++) {
      assertThat(scores[r]).isEqualTo(JavaDlrm.sigmoid(logits[r]));
    }
  }

  @Test
  void fast_engine_matches_the_oracle_on_all_zero_dense_values_and_max_ids() {
    int batch = 9;
    int[] sparse = new int[batch * Features.SPARSE];
    for (int r = 0; r < batch; r++) {
      for (int t = 0; t < Features.SPARSE; t++) {
        // Row 0 all zero ids, the others the last row of every table.
        sparse[r * Features.SPARSE + t] = r == 0 ? 0 : Features.tableRows(t) - 1;
      }
    }
    assertEveryPassMatchesTheOracle(
        WEIGHTS, new Features(batch, sparse, new float[batch * Features.DENSE]));
  }

  @Test
  void batch_norm_folding_is_exact_for_non_default_running_statistics() {
    // Eval BN with mean 0, var 1, gamma 1, beta 0 is almost the identity; trained-looking values
    // check that the fold (w·s, (b − mean)·s + beta) is right.
    DlrmWeights w = DlrmWeights.random(5);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(6);
    for (int l = 0; l < w.bottomLayers() + w.topLayers() - 1; l++) {
      DlrmWeights.BatchNorm bn = l < w.bottomLayers() ? w.bottomNorm(l) : w.topNorm(l - 3);
      for (int i = 0; i < bn.mean().length; i++) {
        bn.mean()[i] = (float) rnd.nextDouble(-0.5, 0.5);
        bn.var()[i] = (float) rnd.nextDouble(0.2, 3.0);
        bn.gamma()[i] = (float) rnd.nextDouble(0.5, 1.5);
        bn.beta()[i] = (float) rnd.nextDouble(-0.3, 0.3);
      }
    }
    assertEveryPassMatchesTheOracle(w, SampleFeatures.moderate(64, 8));
  }

  @Test
  void scores_are_probabilities_and_vary_across_ads() {
    // Raw counters (thousands of impressions) saturate the untrained model's sigmoid to 1.0, as
    // in the reference; moderate inputs show the scores strictly inside (0, 1).
    Features raw = SampleFeatures.random(200, 5);
    for (float s : new JavaDlrm(WEIGHTS).predict(raw)) {
      assertThat(s).isBetween(0f, 1f);
    }
    float[] dense = raw.dense().clone();
    for (int i = 0; i < dense.length; i++) {
      dense[i] = (float) Math.tanh(dense[i] / 100);
    }
    float[] scores = new JavaDlrm(WEIGHTS).predict(new Features(200, raw.sparse(), dense));
    for (float s : scores) {
      assertThat(s).isGreaterThan(0f).isLessThan(1f);
    }
    assertThat(Arrays.stream(toDoubles(scores)).distinct().count()).isGreaterThan(100);
  }

  @Test
  void both_passes_give_the_same_bits() {
    Features f = SampleFeatures.random(201, 77);
    float[] loop = new JavaDlrm(WEIGHTS, "loop").predict(f);
    assertThat(new JavaDlrm(WEIGHTS, "vector").predict(f)).containsExactly(loop);
  }

  @Test
  void the_kernel_choice_picks_the_pass_it_names() {
    assertThat(new JavaDlrm(WEIGHTS, "loop").kernels()).isEqualTo("loop");
    assertThat(new JavaDlrm(WEIGHTS, "vector").kernels()).startsWith("vector");
    // This test JVM has the incubator module, so auto takes the Vector API.
    assertThat(new JavaDlrm(WEIGHTS, "auto").kernels()).startsWith("vector");
  }

  @Test
  void a_row_scores_the_same_whatever_its_batch_and_position() {
    Features big = SampleFeatures.random(201, 3);
    JavaDlrm engine = new JavaDlrm(WEIGHTS);
    float[] all = engine.predict(big);
    for (int row : new int[] {0, 3, 4, 199, 200}) {
      Features one =
          new Features(
              1,
              Arrays.copyOfRange(big.sparse(), row * Features.SPARSE, (row + 1) * Features.SPARSE),
              Arrays.copyOfRange(big.dense(), row * Features.DENSE, (row + 1) * Features.DENSE));
      assertThat(engine.predict(one)[0]).as("row %d", row).isEqualTo(all[row]);
    }
  }

  @Test
  void concurrent_predictions_on_four_threads_are_identical() throws Exception {
    JavaDlrm engine = new JavaDlrm(WEIGHTS);
    List<Features> inputs = new ArrayList<>();
    List<float[]> expected = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Features f = SampleFeatures.random(i % 2 == 0 ? 200 : 37, i);
      inputs.add(f);
      expected.add(engine.predict(f));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 50; round++) {
                    for (int i = 0; i < inputs.size(); i++) {
                      if (!Arrays.equals(engine.predict(inputs.get(i)), expected.get(i))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void output_array_too_small_is_refused() {
    JavaDlrm engine = new JavaDlrm(WEIGHTS);
    assertThatThrownBy(() -> engine.predict(SampleFeatures.random(10, 1), new float[9]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds 9 floats, the batch has 10");
  }

  @Test
  void unknown_kernel_choice_is_refused_with_the_valid_names() {
    assertThatThrownBy(() -> JavaDlrm.selectKernels("gpu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'gpu'")
        .hasMessageContaining("auto, loop, vector");
  }

  private static double[] toDoubles(float[] a) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i];
    }
    return d;
  }
}
