package org.aerobench.model;

/**
 * A Linear layer (BatchNorm folded in) laid out for the batched kernels.
 *
 * @param k fan-in
 * @param n fan-out
 * @param rows the weights as {@code k} arrays of {@code n}: the weights of input {@code i} for all
 *     outputs are one contiguous run ({@link LoopKernels}: C2 auto-vectorises a loop only when its
 *     arrays are indexed alike)
 * @param panelWidth width of the column panels in {@code panels}, 0 when there are none
 * @param panels the weights cut into panels of {@code panelWidth} output columns, each panel {@code
 *     k × panelWidth} row-major and contiguous, panel {@code p} at {@code p · k · panelWidth}
 *     ({@link VectorKernels}: the index {@code base + i · width} with a constant width lets C2 drop
 *     the bounds checks from the inner loop, and a panel streams through L1)
 * @param bias {@code n}
 */
record DenseLayer(int k, int n, float[][] rows, int panelWidth, float[] panels, float[] bias) {

  /** From PyTorch's {@code out × in} layout; {@code panelWidth} 0 or a divisor of the fan-out. */
  static DenseLayer of(DlrmWeights.Linear l, int panelWidth) {
    int k = l.in();
    int n = l.out();
    float[][] rows = new float[k][n];
    for (int o = 0; o < n; o++) {
      for (int i = 0; i < k; i++) {
        rows[i][o] = l.weight()[o * k + i];
      }
    }
    float[] panels = null;
    if (panelWidth > 0) {
      if (n % panelWidth != 0) {
        throw new IllegalArgumentException(
            "panel width " + panelWidth + " does not divide the layer's " + n + " outputs");
      }
      panels = new float[k * n];
      for (int p = 0; p < n / panelWidth; p++) {
        for (int i = 0; i < k; i++) {
          System.arraycopy(rows[i], p * panelWidth, panels, (p * k + i) * panelWidth, panelWidth);
        }
      }
    }
    return new DenseLayer(k, n, rows, panelWidth, panels, l.bias().clone());
  }
}
