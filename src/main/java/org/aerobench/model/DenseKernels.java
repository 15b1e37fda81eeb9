package org.aerobench.model;

/**
 * The batched {@code Linear → ReLU} of {@link JavaDlrm} (BatchNorm already folded in).
 *
 * <p>Contract shared by every implementation, so that they give the same bits: each output starts
 * at the bias and adds {@code x[k] · w[k]} for k = 0, 1, … in order with one fused multiply-add
 * ({@link Math#fma}) per term, then ReLU. No implementation may reorder the sum; they differ only
 * in how many outputs they compute at once.
 */
interface DenseKernels {

  /**
   * For rows {@code r < rows} and outputs {@code j < n}: {@code y[yOffset + r·yStride + j] = max(0,
   * bias[j] + Σ_k x[r·k + k'] · wt[k'·n + j])}.
   *
   * @param x input, {@code rows × k} row-major
   * @param wt weights transposed to {@code k × n} row-major, so that a row of outputs is contiguous
   * @param y output, rows {@code yStride} apart starting at {@code yOffset}
   */
  void linearRelu(
      float[] x,
      int rows,
      int k,
      float[] wt,
      float[] bias,
      int n,
      float[] y,
      int yOffset,
      int yStride);

  /** Short name for benchmarks and logs. */
  String name();
}
