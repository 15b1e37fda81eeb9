package org.aerobench.model;

/**
 * {@link DenseKernels} in plain loops that C2 auto-vectorises; needs no JVM flag.
 *
 * <p>The inner loop is an AXPY of one weight row into four accumulator rows (four batch rows at
 * once, so each weight row is read once per four rows). Every array in it is indexed by the bare
 * loop counter: with an offset on any of them ({@code y[yo + j]}) JDK 25's C2 cannot prove the
 * arrays do not overlap and leaves the loop scalar, about 4× slower.
 */
final class LoopKernels implements DenseKernels {

  @Override
  public int panelWidth(int n) {
    return 0;
  }

  @Override
  public void linearRelu(
      float[] x, int rows, DenseLayer layer, float[] y, int yOffset, int yStride, float[][] acc) {
    int k = layer.k();
    int n = layer.n();
    float[][] w = layer.rows();
    float[] bias = layer.bias();
    float[] acc0 = acc[0];
    float[] acc1 = acc[1];
    float[] acc2 = acc[2];
    float[] acc3 = acc[3];
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      System.arraycopy(bias, 0, acc0, 0, n);
      System.arraycopy(bias, 0, acc1, 0, n);
      System.arraycopy(bias, 0, acc2, 0, n);
      System.arraycopy(bias, 0, acc3, 0, n);
      int x0 = r * k;
      for (int i = 0; i < k; i++) {
        float a0 = x[x0 + i];
        float a1 = x[x0 + k + i];
        float a2 = x[x0 + 2 * k + i];
        float a3 = x[x0 + 3 * k + i];
        float[] wi = w[i];
        for (int j = 0; j < n; j++) {
          float wj = wi[j];
          acc0[j] = Math.fma(a0, wj, acc0[j]);
          acc1[j] = Math.fma(a1, wj, acc1[j]);
          acc2[j] = Math.fma(a2, wj, acc2[j]);
          acc3[j] = Math.fma(a3, wj, acc3[j]);
        }
      }
      storeRelu(acc0, n, y, yOffset + r * yStride);
      storeRelu(acc1, n, y, yOffset + (r + 1) * yStride);
      storeRelu(acc2, n, y, yOffset + (r + 2) * yStride);
      storeRelu(acc3, n, y, yOffset + (r + 3) * yStride);
    }
    for (; r < rows; r++) {
      System.arraycopy(bias, 0, acc0, 0, n);
      int x0 = r * k;
      for (int i = 0; i < k; i++) {
        float a = x[x0 + i];
        float[] wi = w[i];
        for (int j = 0; j < n; j++) {
          acc0[j] = Math.fma(a, wi[j], acc0[j]);
        }
      }
      storeRelu(acc0, n, y, yOffset + r * yStride);
    }
  }

  private static void storeRelu(float[] acc, int n, float[] y, int at) {
    for (int j = 0; j < n; j++) {
      acc[j] = Math.max(acc[j], 0f);
    }
    System.arraycopy(acc, 0, y, at, n);
  }

  @Override
  public String name() {
    return "loop";
  }
}
