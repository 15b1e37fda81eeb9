package org.aerobench.model;

/**
 * The row-major batched operations of {@link VectorForward}: {@code Linear → ReLU} (BatchNorm
 * already folded in), the interaction and the last layer. {@link VectorKernels} implements them in
 * production; {@link JavaDlrm} reaches it only through this interface (loaded by name), so that it
 * loads on JVMs without {@code jdk.incubator.vector}. The tests hold a scalar implementation as a
 * bit-for-bit reference.
 *
 * <p>Contract shared by every implementation and by {@link ColumnForward}, so that they give the
 * same bits: each output starts at the bias and adds {@code x[i] · w[i]} for i = 0, 1, … in order
 * with one fused multiply-add ({@link Math#fma}) per term, then ReLU. No implementation may reorder
 * the sum; they differ only in how many outputs they compute at once.
 */
interface DenseKernels {

  /** Widest layer output the {@code acc} rows of {@link #linearRelu} must hold. */
  int MAX_WIDTH = 256;

  /**
   * The {@link DenseLayer#panelWidth} this implementation wants for a layer of {@code n} outputs, 0
   * when it cannot compute such a layer.
   */
  int panelWidth(int n);

  /**
   * For rows {@code r < rows} and outputs {@code j < layer.n()}: {@code y[yOffset + r·yStride + j]
   * = max(0, bias[j] + Σ_i x[r·k + i] · w[i][j])}.
   *
   * @param x input, {@code rows × layer.k()} row-major
   * @param layer built with this implementation's {@link #panelWidth}
   * @param y output, rows {@code yStride} apart starting at {@code yOffset}
   * @param acc 4 scratch arrays of {@link #MAX_WIDTH} floats the kernel may overwrite
   */
  void linearRelu(
      float[] x, int rows, DenseLayer layer, float[] y, int yOffset, int yStride, float[][] acc);

  /** Ints the {@code map} scratch of {@link #interact} and {@link #logits} must hold. */
  int MAP_INTS = 6 * 64;

  /**
   * The 15 dot products: z at {@code topIn[r·stride .. +16)}, the 5 embedding rows read in place
   * from {@code tables}, products written after z in {@code torch.triu_indices(6, 6, 1)} order; per
   * product one {@code fma} per dimension in order from 0, starting at 0.
   *
   * @param map {@link #MAP_INTS} scratch ints the kernel may overwrite
   */
  void interact(int[] sparse, int rows, float[][] tables, float[] topIn, int stride, int[] map);

  /**
   * The last layer's logits {@code out[r] = bias + Σ_i a[r·k + i] · u[i]}, one {@code fma} per
   * input in order.
   *
   * @param map {@link #MAP_INTS} scratch ints the kernel may overwrite
   */
  void logits(float[] a, int rows, int k, float[] u, float bias, float[] out, int[] map);

  /** Short name for benchmarks and logs. */
  String name();
}
