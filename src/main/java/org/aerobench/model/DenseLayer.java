package org.aerobench.model;

/**
 * A Linear layer (BatchNorm folded in) laid out for {@link VectorKernels}.
 *
 * @param k fan-in
 * @param n fan-out
 * @param panelWidth width of the column panels in {@code panels}
 * @param panels the weights cut into panels of {@code panelWidth} output columns, each panel {@code
 *     k × panelWidth} row-major and contiguous, panel {@code p} at {@code p · k · panelWidth}: the
 *     index {@code base + i · width} with a constant width lets C2 drop the bounds checks from the
 *     inner loop, and a panel streams through L1
 * @param bias {@code n}
 */
record DenseLayer(int k, int n, int panelWidth, float[] panels, float[] bias) {

  /** From PyTorch's {@code out × in} layout; {@code panelWidth} must divide the fan-out. */
  static DenseLayer of(DlrmWeights.Linear l, int panelWidth) {
    int k = l.in();
    int n = l.out();
    if (panelWidth <= 0 || n % panelWidth != 0) {
      throw new IllegalArgumentException(
          "panel width " + panelWidth + " does not divide the layer's " + n + " outputs");
    }
    float[] w = l.weight();
    float[] panels = new float[k * n];
    for (int o = 0; o < n; o++) {
      int p = o / panelWidth;
      for (int i = 0; i < k; i++) {
        panels[(p * k + i) * panelWidth + o % panelWidth] = w[o * k + i];
      }
    }
    return new DenseLayer(k, n, panelWidth, panels, l.bias().clone());
  }
}
