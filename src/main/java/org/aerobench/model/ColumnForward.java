package org.aerobench.model;

import java.util.Arrays;

/**
 * The forward pass {@link JavaDlrm} runs when the Vector API is missing: plain loops that C2
 * auto-vectorises, on activations stored feature-major ({@code x[feature][row]}, one array per
 * feature), so that every inner loop runs over the batch's rows.
 *
 * <p>Each layer computes four outputs from four inputs per pass over the rows: {@code y[b] =
 * fma(w3, x3[b], fma(w2, x2[b], fma(w1, x1[b], fma(w0, x0[b], y[b]))))} for four {@code y} at once,
 * so each loaded input serves four outputs and each accumulator load/store four FMAs. Still one FMA
 * per input in input order ({@link DenseKernels}' contract): the same bits as the Vector API path.
 * Every array in an inner loop is indexed by the bare counter; with an offset ({@code y[o + b]})
 * JDK 25's C2 cannot rule out overlap and leaves the loop scalar.
 *
 * <p>Measured (JDK 25, AVX-512, batch 200, one thread): p50 ~0.40 ms against ~1.0 ms for the
 * row-major plain loops it replaced and ~0.16 ms for the Vector API pass ({@link VectorForward}).
 */
final class ColumnForward {

  private static final int DIM = DlrmWeights.EMBEDDING_DIM;
  private static final int TOP_IN = DlrmWeights.TOP_SIZES[0];

  /** Per layer: {@code w[out][in]} (BatchNorm folded), bias. */
  private final float[][][] bottomW;

  private final float[][] bottomB;
  private final float[][][] topW;
  private final float[][] topB;
  private final float[] lastW;
  private final float lastB;
  private final float[][] tables;

  ColumnForward(
      DlrmWeights.Linear[] bottom,
      DlrmWeights.Linear[] top,
      DlrmWeights.Linear last,
      float[][] tables) {
    bottomW = new float[bottom.length][][];
    bottomB = new float[bottom.length][];
    for (int l = 0; l < bottom.length; l++) {
      bottomW[l] = rows(bottom[l]);
      bottomB[l] = bottom[l].bias();
    }
    topW = new float[top.length][][];
    topB = new float[top.length][];
    for (int l = 0; l < top.length; l++) {
      topW[l] = rows(top[l]);
      topB[l] = top[l].bias();
    }
    lastW = last.weight().clone();
    lastB = last.bias()[0];
    this.tables = tables;
  }

  private static float[][] rows(DlrmWeights.Linear l) {
    float[][] w = new float[l.out()][];
    for (int o = 0; o < l.out(); o++) {
      w[o] = Arrays.copyOfRange(l.weight(), o * l.in(), (o + 1) * l.in());
    }
    return w;
  }

  /** Activations of one pass, feature-major, for up to {@code rows} rows. */
  static final class Buffers {
    final int rows;
    final float[][] in = new float[Features.DENSE][];
    final float[][] h1 = new float[DlrmWeights.BOTTOM_SIZES[1]][];
    final float[][] h2 = new float[DlrmWeights.BOTTOM_SIZES[2]][];
    final float[][] topIn = new float[TOP_IN][];
    final float[][] z = new float[DIM][];
    final float[][] a1 = new float[DlrmWeights.TOP_SIZES[1]][];
    final float[][] a2 = new float[DlrmWeights.TOP_SIZES[2]][];

    Buffers(int rows) {
      this.rows = rows;
      for (float[][] a : new float[][][] {in, h1, h2, topIn, a1, a2}) {
        for (int i = 0; i < a.length; i++) {
          a[i] = new float[rows];
        }
      }
      System.arraycopy(topIn, 0, z, 0, DIM); // the bottom MLP writes z into topIn's first rows
    }
  }

  void run(Features f, int rows, Buffers s, float[] out) {
    float[] dense = f.dense();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < Features.DENSE; c++) {
        s.in[c][r] = dense[r * Features.DENSE + c];
      }
    }
    linearRelu(s.in, rows, bottomW[0], bottomB[0], s.h1);
    linearRelu(s.h1, rows, bottomW[1], bottomB[1], s.h2);
    linearRelu(s.h2, rows, bottomW[2], bottomB[2], s.z);
    interact(f.sparse(), rows, s.topIn);
    linearRelu(s.topIn, rows, topW[0], topB[0], s.a1);
    linearRelu(s.a1, rows, topW[1], topB[1], s.a2);
    last(s.a2, rows, out);
  }

  /** {@code y[o][b] = max(0, bias[o] + Σ_i w[o][i] · x[i][b])}, four outputs at a time. */
  private static void linearRelu(float[][] x, int rows, float[][] w, float[] bias, float[][] y) {
    int n = y.length;
    int k = x.length;
    int o = 0;
    for (; o + 4 <= n; o += 4) {
      float[] y0 = y[o];
      float[] y1 = y[o + 1];
      float[] y2 = y[o + 2];
      float[] y3 = y[o + 3];
      float[] wa = w[o];
      float[] wb = w[o + 1];
      float[] wc = w[o + 2];
      float[] wd = w[o + 3];
      Arrays.fill(y0, 0, rows, bias[o]);
      Arrays.fill(y1, 0, rows, bias[o + 1]);
      Arrays.fill(y2, 0, rows, bias[o + 2]);
      Arrays.fill(y3, 0, rows, bias[o + 3]);
      int i = 0;
      for (; i + 4 <= k; i += 4) {
        float a0 = wa[i], a1 = wa[i + 1], a2 = wa[i + 2], a3 = wa[i + 3];
        float b0 = wb[i], b1 = wb[i + 1], b2 = wb[i + 2], b3 = wb[i + 3];
        float c0 = wc[i], c1 = wc[i + 1], c2 = wc[i + 2], c3 = wc[i + 3];
        float d0 = wd[i], d1 = wd[i + 1], d2 = wd[i + 2], d3 = wd[i + 3];
        float[] x0 = x[i];
        float[] x1 = x[i + 1];
        float[] x2 = x[i + 2];
        float[] x3 = x[i + 3];
        for (int b = 0; b < rows; b++) {
          float e0 = x0[b], e1 = x1[b], e2 = x2[b], e3 = x3[b];
          y0[b] = Math.fma(a3, e3, Math.fma(a2, e2, Math.fma(a1, e1, Math.fma(a0, e0, y0[b]))));
          y1[b] = Math.fma(b3, e3, Math.fma(b2, e2, Math.fma(b1, e1, Math.fma(b0, e0, y1[b]))));
          y2[b] = Math.fma(c3, e3, Math.fma(c2, e2, Math.fma(c1, e1, Math.fma(c0, e0, y2[b]))));
          y3[b] = Math.fma(d3, e3, Math.fma(d2, e2, Math.fma(d1, e1, Math.fma(d0, e0, y3[b]))));
        }
      }
      for (; i < k; i++) {
        float a0 = wa[i], b0 = wb[i], c0 = wc[i], d0 = wd[i];
        float[] x0 = x[i];
        for (int b = 0; b < rows; b++) {
          float e = x0[b];
          y0[b] = Math.fma(a0, e, y0[b]);
          y1[b] = Math.fma(b0, e, y1[b]);
          y2[b] = Math.fma(c0, e, y2[b]);
          y3[b] = Math.fma(d0, e, y3[b]);
        }
      }
      relu(y0, rows);
      relu(y1, rows);
      relu(y2, rows);
      relu(y3, rows);
    }
    for (; o < n; o++) { // every layer here has a multiple of 4 outputs; kept for safety
      float[] y0 = y[o];
      float[] wa = w[o];
      Arrays.fill(y0, 0, rows, bias[o]);
      for (int i = 0; i < k; i++) {
        float a0 = wa[i];
        float[] x0 = x[i];
        for (int b = 0; b < rows; b++) {
          y0[b] = Math.fma(a0, x0[b], y0[b]);
        }
      }
      relu(y0, rows);
    }
  }

  private static void relu(float[] y, int rows) {
    for (int b = 0; b < rows; b++) {
      y[b] = Math.max(y[b], 0f);
    }
  }

  /** topIn[16 + p][r] = the 15 dot products of z (topIn[0..16)[r]) and the embedding rows. */
  private void interact(int[] sparse, int rows, float[][] topIn) {
    float[] t0 = tables[0];
    float[] t1 = tables[1];
    float[] t2 = tables[2];
    float[] t3 = tables[3];
    float[] t4 = tables[4];
    for (int r = 0; r < rows; r++) {
      int so = r * Features.SPARSE;
      int o1 = sparse[so] * DIM;
      int o2 = sparse[so + 1] * DIM;
      int o3 = sparse[so + 2] * DIM;
      int o4 = sparse[so + 3] * DIM;
      int o5 = sparse[so + 4] * DIM;
      float s01 = 0, s02 = 0, s03 = 0, s04 = 0, s05 = 0;
      float s12 = 0, s13 = 0, s14 = 0, s15 = 0;
      float s23 = 0, s24 = 0, s25 = 0;
      float s34 = 0, s35 = 0;
      float s45 = 0;
      for (int d = 0; d < DIM; d++) {
        float v0 = topIn[d][r];
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
      topIn[DIM][r] = s01;
      topIn[DIM + 1][r] = s02;
      topIn[DIM + 2][r] = s03;
      topIn[DIM + 3][r] = s04;
      topIn[DIM + 4][r] = s05;
      topIn[DIM + 5][r] = s12;
      topIn[DIM + 6][r] = s13;
      topIn[DIM + 7][r] = s14;
      topIn[DIM + 8][r] = s15;
      topIn[DIM + 9][r] = s23;
      topIn[DIM + 10][r] = s24;
      topIn[DIM + 11][r] = s25;
      topIn[DIM + 12][r] = s34;
      topIn[DIM + 13][r] = s35;
      topIn[DIM + 14][r] = s45;
    }
  }

  /**
   * out[r] = bias + Σ_i u[i] · a2[i][r] (the logit; JavaDlrm applies the sigmoid), four inputs per
   * pass over the rows.
   */
  private void last(float[][] a2, int rows, float[] out) {
    Arrays.fill(out, 0, rows, lastB);
    int k = lastW.length;
    int i = 0;
    for (; i + 4 <= k; i += 4) {
      float u0 = lastW[i], u1 = lastW[i + 1], u2 = lastW[i + 2], u3 = lastW[i + 3];
      float[] x0 = a2[i];
      float[] x1 = a2[i + 1];
      float[] x2 = a2[i + 2];
      float[] x3 = a2[i + 3];
      for (int b = 0; b < rows; b++) {
        out[b] =
            Math.fma(
                x3[b], u3, Math.fma(x2[b], u2, Math.fma(x1[b], u1, Math.fma(x0[b], u0, out[b]))));
      }
    }
    for (; i < k; i++) {
      float u0 = lastW[i];
      float[] x0 = a2[i];
      for (int b = 0; b < rows; b++) {
        out[b] = Math.fma(x0[b], u0, out[b]);
      }
    }
  }
}
