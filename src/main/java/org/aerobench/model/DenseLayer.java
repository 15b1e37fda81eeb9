package org.aerobench.model;

/**
 * A Linear layer (BatchNorm folded in) laid out for the batched kernels.
 *
 * @param k fan-in
 * @param n fan-out
 * @param wt weights transposed to {@code k × n} row-major: the weights of input {@code i} for all
 *     outputs are one contiguous run
 * @param rows the same values as {@code k} separate arrays of {@code n} (C2 auto-vectorises a loop
 *     only when its arrays are indexed alike, so {@link LoopKernels} reads these)
 * @param bias {@code n}
 */
record DenseLayer(int k, int n, float[] wt, float[][] rows, float[] bias) {

  /** From PyTorch's {@code out × in} layout. */
  static DenseLayer of(DlrmWeights.Linear l) {
    float[] wt = new float[l.weight().length];
    float[][] rows = new float[l.in()][l.out()];
    for (int o = 0; o < l.out(); o++) {
      for (int i = 0; i < l.in(); i++) {
        float v = l.weight()[o * l.in() + i];
        wt[i * l.out() + o] = v;
        rows[i][o] = v;
      }
    }
    return new DenseLayer(l.in(), l.out(), wt, rows, l.bias().clone());
  }
}
