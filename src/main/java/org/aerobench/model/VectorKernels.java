package org.aerobench.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernels} with the JDK Vector API: a register-blocked micro-kernel. For one vector of
 * outputs (16 with AVX-512) it keeps 8 batch rows' accumulators in registers for the whole input
 * loop, so each weight vector loaded serves 8 rows and nothing is stored until the end; the column
 * loop is outermost so that a column panel of weights ({@code k × 16} floats, 16 KB at most) stays
 * in L1 while every row tile uses it.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector} at compile and run time; {@link JavaDlrm}
 * only loads this class by name when the module is there. Same bits as {@link LoopKernels}: each
 * output lane does bias, then one {@code fma} per input in order.
 *
 * <p>Measured alternatives (JDK 25, AVX-512): a 4 rows × 4 vectors tile (16 accumulators) ran 4×
 * slower than 8 × 1, apparently because C2 no longer keeps that many vectors in registers; rows
 * outermost was ~25% slower on the 256 → 128 layer (its 128 KB of weights fall out of L1); 12 × 1
 * gained nothing over 8 × 1.
 */
final class VectorKernels implements DenseKernels {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();

  private final LoopKernels fallback = new LoopKernels();

  @Override
  public void linearRelu(
      float[] x, int rows, DenseLayer layer, float[] y, int yOffset, int yStride, float[][] acc) {
    int k = layer.k();
    int n = layer.n();
    if (n % L != 0) {
      fallback.linearRelu(x, rows, layer, y, yOffset, yStride, acc);
      return;
    }
    float[] wt = layer.wt();
    float[] bias = layer.bias();
    for (int j = 0; j < n; j += L) {
      int r = 0;
      for (; r + 8 <= rows; r += 8) {
        tile8(x, r, k, wt, bias, n, j, y, yOffset, yStride);
      }
      for (; r < rows; r++) {
        tile1(x, r, k, wt, bias, n, j, y, yOffset, yStride);
      }
    }
  }

  private static void tile8(
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
    FloatVector c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
    int x0 = r * k;
    for (int i = 0; i < k; i++) {
      FloatVector w = FloatVector.fromArray(S, wt, i * n + j);
      int xo = x0 + i;
      c0 = FloatVector.broadcast(S, x[xo]).fma(w, c0);
      c1 = FloatVector.broadcast(S, x[xo + k]).fma(w, c1);
      c2 = FloatVector.broadcast(S, x[xo + 2 * k]).fma(w, c2);
      c3 = FloatVector.broadcast(S, x[xo + 3 * k]).fma(w, c3);
      c4 = FloatVector.broadcast(S, x[xo + 4 * k]).fma(w, c4);
      c5 = FloatVector.broadcast(S, x[xo + 5 * k]).fma(w, c5);
      c6 = FloatVector.broadcast(S, x[xo + 6 * k]).fma(w, c6);
      c7 = FloatVector.broadcast(S, x[xo + 7 * k]).fma(w, c7);
    }
    int y0 = yOffset + r * yStride + j;
    relu(c0).intoArray(y, y0);
    relu(c1).intoArray(y, y0 + yStride);
    relu(c2).intoArray(y, y0 + 2 * yStride);
    relu(c3).intoArray(y, y0 + 3 * yStride);
    relu(c4).intoArray(y, y0 + 4 * yStride);
    relu(c5).intoArray(y, y0 + 5 * yStride);
    relu(c6).intoArray(y, y0 + 6 * yStride);
    relu(c7).intoArray(y, y0 + 7 * yStride);
  }

  private static void tile1(
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
    for (int i = 0; i < k; i++) {
      c = FloatVector.broadcast(S, x[x0 + i]).fma(FloatVector.fromArray(S, wt, i * n + j), c);
    }
    relu(c).intoArray(y, yOffset + r * yStride + j);
  }

  private static FloatVector relu(FloatVector v) {
    return v.lanewise(VectorOperators.MAX, 0f);
  }

  @Override
  public String name() {
    return "vector" + L * 32;
  }
}
