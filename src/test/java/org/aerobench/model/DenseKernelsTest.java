package org.aerobench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two kernel sets follow one arithmetic contract, so they must agree bit for bit. */
class DenseKernelsTest {

  private static final DenseKernels LOOP = new LoopKernels();
  private static final DenseKernels VECTOR = JavaDlrm.selectKernels("vector");

  private static float[] random(int n, SplittableRandom rnd) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) rnd.nextDouble(-1, 1);
    }
    return a;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 6, 7, 8, 9, 200, 201})
  void linear_relu_gives_the_same_bits_for_every_layer_shape(int rows) {
    SplittableRandom rnd = new SplittableRandom(rows);
    int[][] shapes = {{8, 128}, {128, 64}, {64, 16}, {31, 256}, {256, 128}, {5, 24}};
    for (int[] shape : shapes) {
      int k = shape[0];
      int n = shape[1];
      DlrmWeights.Linear l = new DlrmWeights.Linear(k, n, random(k * n, rnd), random(n, rnd));
      float[] x = random(rows * k, rnd);
      int stride = n + 3; // written with a stride and offset, as z into the top MLP's input
      float[] expected = new float[rows * stride + 2];
      float[] actual = new float[rows * stride + 2];
      LOOP.linearRelu(
          x, rows, DenseLayer.of(l, LOOP.panelWidth(n)), expected, 2, stride, new float[4][256]);
      VECTOR.linearRelu(
          x, rows, DenseLayer.of(l, VECTOR.panelWidth(n)), actual, 2, stride, new float[4][256]);
      assertThat(actual).as("%d x %d", k, n).containsExactly(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 15, 16, 17, 200})
  void interaction_and_logits_give_the_same_bits(int rows) {
    SplittableRandom rnd = new SplittableRandom(100 + rows);
    DlrmWeights w = DlrmWeights.random(3);
    float[][] tables = new float[Features.SPARSE][];
    for (int t = 0; t < Features.SPARSE; t++) {
      tables[t] = w.embedding(t);
    }
    Features f = SampleFeatures.random(rows, rows);
    int stride = DlrmWeights.TOP_SIZES[0];
    float[] expected = random(rows * stride, rnd);
    float[] actual = expected.clone();
    LOOP.interact(f.sparse(), rows, tables, expected, stride, new int[DenseKernels.MAP_INTS]);
    VECTOR.interact(f.sparse(), rows, tables, actual, stride, new int[DenseKernels.MAP_INTS]);
    assertThat(actual).containsExactly(expected);

    float[] a = random(rows * 128, rnd);
    float[] u = random(128, rnd);
    float[] loopOut = new float[rows];
    float[] vectorOut = new float[rows];
    LOOP.logits(a, rows, 128, u, 0.25f, loopOut, new int[DenseKernels.MAP_INTS]);
    VECTOR.logits(a, rows, 128, u, 0.25f, vectorOut, new int[DenseKernels.MAP_INTS]);
    assertThat(vectorOut).containsExactly(loopOut);
  }
}
