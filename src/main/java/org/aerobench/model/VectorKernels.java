package org.aerobench.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernels} with the JDK Vector API: a register-blocked micro-kernel that keeps a tile
 * of 4 rows × 4 vectors of outputs (16 accumulators) in registers for the whole k loop, so each
 * weight vector loaded serves 4 rows and nothing is stored until the end. Needs {@code
 * --add-modules jdk.incubator.vector} at compile and run time; {@link JavaDlrm} only loads this
 * class by name when the module is there.
 *
 * <p>Same bits as {@link LoopKernels}: every output lane does bias, then one {@code fma} per k in
 * order.
 */
final class VectorKernels implements DenseKernels {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private final LoopKernels fallback = new LoopKernels();

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
    if (n % L != 0) {
      fallback.linearRelu(x, rows, k, wt, bias, n, y, yOffset, yStride);
      return;
    }
    int r = 0;
    for (; r + 4 <= rows; r += 4) {
      int j = 0;
      for (; j + 4 * L <= n; j += 4 * L) {
        tile4x4(x, r, k, wt, bias, n, j, y, yOffset, yStride);
      }
      for (; j < n; j += L) {
        tile4x1(x, r, k, wt, bias, n, j, y, yOffset, yStride);
      }
    }
    for (; r < rows; r++) {
      for (int j = 0; j < n; j += L) {
        tile1x1(x, r, k, wt, bias, n, j, y, yOffset, yStride);
      }
    }
  }

  private static void tile4x4(
      float[] x,
      int r,
      int k,
      float[] wt,
      float[] bias,
      int n,
      int j,
      float[] y,
      int yOffset,
      int yStride) {
    FloatVector b0 = FloatVector.fromArray(S, bias, j);
    FloatVector b1 = FloatVector.fromArray(S, bias, j + L);
    FloatVector b2 = FloatVector.fromArray(S, bias, j + 2 * L);
    FloatVector b3 = FloatVector.fromArray(S, bias, j + 3 * L);
    FloatVector c00 = b0, c01 = b1, c02 = b2, c03 = b3;
    FloatVector c10 = b0, c11 = b1, c12 = b2, c13 = b3;
    FloatVector c20 = b0, c21 = b1, c22 = b2, c23 = b3;
    FloatVector c30 = b0, c31 = b1, c32 = b2, c33 = b3;
    int x0 = r * k;
    int x1 = x0 + k;
    int x2 = x1 + k;
    int x3 = x2 + k;
    for (int kk = 0; kk < k; kk++) {
      int wo = kk * n + j;
      FloatVector w0 = FloatVector.fromArray(S, wt, wo);
      FloatVector w1 = FloatVector.fromArray(S, wt, wo + L);
      FloatVector w2 = FloatVector.fromArray(S, wt, wo + 2 * L);
      FloatVector w3 = FloatVector.fromArray(S, wt, wo + 3 * L);
      FloatVector a = FloatVector.broadcast(S, x[x0 + kk]);
      c00 = a.fma(w0, c00);
      c01 = a.fma(w1, c01);
      c02 = a.fma(w2, c02);
      c03 = a.fma(w3, c03);
      a = FloatVector.broadcast(S, x[x1 + kk]);
      c10 = a.fma(w0, c10);
      c11 = a.fma(w1, c11);
      c12 = a.fma(w2, c12);
      c13 = a.fma(w3, c13);
      a = FloatVector.broadcast(S, x[x2 + kk]);
      c20 = a.fma(w0, c20);
      c21 = a.fma(w1, c21);
      c22 = a.fma(w2, c22);
      c23 = a.fma(w3, c23);
      a = FloatVector.broadcast(S, x[x3 + kk]);
      c30 = a.fma(w0, c30);
      c31 = a.fma(w1, c31);
      c32 = a.fma(w2, c32);
      c33 = a.fma(w3, c33);
    }
    int y0 = yOffset + r * yStride + j;
    store(c00, c01, c02, c03, y, y0);
    store(c10, c11, c12, c13, y, y0 + yStride);
    store(c20, c21, c22, c23, y, y0 + 2 * yStride);
    store(c30, c31, c32, c33, y, y0 + 3 * yStride);
  }

  private static void store(
      FloatVector c0, FloatVector c1, FloatVector c2, FloatVector c3, float[] y, int at) {
    c0.lanewise(VectorOperators.MAX, 0f).intoArray(y, at);
    c1.lanewise(VectorOperators.MAX, 0f).intoArray(y, at + L);
    c2.lanewise(VectorOperators.MAX, 0f).intoArray(y, at + 2 * L);
    c3.lanewise(VectorOperators.MAX, 0f).intoArray(y, at + 3 * L);
  }

  private static void tile4x1(
      float[] x,
      int r,
      int k,
      float[] wt,
      float[] bias,
      int n,
      int j,
      float[] y,
      int yOffset,
      int yStride) {
    FloatVector c0 = FloatVector.fromArray(S, bias, j);
    FloatVector c1 = c0, c2 = c0, c3 = c0;
    int x0 = r * k;
    int x1 = x0 + k;
    int x2 = x1 + k;
    int x3 = x2 + k;
    for (int kk = 0; kk < k; kk++) {
      FloatVector w = FloatVector.fromArray(S, wt, kk * n + j);
      c0 = FloatVector.broadcast(S, x[x0 + kk]).fma(w, c0);
      c1 = FloatVector.broadcast(S, x[x1 + kk]).fma(w, c1);
      c2 = FloatVector.broadcast(S, x[x2 + kk]).fma(w, c2);
      c3 = FloatVector.broadcast(S, x[x3 + kk]).fma(w, c3);
    }
    int y0 = yOffset + r * yStride + j;
    c0.lanewise(VectorOperators.MAX, 0f).intoArray(y, y0);
    c1.lanewise(VectorOperators.MAX, 0f).intoArray(y, y0 + yStride);
    c2.lanewise(VectorOperators.MAX, 0f).intoArray(y, y0 + 2 * yStride);
    c3.lanewise(VectorOperators.MAX, 0f).intoArray(y, y0 + 3 * yStride);
  }

  private static void tile1x1(
      float[] x,
      int r,
      int k,
      float[] wt,
      float[] bias,
      int n,
      int j,
      float[] y,
      int yOffset,
      int yStride) {
    FloatVector c = FloatVector.fromArray(S, bias, j);
    int x0 = r * k;
    for (int kk = 0; kk < k; kk++) {
      c = FloatVector.broadcast(S, x[x0 + kk]).fma(FloatVector.fromArray(S, wt, kk * n + j), c);
    }
    c.lanewise(VectorOperators.MAX, 0f).intoArray(y, yOffset + r * yStride + j);
  }

  @Override
  public String name() {
    return "vector" + L * 32;
  }
}
