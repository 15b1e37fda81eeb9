package org.aerobench.model;

import java.util.SplittableRandom;

/** Reproducible synthetic model inputs for benchmarks and tests. */
public final class SampleFeatures {

  private SampleFeatures() {}

  /**
   * {@code batch} rows with ids uniform over each table and dense values of the magnitudes the
   * seeded records have (age 18–70 normalised, counters up to thousands, rates in [0, 1]).
   */
  public static Features random(int batch, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] sparse = new int[batch * Features.SPARSE];
    float[] dense = new float[batch * Features.DENSE];
    for (int r = 0; r < batch; r++) {
      for (int t = 0; t < Features.SPARSE; t++) {
        sparse[r * Features.SPARSE + t] = rnd.nextInt(Features.tableRows(t));
      }
      int d = r * Features.DENSE;
      dense[d] = (float) ((rnd.nextInt(18, 71) - 25) / 15.0);
      float imp = rnd.nextInt(0, 10_000);
      float clk = (float) Math.floor(imp * rnd.nextDouble(0, 0.05));
      float conv = (float) Math.floor(clk * rnd.nextDouble(0, 0.2));
      float spend = (float) (clk * rnd.nextDouble(0.1, 2.0));
      dense[d + 1] = imp;
      dense[d + 2] = clk;
      dense[d + 3] = conv;
      dense[d + 4] = spend;
      dense[d + 5] = imp == 0 ? 0 : clk / imp;
      dense[d + 6] = clk == 0 ? 0 : conv / clk;
      dense[d + 7] = spend == 0 ? 0 : conv * 10 / spend;
    }
    return new Features(batch, sparse, dense);
  }

  /**
   * {@link #random} with every dense value squashed to {@code tanh(x / 100)}: the untrained model's
   * logits then stay inside the sigmoid's useful range, where raw counters would saturate its
   * scores to 1.0 (and hide any difference between two engines).
   */
  public static Features moderate(int batch, long seed) {
    Features raw = random(batch, seed);
    float[] dense = raw.dense().clone();
    for (int i = 0; i < dense.length; i++) {
      dense[i] = (float) Math.tanh(dense[i] / 100);
    }
    return new Features(batch, raw.sparse(), dense);
  }
}
