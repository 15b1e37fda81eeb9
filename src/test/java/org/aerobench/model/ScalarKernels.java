package org.aerobench.model;

/**
 * The obviously-correct reference for {@link DenseKernels}: one output at a time, the contract's
 * sums written out literally (bias, then one {@link Math#fma} per term in order from 0). {@link
 * VectorKernels} must give exactly these bits.
 */
final class ScalarKernels implements DenseKernels {

  /** Reads any panel layout the vector kernels build, so both can run on the same layer. */
  @Override
  public int panelWidth(int n) {
    throw new UnsupportedOperationException("build the layer with the kernels under test");
  }

  @Override
  public void linearRelu(
      float[] x, int rows, DenseLayer layer, float[] y, int yOffset, int yStride, float[][] acc) {
    int k = layer.k();
    int width = layer.panelWidth();
    float[] panels = layer.panels();
    for (int r = 0; r < rows; r++) {
      for (int o = 0; o < layer.n(); o++) {
        float s = layer.bias()[o];
        for (int i = 0; i < k; i++) {
          float w = panels[((o / width) * k + i) * width + o % width];
          s = Math.fma(x[r * k + i], w, s);
        }
        y[yOffset + r * yStride + o] = Math.max(s, 0f);
      }
    }
  }

  /** Products of z (vector 0) and the 5 embedding rows, pairs (a, b), a < b, in row-major order. */
  @Override
  public void interact(
      int[] sparse, int rows, float[][] tables, float[] topIn, int stride, int[] map) {
    int dim = DlrmWeights.EMBEDDING_DIM;
    int vectors = Features.SPARSE + 1;
    for (int r = 0; r < rows; r++) {
      float[][] v = new float[vectors][dim];
      System.arraycopy(topIn, r * stride, v[0], 0, dim);
      for (int t = 0; t < Features.SPARSE; t++) {
        System.arraycopy(tables[t], sparse[r * Features.SPARSE + t] * dim, v[t + 1], 0, dim);
      }
      int p = r * stride + dim;
      for (int a = 0; a < vectors; a++) {
        for (int b = a + 1; b < vectors; b++) {
          float s = 0;
          for (int d = 0; d < dim; d++) {
            s = Math.fma(v[a][d], v[b][d], s);
          }
          topIn[p++] = s;
        }
      }
    }
  }

  @Override
  public void logits(float[] a, int rows, int k, float[] u, float bias, float[] out, int[] map) {
    for (int r = 0; r < rows; r++) {
      float s = bias;
      for (int i = 0; i < k; i++) {
        s = Math.fma(a[r * k + i], u[i], s);
      }
      out[r] = s;
    }
  }

  @Override
  public String name() {
    return "scalar";
  }
}
