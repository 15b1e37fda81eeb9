package org.aerobench.model;

/**
 * The forward pass {@link JavaDlrm} runs with the Vector API: activations stored row-major ({@code
 * rows × features}), each layer one batched {@link DenseKernels#linearRelu} over weights cut into
 * the kernels' column panels ({@link DenseLayer}). The bottom MLP writes z straight into the top
 * MLP's input rows ({@code [z, dots]}); the 15 dot products read embedding rows in place from the
 * flat tables (no gather copy).
 */
final class VectorForward {

  private static final int TOP_IN = DlrmWeights.TOP_SIZES[0];

  private final DenseKernels kernels;
  private final DenseLayer[] bottom;
  private final DenseLayer[] top;
  private final float[] lastWeight;
  private final float lastBias;
  private final float[][] tables;

  /** Layers with BatchNorm already folded in; every hidden width must be one the kernels tile. */
  VectorForward(
      DenseKernels kernels,
      DlrmWeights.Linear[] bottom,
      DlrmWeights.Linear[] top,
      DlrmWeights.Linear last,
      float[][] tables) {
    this.kernels = kernels;
    this.bottom = new DenseLayer[bottom.length];
    for (int l = 0; l < bottom.length; l++) {
      this.bottom[l] = DenseLayer.of(bottom[l], kernels.panelWidth(bottom[l].out()));
    }
    this.top = new DenseLayer[top.length];
    for (int l = 0; l < top.length; l++) {
      this.top[l] = DenseLayer.of(top[l], kernels.panelWidth(top[l].out()));
    }
    lastWeight = last.weight().clone();
    lastBias = last.bias()[0];
    this.tables = tables;
  }

  String kernelsName() {
    return kernels.name();
  }

  /** Activations of one pass, row-major, for up to {@code rows} rows. */
  static final class Buffers {
    final int rows;
    final float[] h1;
    final float[] h2;
    final float[] topIn;
    final float[] a1;
    final float[] a2;
    final float[][] acc = new float[4][DenseKernels.MAX_WIDTH];
    final int[] map = new int[DenseKernels.MAP_INTS];

    Buffers(int rows) {
      this.rows = rows;
      h1 = new float[rows * DlrmWeights.BOTTOM_SIZES[1]];
      h2 = new float[rows * DlrmWeights.BOTTOM_SIZES[2]];
      topIn = new float[rows * TOP_IN];
      a1 = new float[rows * DlrmWeights.TOP_SIZES[1]];
      a2 = new float[rows * DlrmWeights.TOP_SIZES[2]];
    }
  }

  void run(Features f, int rows, Buffers s, float[] out) {
    // Bottom MLP: dense [rows, 8] → [rows, 128] → [rows, 64] → z written into topIn[:, 0:16].
    kernels.linearRelu(f.dense(), rows, bottom[0], s.h1, 0, bottom[0].n(), s.acc);
    kernels.linearRelu(s.h1, rows, bottom[1], s.h2, 0, bottom[1].n(), s.acc);
    kernels.linearRelu(s.h2, rows, bottom[2], s.topIn, 0, TOP_IN, s.acc);
    kernels.interact(f.sparse(), rows, tables, s.topIn, TOP_IN, s.map);
    // Top MLP: [rows, 31] → [rows, 256] → [rows, 128] → 1: the logits (JavaDlrm applies the
    // sigmoid).
    kernels.linearRelu(s.topIn, rows, top[0], s.a1, 0, top[0].n(), s.acc);
    kernels.linearRelu(s.a1, rows, top[1], s.a2, 0, top[1].n(), s.acc);
    kernels.logits(s.a2, rows, lastWeight.length, lastWeight, lastBias, out, s.map);
  }
}
