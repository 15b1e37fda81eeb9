package org.aerobench.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * The DLRM on PyTorch CPU through DJL ("pytorch"), with the very weights of {@link DlrmWeights}:
 * {@code embedding}, {@code linear} (addmm), eval-mode {@code batch_norm}, {@code relu}, {@code
 * bmm} for the interactions, {@code sigmoid} — the reference model's operators, unfolded.
 *
 * <p>Compiled only with the Maven profile {@code pytorch} (source in {@code src/pytorch/java});
 * {@link Engines#create} refuses the name without it. Run with {@code -Dai.djl.offline=true}: the
 * native library comes from the {@code pytorch-native-cpu} jar (unpacked to {@code ~/.djl.ai} on
 * first start). PyTorch's intra-op threads default to 1 here (one request, one core, as the Java
 * engine); {@code -Dai.djl.pytorch.num_threads=N} overrides it before the first engine starts.
 */
public final class PyTorchDlrm implements InferenceEngine {

  private static final int DIM = DlrmWeights.EMBEDDING_DIM;
  private static final int VECTORS = Features.SPARSE + 1;

  private final NDManager manager;
  private final NDArray[] tables = new NDArray[Features.SPARSE];
  private final NDArray[][] bottom;
  private final NDArray[][] top;
  private final NDArray upperTriangle;

  public PyTorchDlrm(DlrmWeights weights) {
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", "1");
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    try {
      manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").getDevices()[0], "PyTorch");
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new IllegalStateException(
          "the PyTorch engine did not start ("
              + e.getMessage()
              + "): build and run with -Ppytorch and -Dai.djl.offline=true so that DJL finds"
              + " pytorch-native-cpu on the classpath",
          e);
    }
    for (int t = 0; t < Features.SPARSE; t++) {
      tables[t] = manager.create(weights.embedding(t), new Shape(Features.tableRows(t), DIM));
    }
    bottom = new NDArray[weights.bottomLayers()][];
    for (int l = 0; l < bottom.length; l++) {
      bottom[l] = layer(weights.bottom(l), weights.bottomNorm(l));
    }
    top = new NDArray[weights.topLayers()][];
    for (int l = 0; l < top.length; l++) {
      top[l] = layer(weights.top(l), l < top.length - 1 ? weights.topNorm(l) : null);
    }
    // Flat positions i·6 + j of the strict upper triangle, row-major (torch.triu_indices order).
    long[] idx = new long[DlrmWeights.INTERACTIONS];
    int p = 0;
    for (int i = 0; i < VECTORS; i++) {
      for (int j = i + 1; j < VECTORS; j++) {
        idx[p++] = (long) i * VECTORS + j;
      }
    }
    upperTriangle = manager.create(idx);
  }

  /** weight, bias, then (when {@code bn} is not null) running mean, running var, gamma, beta. */
  private NDArray[] layer(DlrmWeights.Linear l, DlrmWeights.BatchNorm bn) {
    NDArray w = manager.create(l.weight(), new Shape(l.out(), l.in()));
    NDArray b = manager.create(l.bias());
    if (bn == null) {
      return new NDArray[] {w, b};
    }
    return new NDArray[] {
      w,
      b,
      manager.create(bn.mean()),
      manager.create(bn.var()),
      manager.create(bn.gamma()),
      manager.create(bn.beta())
    };
  }

  @Override
  public String name() {
    return "pytorch";
  }

  @Override
  public float[] predict(Features f) {
    int rows = f.batchSize();
    try (NDManager call = manager.newSubManager()) {
      NDArray x = call.create(f.dense(), new Shape(rows, Features.DENSE));
      for (NDArray[] l : bottom) {
        x = mlpLayer(x, l);
      }
      long[] ids = new long[f.sparse().length];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = f.sparse()[i];
      }
      NDArray sparse = call.create(ids, new Shape(rows, Features.SPARSE));
      NDList vectors = new NDList(VECTORS);
      vectors.add(x);
      for (int t = 0; t < Features.SPARSE; t++) {
        NDArray column = sparse.get(new NDIndex(":, {}", t));
        vectors.add(Embedding.embedding(column, tables[t], SparseFormat.DENSE).singletonOrThrow());
      }
      NDArray stacked = NDArrays.stack(vectors, 1); // [rows, 6, 16]
      NDArray pairs = stacked.batchMatMul(stacked.transpose(0, 2, 1)); // [rows, 6, 6]
      NDArray dots =
          pairs.reshape(rows, VECTORS * VECTORS).get(new NDIndex(":, {}", upperTriangle));
      NDArray h = x.concat(dots, 1); // [rows, 31]: dense first, as Naumov et al.
      for (int l = 0; l < top.length - 1; l++) {
        h = mlpLayer(h, top[l]);
      }
      NDArray[] last = top[top.length - 1];
      NDArray logits = Linear.linear(h, last[0], last[1]).singletonOrThrow();
      return logits.getNDArrayInternal().sigmoid().toType(DataType.FLOAT32, false).toFloatArray();
    }
  }

  private static NDArray mlpLayer(NDArray x, NDArray[] l) {
    NDArray y = Linear.linear(x, l[0], l[1]).singletonOrThrow();
    y =
        BatchNorm.batchNorm(y, l[2], l[3], l[4], l[5], 1, 0.1f, DlrmWeights.BN_EPS, false)
            .singletonOrThrow();
    return y.getNDArrayInternal().relu();
  }

  @Override
  public void close() {
    manager.close();
  }
}
