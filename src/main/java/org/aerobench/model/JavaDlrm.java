package org.aerobench.model;

import java.util.Optional;
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
 *       (b − mean)·s + beta}, {@code s = gamma/√(var + eps)}).
 *   <li>The constructor picks one of two forward passes, once: with {@code jdk.incubator.vector},
 *       {@link VectorForward} (row-major activations, the Vector API {@link VectorKernels} over
 *       weights cut into column panels, {@link DenseLayer}); without it, {@link ColumnForward}
 *       (feature-major activations, plain loops that C2 auto-vectorises), ~2.5× slower. Only the
 *       chosen pass's weight layout is built.
 *   <li>Scratch buffers come from a small lock-free pool, so a call allocates only its result
 *       (works the same on platform and virtual threads, unlike a ThreadLocal).
 * </ul>
 *
 * <p>Deterministic: every sum has a fixed order ({@link DenseKernels}' contract, which both passes
 * follow), so a row's score depends only on that row, never on the thread, the batch size, the
 * row's position or the pass.
 */
public final class JavaDlrm implements InferenceEngine {

  /**
   * System property choosing the forward pass: {@code auto} (default), {@code loop}, {@code
   * vector}.
   */
  public static final String KERNELS_PROPERTY = "aerobench.model.kernels";

  /** Exactly one of the two passes is set. */
  private final VectorForward vector;

  private final ColumnForward columns;
  private final AtomicReferenceArray<Scratch> pool;

  /** The engine with the best pass this JVM offers (see {@link #KERNELS_PROPERTY}). */
  public JavaDlrm(DlrmWeights weights) {
    this(weights, System.getProperty(KERNELS_PROPERTY, "auto"));
  }

  /** {@code kernelChoice}: a {@link #KERNELS_PROPERTY} value. */
  JavaDlrm(DlrmWeights weights, String kernelChoice) {
    float[][] tables = new float[Features.SPARSE][];
    for (int t = 0; t < Features.SPARSE; t++) {
      tables[t] = weights.embedding(t);
    }
    Linear[] bottom = new Linear[weights.bottomLayers()];
    for (int l = 0; l < bottom.length; l++) {
      bottom[l] = fold(weights.bottom(l), weights.bottomNorm(l));
    }
    int hidden = weights.topLayers() - 1;
    Linear[] top = new Linear[hidden];
    for (int l = 0; l < hidden; l++) {
      top[l] = fold(weights.top(l), weights.topNorm(l));
    }
    Linear last = weights.top(hidden);
    Optional<DenseKernels> kernels = selectKernels(kernelChoice);
    vector = kernels.map(k -> new VectorForward(k, bottom, top, last, tables)).orElse(null);
    columns = vector == null ? new ColumnForward(bottom, top, last, tables) : null;
    pool = new AtomicReferenceArray<>(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
  }

  /**
   * The Vector API kernels, or empty for the plain-loop pass. {@code vector} needs the JVM flag
   * {@code --add-modules jdk.incubator.vector}; {@code auto} takes it when the module is there,
   * else the loops.
   */
  static Optional<DenseKernels> selectKernels(String choice) {
    boolean vectorPresent = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    switch (choice) {
      case "loop":
        return Optional.empty();
      case "vector":
        if (!vectorPresent) {
          throw new IllegalArgumentException(
              KERNELS_PROPERTY
                  + "=vector needs the JVM flag --add-modules jdk.incubator.vector;"
                  + " add it or use 'auto' or 'loop'");
        }
        DenseKernels kernels = newVectorKernels();
        int width = untiledWidth(kernels);
        if (width > 0) {
          throw new IllegalArgumentException(
              KERNELS_PROPERTY
                  + "=vector: the "
                  + kernels.name()
                  + " kernels cannot tile a layer of "
                  + width
                  + " outputs on this CPU; use 'auto' or 'loop'");
        }
        return Optional.of(kernels);
      case "auto":
        if (vectorPresent) {
          DenseKernels auto = newVectorKernels();
          int untiled = untiledWidth(auto);
          if (untiled == 0) {
            return Optional.of(auto);
          }
          // Vectors wider than a layer's outputs (no current CPU): only the loops can run it.
          LoggerFactory.getLogger(JavaDlrm.class)
              .warn(
                  "the {} kernels cannot tile a layer of {} outputs: the java inference engine"
                      + " falls back to plain loops, about 2.5x slower",
                  auto.name(),
                  untiled);
          return Optional.empty();
        }
        LoggerFactory.getLogger(JavaDlrm.class)
            .warn(
                "JVM started without --add-modules jdk.incubator.vector: the java inference engine"
                    + " falls back to plain loops, about 2.5x slower; add the flag to the launcher");
        return Optional.empty();
      default:
        throw new IllegalArgumentException(
            KERNELS_PROPERTY + "='" + choice + "' is not one of: auto, loop, vector");
    }
  }

  /** The first hidden layer width these kernels have no panel width for, else 0. */
  private static int untiledWidth(DenseKernels kernels) {
    for (int[] sizes : new int[][] {DlrmWeights.BOTTOM_SIZES, DlrmWeights.TOP_SIZES}) {
      for (int l = 1; l < sizes.length; l++) {
        int n = sizes[l];
        if (n > 1 && kernels.panelWidth(n) == 0) { // the 1-output last layer is a dot product
          return n;
        }
      }
    }
    return 0;
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

  /**
   * Which pass this engine runs: {@code loop}, or the Vector API kernels' name ({@code vector…}).
   */
  public String kernels() {
    return vector != null ? vector.kernelsName() : "loop";
  }

  @Override
  public float[] predict(Features f) {
    float[] scores = new float[f.batchSize()];
    predict(f, scores);
    return scores;
  }

  /** As {@link #predict(Features)}, writing the scores into {@code out[0 .. batchSize)}. */
  public void predict(Features f, float[] out) {
    logits(f, out);
    for (int r = 0; r < f.batchSize(); r++) {
      out[r] = sigmoid(out[r]);
    }
  }

  /**
   * The model's logits (its output before the sigmoid), one per row: what tests compare, since an
   * untrained model's scores on raw counters saturate to 1.0 and then say little.
   */
  float[] logits(Features f) {
    float[] out = new float[f.batchSize()];
    logits(f, out);
    return out;
  }

  private void logits(Features f, float[] out) {
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
    if (vector != null) {
      vector.run(f, rows, s.vector, out);
    } else {
      columns.run(f, rows, s.columns, out);
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

  /** Activations of one forward pass, for up to {@code rows} rows: the chosen pass's only. */
  private final class Scratch {
    final int rows;
    final VectorForward.Buffers vector;
    final ColumnForward.Buffers columns;

    Scratch(int rows) {
      this.rows = rows;
      boolean rowMajor = JavaDlrm.this.vector != null;
      vector = rowMajor ? new VectorForward.Buffers(rows) : null;
      columns = rowMajor ? null : new ColumnForward.Buffers(rows);
    }
  }
}
