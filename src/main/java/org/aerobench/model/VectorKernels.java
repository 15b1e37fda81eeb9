package org.aerobench.model;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernels} with the JDK Vector API: a register-blocked micro-kernel. For a panel of two
 * vectors of outputs (32 with AVX-512) it keeps 6 batch rows' accumulators in registers for the
 * whole input loop, so each weight vector loaded serves 6 rows, each broadcast input serves 2
 * vectors, and nothing is stored until the end. Panels are outermost, so a panel ({@code k × 32}
 * floats, 32 KB at most, contiguous: {@link DenseLayer#panels}) stays in L1 while every row tile
 * uses it. Layers narrower than two vectors (the bottom MLP's 16 outputs) use 8 rows × 1 vector.
 *
 * <p>The last, partial row tile recomputes the batch's last row in its spare slots (same
 * arithmetic, stores skipped), instead of a slow one-row loop.
 *
 * <p>Needs {@code --add-modules jdk.incubator.vector} at compile and run time; {@link JavaDlrm}
 * only loads this class by name when the module is there. Same bits as {@link ColumnForward} and
 * the tests' scalar reference: each output lane does bias, then one {@code fma} per input in order.
 *
 * <p>Measured alternatives (JDK 25, AVX-512, batch 200): a 4 rows × 4 vectors tile ran 4× slower
 * than 8 × 1 (C2 did not keep its 16 accumulators in registers); rows outermost was ~25% slower on
 * the 256 → 128 layer (its 128 KB of weights fall out of L1); 12 × 1 gained nothing over 8 × 1; 6 ×
 * 2 beat 8 × 1 by ~25% and 4 × 2 by ~15%; packed panels (constant stride, so C2 removes the bounds
 * checks) beat the plain {@code k × n} layout.
 */
final class VectorKernels implements DenseKernels {

  private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  private static final int WIDE = 2 * L;

  /** Two vectors, else one, else 0: a width that is no multiple of the vector is not tiled. */
  @Override
  public int panelWidth(int n) {
    if (n % WIDE == 0) {
      return WIDE;
    }
    return n % L == 0 ? L : 0;
  }

  @Override
  public void linearRelu(
      float[] x, int rows, DenseLayer layer, float[] y, int yOffset, int yStride, float[][] acc) {
    int k = layer.k();
    float[] panels = layer.panels();
    float[] bias = layer.bias();
    if (layer.panelWidth() == WIDE) {
      for (int j = 0; j < layer.n(); j += WIDE) {
        int base = j * k; // panel j / WIDE starts at (j / WIDE) · k · WIDE
        for (int r = 0; r < rows; r += 6) {
          tile6x2(x, r, rows, k, panels, base, bias, j, y, yOffset, yStride);
        }
      }
    } else if (layer.panelWidth() == L) {
      for (int j = 0; j < layer.n(); j += L) {
        int base = j * k;
        for (int r = 0; r < rows; r += 8) {
          tile8x1(x, r, rows, k, panels, base, bias, j, y, yOffset, yStride);
        }
      }
    } else {
      throw new IllegalArgumentException(
          "panel width "
              + layer.panelWidth()
              + " is not "
              + L
              + " or "
              + WIDE
              + " (see panelWidth)");
    }
  }

  /** Offset of row {@code r}'s inputs; rows past the batch recompute its last row. */
  private static int rowStart(int r, int rows, int k) {
    return Math.min(r, rows - 1) * k;
  }

  private static void tile6x2(
      float[] x,
      int r,
      int rows,
      int k,
      float[] w,
      int base,
      float[] bias,
      int j,
      float[] y,
      int yOffset,
      int yStride) {
    FloatVector b0 = FloatVector.fromArray(S, bias, j);
    FloatVector b1 = FloatVector.fromArray(S, bias, j + L);
    FloatVector c00 = b0, c01 = b1, c10 = b0, c11 = b1, c20 = b0, c21 = b1;
    FloatVector c30 = b0, c31 = b1, c40 = b0, c41 = b1, c50 = b0, c51 = b1;
    int x0 = rowStart(r, rows, k);
    int x1 = rowStart(r + 1, rows, k);
    int x2 = rowStart(r + 2, rows, k);
    int x3 = rowStart(r + 3, rows, k);
    int x4 = rowStart(r + 4, rows, k);
    int x5 = rowStart(r + 5, rows, k);
    for (int i = 0; i < k; i++) {
      int wo = base + i * WIDE;
      FloatVector w0 = FloatVector.fromArray(S, w, wo);
      FloatVector w1 = FloatVector.fromArray(S, w, wo + L);
      FloatVector a = FloatVector.broadcast(S, x[x0 + i]);
      c00 = a.fma(w0, c00);
      c01 = a.fma(w1, c01);
      a = FloatVector.broadcast(S, x[x1 + i]);
      c10 = a.fma(w0, c10);
      c11 = a.fma(w1, c11);
      a = FloatVector.broadcast(S, x[x2 + i]);
      c20 = a.fma(w0, c20);
      c21 = a.fma(w1, c21);
      a = FloatVector.broadcast(S, x[x3 + i]);
      c30 = a.fma(w0, c30);
      c31 = a.fma(w1, c31);
      a = FloatVector.broadcast(S, x[x4 + i]);
      c40 = a.fma(w0, c40);
      c41 = a.fma(w1, c41);
      a = FloatVector.broadcast(S, x[x5 + i]);
      c50 = a.fma(w0, c50);
      c51 = a.fma(w1, c51);
    }
    int valid = Math.min(6, rows - r);
    int at = yOffset + r * yStride + j;
    store2(c00, c01, y, at);
    if (valid > 1) {
      store2(c10, c11, y, at + yStride);
    }
    if (valid > 2) {
      store2(c20, c21, y, at + 2 * yStride);
    }
    if (valid > 3) {
      store2(c30, c31, y, at + 3 * yStride);
    }
    if (valid > 4) {
      store2(c40, c41, y, at + 4 * yStride);
    }
    if (valid > 5) {
      store2(c50, c51, y, at + 5 * yStride);
    }
  }

  private static void store2(FloatVector c0, FloatVector c1, float[] y, int at) {
    relu(c0).intoArray(y, at);
    relu(c1).intoArray(y, at + L);
  }

  private static void tile8x1(
      float[] x,
      int r,
      int rows,
      int k,
      float[] w,
      int base,
      float[] bias,
      int j,
      float[] y,
      int yOffset,
      int yStride) {
    FloatVector c0 = FloatVector.fromArray(S, bias, j);
    FloatVector c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
    int x0 = rowStart(r, rows, k);
    int x1 = rowStart(r + 1, rows, k);
    int x2 = rowStart(r + 2, rows, k);
    int x3 = rowStart(r + 3, rows, k);
    int x4 = rowStart(r + 4, rows, k);
    int x5 = rowStart(r + 5, rows, k);
    int x6 = rowStart(r + 6, rows, k);
    int x7 = rowStart(r + 7, rows, k);
    for (int i = 0; i < k; i++) {
      FloatVector v = FloatVector.fromArray(S, w, base + i * L);
      c0 = FloatVector.broadcast(S, x[x0 + i]).fma(v, c0);
      c1 = FloatVector.broadcast(S, x[x1 + i]).fma(v, c1);
      c2 = FloatVector.broadcast(S, x[x2 + i]).fma(v, c2);
      c3 = FloatVector.broadcast(S, x[x3 + i]).fma(v, c3);
      c4 = FloatVector.broadcast(S, x[x4 + i]).fma(v, c4);
      c5 = FloatVector.broadcast(S, x[x5 + i]).fma(v, c5);
      c6 = FloatVector.broadcast(S, x[x6 + i]).fma(v, c6);
      c7 = FloatVector.broadcast(S, x[x7 + i]).fma(v, c7);
    }
    int valid = Math.min(8, rows - r);
    int at = yOffset + r * yStride + j;
    // No FloatVector[] here: an array of vectors makes C2 box them (30× slower).
    relu(c0).intoArray(y, at);
    if (valid > 1) {
      relu(c1).intoArray(y, at + yStride);
    }
    if (valid > 2) {
      relu(c2).intoArray(y, at + 2 * yStride);
    }
    if (valid > 3) {
      relu(c3).intoArray(y, at + 3 * yStride);
    }
    if (valid > 4) {
      relu(c4).intoArray(y, at + 4 * yStride);
    }
    if (valid > 5) {
      relu(c5).intoArray(y, at + 5 * yStride);
    }
    if (valid > 6) {
      relu(c6).intoArray(y, at + 6 * yStride);
    }
    if (valid > 7) {
      relu(c7).intoArray(y, at + 7 * yStride);
    }
  }

  /**
   * The 15 dot products for L rows at a time, one row per lane: z and the embedding rows are
   * gathered a dimension at a time, the products scattered back. Per lane exactly the scalar code's
   * arithmetic (fma over d from 0), so the bits match the plain loops.
   */
  @Override
  public void interact(
      int[] sparse, int rows, float[][] tables, float[] topIn, int stride, int[] map) {
    float[] t0 = tables[0];
    float[] t1 = tables[1];
    float[] t2 = tables[2];
    float[] t3 = tables[3];
    float[] t4 = tables[4];
    int dim = DlrmWeights.EMBEDDING_DIM;
    for (int r0 = 0; r0 < rows; r0 += L) {
      for (int lane = 0; lane < L; lane++) {
        int r = Math.min(r0 + lane, rows - 1); // spare lanes redo the last row, same values
        map[lane] = r * stride;
        int so = r * Features.SPARSE;
        map[L + lane] = sparse[so] * dim;
        map[2 * L + lane] = sparse[so + 1] * dim;
        map[3 * L + lane] = sparse[so + 2] * dim;
        map[4 * L + lane] = sparse[so + 3] * dim;
        map[5 * L + lane] = sparse[so + 4] * dim;
      }
      FloatVector zero = FloatVector.zero(S);
      FloatVector s01 = zero, s02 = zero, s03 = zero, s04 = zero, s05 = zero;
      FloatVector s12 = zero, s13 = zero, s14 = zero, s15 = zero;
      FloatVector s23 = zero, s24 = zero, s25 = zero;
      FloatVector s34 = zero, s35 = zero;
      FloatVector s45 = zero;
      for (int d = 0; d < dim; d++) {
        FloatVector v0 = FloatVector.fromArray(S, topIn, d, map, 0);
        FloatVector v1 = FloatVector.fromArray(S, t0, d, map, L);
        FloatVector v2 = FloatVector.fromArray(S, t1, d, map, 2 * L);
        FloatVector v3 = FloatVector.fromArray(S, t2, d, map, 3 * L);
        FloatVector v4 = FloatVector.fromArray(S, t3, d, map, 4 * L);
        FloatVector v5 = FloatVector.fromArray(S, t4, d, map, 5 * L);
        s01 = v0.fma(v1, s01);
        s02 = v0.fma(v2, s02);
        s03 = v0.fma(v3, s03);
        s04 = v0.fma(v4, s04);
        s05 = v0.fma(v5, s05);
        s12 = v1.fma(v2, s12);
        s13 = v1.fma(v3, s13);
        s14 = v1.fma(v4, s14);
        s15 = v1.fma(v5, s15);
        s23 = v2.fma(v3, s23);
        s24 = v2.fma(v4, s24);
        s25 = v2.fma(v5, s25);
        s34 = v3.fma(v4, s34);
        s35 = v3.fma(v5, s35);
        s45 = v4.fma(v5, s45);
      }
      s01.intoArray(topIn, dim, map, 0);
      s02.intoArray(topIn, dim + 1, map, 0);
      s03.intoArray(topIn, dim + 2, map, 0);
      s04.intoArray(topIn, dim + 3, map, 0);
      s05.intoArray(topIn, dim + 4, map, 0);
      s12.intoArray(topIn, dim + 5, map, 0);
      s13.intoArray(topIn, dim + 6, map, 0);
      s14.intoArray(topIn, dim + 7, map, 0);
      s15.intoArray(topIn, dim + 8, map, 0);
      s23.intoArray(topIn, dim + 9, map, 0);
      s24.intoArray(topIn, dim + 10, map, 0);
      s25.intoArray(topIn, dim + 11, map, 0);
      s34.intoArray(topIn, dim + 12, map, 0);
      s35.intoArray(topIn, dim + 13, map, 0);
      s45.intoArray(topIn, dim + 14, map, 0);
    }
  }

  /** The last layer for L rows at a time, one row per lane (inputs gathered). */
  @Override
  public void logits(float[] a, int rows, int k, float[] u, float bias, float[] out, int[] map) {
    for (int r0 = 0; r0 < rows; r0 += L) {
      for (int lane = 0; lane < L; lane++) {
        map[lane] = Math.min(r0 + lane, rows - 1) * k;
      }
      FloatVector s = FloatVector.broadcast(S, bias);
      for (int i = 0; i < k; i++) {
        s = FloatVector.fromArray(S, a, i, map, 0).fma(FloatVector.broadcast(S, u[i]), s);
      }
      if (r0 + L <= rows) {
        s.intoArray(out, r0);
      } else {
        for (int lane = 0; r0 + lane < rows; lane++) {
          out[r0 + lane] = s.lane(lane);
        }
      }
    }
  }

  private static FloatVector relu(FloatVector v) {
    return v.lanewise(VectorOperators.MAX, 0f);
  }

  @Override
  public String name() {
    return "vector" + L * 32;
  }
}
