package org.aerobench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vector API kernels follow the contract of the scalar reference, so they agree bit for bit.
 */
class DenseKernelsTest {

  private static final DenseKernels SCALAR = new ScalarKernels();
  private static final DenseKernels VECTOR = JavaDlrm.selectKernels("vector").orElseThrow();

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
    // The model's layers, and odd fan-ins with one- and two-vector panels.
    int[][] shapes = {{8, 128}, {128, 64}, {64, 16}, {31, 256}, {256, 128}, {5, 48}, {7, 32}};
    for (int[] shape : shapes) {
      int k = shape[0];
      int n = shape[1];
      DlrmWeights.Linear l = new DlrmWeights.Linear(k, n, random(k * n, rnd), random(n, rnd));
      float[] x = random(rows * k, rnd);
      int stride = n + 3; // written with a stride and offset, as z into the top MLP's input
      float[] expected = new float[rows * stride + 2];
      float[] actual = new float[rows * stride + 2];
      DenseLayer layer = DenseLayer.of(l, VECTOR.panelWidth(n));
      SCALAR.linearRelu(x, rows, layer, expected, 2, stride, new float[4][256]);
      VECTOR.linearRelu(x, rows, layer, actual, 2, stride, new float[4][256]);
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
    SCALAR.interact(f.sparse(), rows, tables, expected, stride, new int[DenseKernels.MAP_INTS]);
    VECTOR.interact(f.sparse(), rows, tables, actual, stride, new int[DenseKernels.MAP_INTS]);
    assertThat(actual).containsExactly(expected);

    float[] a = random(rows * 128, rnd);
    float[] u = random(128, rnd);
    float[] scalarOut = new float[rows];
    float[] vectorOut = new float[rows];
    SCALAR.logits(a, rows, 128, u, 0.25f, scalarOut, new int[DenseKernels.MAP_INTS]);
    VECTOR.logits(a, rows, 128, u, 0.25f, vectorOut, new int[DenseKernels.MAP_INTS]);
    assertThat(vectorOut).containsExactly(scalarOut);
  }
}
