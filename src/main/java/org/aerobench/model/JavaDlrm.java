package org.aerobench.model;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.aerobench.model.DlrmWeights.BatchNorm;
import org.aerobench.model.DlrmWeights.Linear;
import org.slf4j.LoggerFactory;

/**
 * The fast plain-Java DLRM engine ("java"): the same function as {@link ScalarDlrm}, computed for
 * the whole batch at once.
 *
 * <ul>
 *   <li>At load, each BatchNorm is folded into the Linear before it ({@code w' = w·s}, {@code b' =
 *       (b − mean)·s + beta}, {@code s = gamma/√(var + eps)}) and each weight matrix is laid out
 *       for the kernels ({@link DenseLayer}): transposed to {@code in × out}, and for the Vector
 *       API cut into contiguous panels of 32 output columns.
 *   <li>Each layer is one batched {@link DenseKernels#linearRelu} over all rows: the Vector API
 *       kernels ({@link VectorKernels}) when the JVM has {@code jdk.incubator.vector}, else a
 *       feature-major pass of plain loops ({@link ColumnForward}), ~2.5× slower.
 *   <li>The bottom MLP writes straight into the top MLP's input rows ({@code [z, dots]}); the 15
 *       dot products read embedding rows in place from the flat tables (no gather copy) with 15
 *       independent accumulators.
 *   <li>Scratch buffers come from a small lock-free pool, so a call allocates only its result
 *       (works the same on platform and virtual threads, unlike a ThreadLocal).
 * </ul>
 *
 * <p>Deterministic: every sum has a fixed order ({@link DenseKernels}' contract), so a row's score
 * depends only on that row, never on the thread, the batch size or the row's position.
 */
public final class JavaDlrm implements InferenceEngine {

  /**
   * System property choosing the dense kernels: {@code auto} (default), {@code loop}, {@code
   * vector}.
   */
  public static final String KERNELS_PROPERTY = "aerobench.model.kernels";

  private static final int DIM = DlrmWeights.EMBEDDING_DIM;
  private static final int TOP_IN = DlrmWeights.TOP_SIZES[0];

  private final DenseKernels kernels;
  private final float[][] tables = new float[Features.SPARSE][];
  private final DenseLayer[] bottom;
  private final DenseLayer[] top;
  private final float[] lastWeight;
  private final float lastBias;
  private final AtomicReferenceArray<Scratch> pool;

  /** The feature-major loop pass, used instead of the kernels when they are {@link LoopKernels}. */
  private final ColumnForward columns;

  /** The engine with the best kernels this JVM offers (see {@link #KERNELS_PROPERTY}). */
  public JavaDlrm(DlrmWeights weights) {
    this(weights, selectKernels(System.getProperty(KERNELS_PROPERTY, "auto")));
  }

  JavaDlrm(DlrmWeights weights, DenseKernels kernels) {
    this.kernels = kernels;
    for (int t = 0; t < Features.SPARSE; t++) {
      tables[t] = weights.embedding(t);
    }
    Linear[] foldedBottom = new Linear[weights.bottomLayers()];
    bottom = new DenseLayer[foldedBottom.length];
    for (int l = 0; l < bottom.length; l++) {
      foldedBottom[l] = fold(weights.bottom(l), weights.bottomNorm(l));
      bottom[l] = DenseLayer.of(foldedBottom[l], kernels.panelWidth(foldedBottom[l].out()));
    }
    int hidden = weights.topLayers() - 1;
    Linear[] foldedTop = new Linear[hidden];
    top = new DenseLayer[hidden];
    for (int l = 0; l < hidden; l++) {
      foldedTop[l] = fold(weights.top(l), weights.topNorm(l));
      top[l] = DenseLayer.of(foldedTop[l], kernels.panelWidth(foldedTop[l].out()));
    }
    Linear last = weights.top(hidden);
    columns =
        kernels instanceof LoopKernels
            ? new ColumnForward(foldedBottom, foldedTop, last, tables)
            : null;
    lastWeight = last.weight().clone();
    lastBias = last.bias()[0];
    pool = new AtomicReferenceArray<>(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
  }

  /**
   * {@code vector} needs the JVM flag {@code --add-modules jdk.incubator.vector}; {@code auto}
   * takes it when the module is there, else the loops.
   */
  static DenseKernels selectKernels(String choice) {
    boolean vectorPresent = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    switch (choice) {
      case "loop":
        return new LoopKernels();
      case "vector":
        if (!vectorPresent) {
          throw new IllegalArgumentException(
              KERNELS_PROPERTY
                  + "=vector needs the JVM flag --add-modules jdk.incubator.vector;"
                  + " add it or use 'auto' or 'loop'");
        }
        return newVectorKernels();
      case "auto":
        if (vectorPresent) {
          return newVectorKernels();
        }
        LoggerFactory.getLogger(JavaDlrm.class)
            .warn(
                "JVM started without --add-modules jdk.incubator.vector: the java inference engine"
                    + " falls back to plain loops, about 2.5x slower; add the flag to the launcher");
        return new LoopKernels();
      default:
        throw new IllegalArgumentException(
            KERNELS_PROPERTY + "='" + choice + "' is not one of: auto, loop, vector");
    }
  }

  /** By name, so that this class loads on JVMs without the incubator module. */
  private static DenseKernels newVectorKernels() {
    try {
      return (DenseKernels)
          Class.forName("org.aerobench.model.VectorKernels").getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("cannot load the Vector API kernels: " + e, e);
    }
  }

  /** Folds eval-mode BatchNorm into the Linear before it. */
  static Linear fold(Linear l, BatchNorm bn) {
    float[] w = new float[l.weight().length];
    float[] b = new float[l.out()];
    for (int o = 0; o < l.out(); o++) {
      double s = bn.gamma()[o] / Math.sqrt(bn.var()[o] + (double) DlrmWeights.BN_EPS);
      for (int i = 0; i < l.in(); i++) {
        w[o * l.in() + i] = (float) (l.weight()[o * l.in() + i] * s);
      }
      b[o] = (float) ((l.bias()[o] - bn.mean()[o]) * s + bn.beta()[o]);
    }
    return new Linear(l.in(), l.out(), w, b);
  }

  @Override
  public String name() {
    return "java";
  }

  /** Which dense kernels this engine runs ({@code loop} or {@code vector}). */
  public String kernels() {
    return kernels.name();
  }

  @Override
  public float[] predict(Features f) {
    float[] scores = new float[f.batchSize()];
    predict(f, scores);
    return scores;
  }

  /** As {@link #predict(Features)}, writing the scores into {@code out[0 .. batchSize)}. */
  public void predict(Features f, float[] out) {
    int rows = f.batchSize();
    if (out.length < rows) {
      throw new IllegalArgumentException(
          "output array holds " + out.length + " floats, the batch has " + rows);
    }
    Scratch s = take(rows);
    try {
      forward(f, rows, s, out);
    } finally {
      giveBack(s);
    }
  }

  private void forward(Features f, int rows, Scratch s, float[] out) {
    if (columns != null) {
      columns.run(f, rows, s.columns, out);
      return;
    }
    // Bottom MLP: dense [rows, 8] → [rows, 128] → [rows, 64] → z written into topIn[:, 0:16].
    kernels.linearRelu(f.dense(), rows, bottom[0], s.h1, 0, bottom[0].n(), s.acc);
    kernels.linearRelu(s.h1, rows, bottom[1], s.h2, 0, bottom[1].n(), s.acc);
    kernels.linearRelu(s.h2, rows, bottom[2], s.topIn, 0, TOP_IN, s.acc);
    kernels.interact(f.sparse(), rows, tables, s.topIn, TOP_IN, s.map);
    // Top MLP: [rows, 31] → [rows, 256] → [rows, 128] → 1 → sigmoid.
    kernels.linearRelu(s.topIn, rows, top[0], s.a1, 0, top[0].n(), s.acc);
    kernels.linearRelu(s.a1, rows, top[1], s.a2, 0, top[1].n(), s.acc);
    kernels.logits(s.a2, rows, lastWeight.length, lastWeight, lastBias, out, s.map);
    for (int r = 0; r < rows; r++) {
      out[r] = sigmoid(out[r]);
    }
  }

  /** StrictMath: the same bits in the interpreter and in compiled code. */
  static float sigmoid(float x) {
    return (float) (1.0 / (1.0 + StrictMath.exp(-x)));
  }

  // ---- scratch pool ----

  private Scratch take(int rows) {
    for (int i = 0; i < pool.length(); i++) {
      Scratch s = pool.getAndSet(i, null);
      if (s != null) {
        if (s.rows >= rows) {
          return s;
        }
        // Too small for this batch: drop it, a bigger one replaces it on give-back.
      }
    }
    return new Scratch(Math.max(rows, 256));
  }

  private void giveBack(Scratch s) {
    for (int i = 0; i < pool.length(); i++) {
      if (pool.compareAndSet(i, null, s)) {
        return;
      }
    }
  }

  /** Activations of one forward pass, for up to {@code rows} rows. */
  private final class Scratch {
    final int rows;
    final float[] h1;
    final float[] h2;
    final float[] topIn;
    final float[] a1;
    final float[] a2;
    final float[][] acc;
    final int[] map;
    final ColumnForward.Buffers columns;

    Scratch(int rows) {
      this.rows = rows;
      boolean rowMajor = JavaDlrm.this.columns == null;
      h1 = rowMajor ? new float[rows * bottom[0].n()] : null;
      h2 = rowMajor ? new float[rows * bottom[1].n()] : null;
      topIn = rowMajor ? new float[rows * TOP_IN] : null;
      a1 = rowMajor ? new float[rows * top[0].n()] : null;
      a2 = rowMajor ? new float[rows * top[1].n()] : null;
      acc = rowMajor ? new float[4][DenseKernels.MAX_WIDTH] : null;
      map = rowMajor ? new int[DenseKernels.MAP_INTS] : null;
      columns = rowMajor ? null : new ColumnForward.Buffers(rows);
    }
  }
}
