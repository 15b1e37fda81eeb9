package org.aerobench.model;

import java.util.Arrays;

/**
 * The model's input for a batch of {@code batchSize} ads, checked on construction so that an engine
 * never reads outside a table.
 *
 * @param batchSize number of rows, at least 1
 * @param sparse {@code batchSize × 5} row-major ids: adId, adGroupId, campaignId, channelId buckets
 *     and gender 0/1/2; each must lie in {@code [0, TABLE_ROWS[t])}
 * @param dense {@code batchSize × 8} row-major floats: normalised age, then impCnt, clkCnt,
 *     convCnt, spend, ctr, cvr, roas
 */
public record Features(int batchSize, int[] sparse, float[] dense) {

  /** Number of sparse columns, one per embedding table. */
  public static final int SPARSE = 5;

  /** Number of dense columns. */
  public static final int DENSE = 8;

  /** Rows of each embedding table, in sparse column order (reference §4.5). */
  private static final int[] TABLE_ROWS = {100_000, 50_000, 20_000, 10_000, 3};

  /** Names of the sparse columns / embedding tables, for error messages and the weights file. */
  private static final String[] TABLE_NAMES = {
    "adId", "adGroupId", "campaignId", "channelId", "gender"
  };

  public Features {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "batch size must be at least 1, got " + batchSize + ": pass at least one ad");
    }
    if (sparse == null || sparse.length != batchSize * SPARSE) {
      throw new IllegalArgumentException(
          "sparse ids must hold batchSize × "
              + SPARSE
              + " = "
              + batchSize * SPARSE
              + " ints, got "
              + (sparse == null ? "null" : sparse.length));
    }
    if (dense == null || dense.length != batchSize * DENSE) {
      throw new IllegalArgumentException(
          "dense features must hold batchSize × "
              + DENSE
              + " = "
              + batchSize * DENSE
              + " floats, got "
              + (dense == null ? "null" : dense.length));
    }
    for (int i = 0; i < sparse.length; i++) {
      int t = i % SPARSE;
      int id = sparse[i];
      if (id < 0 || id >= TABLE_ROWS[t]) {
        throw new IllegalArgumentException(
            "sparse id out of range: table '"
                + TABLE_NAMES[t]
                + "' (column "
                + t
                + ") row "
                + (i / SPARSE)
                + " has index "
                + id
                + ", allowed [0, "
                + TABLE_ROWS[t]
                + "): hash or map the value into the table first");
      }
    }
  }

  /** Rows of embedding table {@code t} (0 = adId … 4 = gender). */
  public static int tableRows(int t) {
    return TABLE_ROWS[t];
  }

  /** Name of embedding table {@code t}. */
  public static String tableName(int t) {
    return TABLE_NAMES[t];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Features f
        && f.batchSize == batchSize
        && Arrays.equals(f.sparse, sparse)
        && Arrays.equals(f.dense, dense);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * batchSize + Arrays.hashCode(sparse)) + Arrays.hashCode(dense);
  }

  @Override
  public String toString() {
    return "Features[batchSize=" + batchSize + "]";
  }
}
