package org.aerobench.model;

/**
 * {@link DenseKernels} in plain loops that C2 auto-vectorises: the inner loop is an AXPY over one
 * contiguous output row and one contiguous weight row. Needs no JVM flag.
 */
final class LoopKernels implements DenseKernels {

  @Override
  public void linearRelu(
      float[] x,
      int rows,
      int k,
      float[] wt,
      float[] bias,
      int n,
      float[] y,
      int yOffset,
      int yStride) {
    for (int r = 0; r < rows; r++) {
      int yo = yOffset + r * yStride;
      int xo = r * k;
      System.arraycopy(bias, 0, y, yo, n);
      for (int kk = 0; kk < k; kk++) {
        float a = x[xo + kk];
        int wo = kk * n;
        for (int j = 0; j < n; j++) {
          y[yo + j] = Math.fma(a, wt[wo + j], y[yo + j]);
        }
      }
      for (int j = 0; j < n; j++) {
        y[yo + j] = Math.max(y[yo + j], 0f);
      }
    }
  }

  @Override
  public String name() {
    return "loop";
  }
}
