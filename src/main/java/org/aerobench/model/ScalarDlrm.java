package org.aerobench.model;

import org.aerobench.model.DlrmWeights.BatchNorm;
import org.aerobench.model.DlrmWeights.Linear;

/**
 * The DLRM forward pass written straight from the math, one sample at a time, nothing folded or
 * fused, sums in double: slow and obviously right. The tests use it as the oracle of the fast
 * engines.
 *
 * <p>Per sample: bottom MLP (Linear → BatchNorm → ReLU, × 3) on the 8 dense values gives {@code z};
 * the 6 vectors {@code z, e0..e4} (the 5 looked-up embeddings) give the 15 dot products {@code
 * v_i·v_j, i < j} in row-major upper-triangle order ({@code torch.triu_indices(6, 6, 1)}); the top
 * MLP reads {@code [z, dots]} (31 values, dense first as in Naumov et al.'s {@code cat([x] +
 * [Zflat])}), two Linear → BatchNorm → ReLU, a last Linear, then the sigmoid.
 */
public final class ScalarDlrm implements InferenceEngine {

  private final DlrmWeights w;

  public ScalarDlrm(DlrmWeights weights) {
    this.w = weights;
  }

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public float[] predict(Features f) {
    float[] scores = new float[f.batchSize()];
    for (int row = 0; row < f.batchSize(); row++) {
      scores[row] = (float) (1.0 / (1.0 + Math.exp(-logitOne(f, row))));
    }
    return scores;
  }

  /** The logits (the output before the sigmoid), one per row: what the tests compare. */
  float[] logits(Features f) {
    float[] logits = new float[f.batchSize()];
    for (int row = 0; row < f.batchSize(); row++) {
      logits[row] = logitOne(f, row);
    }
    return logits;
  }

  private float logitOne(Features f, int row) {
    float[] x = new float[Features.DENSE];
    System.arraycopy(f.dense(), row * Features.DENSE, x, 0, Features.DENSE);
    for (int l = 0; l < w.bottomLayers(); l++) {
      x = relu(batchNorm(linear(w.bottom(l), x), w.bottomNorm(l)));
    }
    int dim = DlrmWeights.EMBEDDING_DIM;
    float[][] vectors = new float[Features.SPARSE + 1][];
    vectors[0] = x;
    for (int t = 0; t < Features.SPARSE; t++) {
      int id = f.sparse()[row * Features.SPARSE + t];
      vectors[t + 1] = new float[dim];
      System.arraycopy(w.embedding(t), id * dim, vectors[t + 1], 0, dim);
    }
    float[] topIn = new float[DlrmWeights.TOP_SIZES[0]];
    System.arraycopy(x, 0, topIn, 0, dim);
    int p = dim;
    for (int i = 0; i < vectors.length; i++) {
      for (int j = i + 1; j < vectors.length; j++) {
        double dot = 0;
        for (int d = 0; d < dim; d++) {
          dot += (double) vectors[i][d] * vectors[j][d];
        }
        topIn[p++] = (float) dot;
      }
    }
    float[] h = topIn;
    for (int l = 0; l < w.topLayers() - 1; l++) {
      h = relu(batchNorm(linear(w.top(l), h), w.topNorm(l)));
    }
    return linear(w.top(w.topLayers() - 1), h)[0];
  }

  private static float[] linear(Linear l, float[] x) {
    float[] y = new float[l.out()];
    for (int o = 0; o < l.out(); o++) {
      double sum = l.bias()[o];
      for (int i = 0; i < l.in(); i++) {
        sum += (double) l.weight()[o * l.in() + i] * x[i];
      }
      y[o] = (float) sum;
    }
    return y;
  }

  private static float[] batchNorm(float[] x, BatchNorm bn) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      double scale = bn.gamma()[i] / Math.sqrt(bn.var()[i] + (double) DlrmWeights.BN_EPS);
      y[i] = (float) ((x[i] - bn.mean()[i]) * scale + bn.beta()[i]);
    }
    return y;
  }

  private static float[] relu(float[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(x[i], 0f);
    }
    return x;
  }
}
