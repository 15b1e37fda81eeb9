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

  /** One row at a time, its 15 sums in 15 independent accumulators. */
  @Override
  public void interact(
      int[] sparse, int rows, float[][] tables, float[] topIn, int stride, int[] map) {
    int dim = DlrmWeights.EMBEDDING_DIM;
    float[] t0 = tables[0];
    float[] t1 = tables[1];
    float[] t2 = tables[2];
    float[] t3 = tables[3];
    float[] t4 = tables[4];
    for (int r = 0; r < rows; r++) {
      int zo = r * stride;
      int so = r * Features.SPARSE;
      int o1 = sparse[so] * dim;
      int o2 = sparse[so + 1] * dim;
      int o3 = sparse[so + 2] * dim;
      int o4 = sparse[so + 3] * dim;
      int o5 = sparse[so + 4] * dim;
      float s01 = 0, s02 = 0, s03 = 0, s04 = 0, s05 = 0;
      float s12 = 0, s13 = 0, s14 = 0, s15 = 0;
      float s23 = 0, s24 = 0, s25 = 0;
      float s34 = 0, s35 = 0;
      float s45 = 0;
      for (int d = 0; d < dim; d++) {
        float v0 = topIn[zo + d];
        float v1 = t0[o1 + d];
        float v2 = t1[o2 + d];
        float v3 = t2[o3 + d];
        float v4 = t3[o4 + d];
        float v5 = t4[o5 + d];
        s01 = Math.fma(v0, v1, s01);
        s02 = Math.fma(v0, v2, s02);
        s03 = Math.fma(v0, v3, s03);
        s04 = Math.fma(v0, v4, s04);
        s05 = Math.fma(v0, v5, s05);
        s12 = Math.fma(v1, v2, s12);
        s13 = Math.fma(v1, v3, s13);
        s14 = Math.fma(v1, v4, s14);
        s15 = Math.fma(v1, v5, s15);
        s23 = Math.fma(v2, v3, s23);
        s24 = Math.fma(v2, v4, s24);
        s25 = Math.fma(v2, v5, s25);
        s34 = Math.fma(v3, v4, s34);
        s35 = Math.fma(v3, v5, s35);
        s45 = Math.fma(v4, v5, s45);
      }
      int p = zo + dim;
      topIn[p] = s01;
      topIn[p + 1] = s02;
      topIn[p + 2] = s03;
      topIn[p + 3] = s04;
      topIn[p + 4] = s05;
      topIn[p + 5] = s12;
      topIn[p + 6] = s13;
      topIn[p + 7] = s14;
      topIn[p + 8] = s15;
      topIn[p + 9] = s23;
      topIn[p + 10] = s24;
      topIn[p + 11] = s25;
      topIn[p + 12] = s34;
      topIn[p + 13] = s35;
      topIn[p + 14] = s45;
    }
  }

  /** Four rows at a time, so the four sums' FMAs overlap. */
  @Override
  public void logits(float[] a2, int rows, int k, float[] u, float bias, float[] out, int[] map) {
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int o0 = r * k;
      int o1 = o0 + k;
      int o2 = o1 + k;
      int o3 = o2 + k;
      float s0 = bias, s1 = bias, s2 = bias, s3 = bias;
      for (int i = 0; i < k; i++) {
        float w = u[i];
        s0 = Math.fma(a2[o0 + i], w, s0);
        s1 = Math.fma(a2[o1 + i], w, s1);
        s2 = Math.fma(a2[o2 + i], w, s2);
        s3 = Math.fma(a2[o3 + i], w, s3);
      }
      out[r] = s0;
      out[r + 1] = s1;
      out[r + 2] = s2;
      out[r + 3] = s3;
    }
    for (; r < rows; r++) {
      int o = r * k;
      float s = bias;
      for (int i = 0; i < k; i++) {
        s = Math.fma(a2[o + i], u[i], s);
      }
      out[r] = s;
    }
  }

  @Override
  public String name() {
    return "loop";
  }
}
