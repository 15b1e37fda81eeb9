package org.aerobench.model;

/**
 * The plain-loop choice of kernels, needing no JVM flag. A {@link JavaDlrm} given these runs the
 * feature-major {@link ColumnForward} pass (its loops vectorise better); {@link #linearRelu} here
 * is the row-major version, kept as {@link VectorKernels}' fallback for layer widths that are not a
 * multiple of the vector length.
 *
 * <p>One batch row at a time, the inner loop runs over the row's outputs and applies four inputs at
 * once, {@code acc[j] = fma(a3, w3[j], fma(a2, w2[j], fma(a1, w1[j], fma(a0, w0[j], acc[j]))))}:
 * one FMA per input in input order (the shared contract). Every array in the loop is indexed by the
 * bare loop counter: with an offset on any of them ({@code y[yo + j]}) JDK 25's C2 cannot prove the
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
    float[] a = acc[0];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(bias, 0, a, 0, n);
      int x0 = r * k;
      int i = 0;
      for (; i + 4 <= k; i += 4) {
        float a0 = x[x0 + i];
        float a1 = x[x0 + i + 1];
        float a2 = x[x0 + i + 2];
        float a3 = x[x0 + i + 3];
        float[] w0 = w[i];
        float[] w1 = w[i + 1];
        float[] w2 = w[i + 2];
        float[] w3 = w[i + 3];
        for (int j = 0; j < n; j++) {
          a[j] =
              Math.fma(
                  a3, w3[j], Math.fma(a2, w2[j], Math.fma(a1, w1[j], Math.fma(a0, w0[j], a[j]))));
        }
      }
      for (; i < k; i++) {
        float a0 = x[x0 + i];
        float[] w0 = w[i];
        for (int j = 0; j < n; j++) {
          a[j] = Math.fma(a0, w0[j], a[j]);
        }
      }
      for (int j = 0; j < n; j++) {
        a[j] = Math.max(a[j], 0f);
      }
      System.arraycopy(a, 0, y, yOffset + r * yStride, n);
    }
  }

  @Override
  public String name() {
    return "loop";
  }
}
