package org.aerobench.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The parameters of the reference DLRM (§4.5), in PyTorch's layouts, untrained as the reference's.
 *
 * <ul>
 *   <li>5 embedding tables {@code [100000, 50000, 20000, 10000, 3] × 16}, one flat row-major {@code
 *       float[]} each;
 *   <li>bottom MLP 8 → 128 → 64 → 16 and top MLP 31 → 256 → 128 → 1, each {@link Linear} stored as
 *       PyTorch does ({@code weight[out][in]} row-major, {@code bias[out]});
 *   <li>a {@link BatchNorm} after every bottom layer and the first two top layers, in eval mode.
 * </ul>
 *
 * <p>{@link #random(long)} draws PyTorch-like default initial values from a {@link
 * SplittableRandom}: Linear weight and bias from U(−1/√fan_in, 1/√fan_in) (what {@code
 * kaiming_uniform_(a=√5)} gives), embeddings from N(0, 1), BatchNorm running mean 0, variance 1,
 * gamma 1, beta 0. PyTorch's own generator cannot be reproduced, so the numbers differ from the
 * reference's; their distributions do not. Same seed, same weights, on every JVM (only {@link
 * StrictMath} is used).
 *
 * <p>Immutable by convention: engines read the arrays and must not write them.
 *
 * <h2>File format ({@link #save}, {@link #load})</h2>
 *
 * Little-endian (as numpy writes by default): the 4 ASCII bytes {@code DLRM}, int32 format version
 * ({@value #FORMAT_VERSION}), int32 tensor count, then per tensor: int16 name length, the name in
 * UTF-8, int32 rank, int32 dims, then the float32 values row-major. Tensors come in the order of
 * {@link #tensorNames()}; loading checks magic, version, names and shapes and refuses anything else
 * with a message naming what was expected.
 */
public final class DlrmWeights {

  /** The default seed, as the reference's {@code torch.manual_seed(42)}. */
  public static final long DEFAULT_SEED = 42;

  /** Width of every embedding and of the bottom MLP's output. */
  public static final int EMBEDDING_DIM = 16;

  /** PyTorch's BatchNorm1d default epsilon. */
  public static final float BN_EPS = 1e-5f;

  /** Version of the file format written by {@link #save}. */
  public static final int FORMAT_VERSION = 1;

  static final int[] BOTTOM_SIZES = {Features.DENSE, 128, 64, EMBEDDING_DIM};

  /** 15 pairwise interactions of the 6 vectors (bottom output + 5 embeddings), plus the 16. */
  static final int INTERACTIONS = (Features.SPARSE + 1) * Features.SPARSE / 2;

  static final int[] TOP_SIZES = {INTERACTIONS + EMBEDDING_DIM, 256, 128, 1};

  private static final byte[] MAGIC = "DLRM".getBytes(StandardCharsets.US_ASCII);

  /**
   * One fully connected layer in PyTorch's layout.
   *
   * @param in fan-in
   * @param out fan-out
   * @param weight {@code out × in}, row-major
   * @param bias {@code out}
   */
  record Linear(int in, int out, float[] weight, float[] bias) {}

  /** Eval-mode BatchNorm1d: {@code (x − mean) / √(var + eps) · gamma + beta} per feature. */
  record BatchNorm(float[] mean, float[] var, float[] gamma, float[] beta) {}

  private final float[][] embeddings;
  private final Linear[] bottom;
  private final BatchNorm[] bottomNorms;
  private final Linear[] top;
  private final BatchNorm[] topNorms;

  private DlrmWeights(
      float[][] embeddings,
      Linear[] bottom,
      BatchNorm[] bottomNorms,
      Linear[] top,
      BatchNorm[] topNorms) {
    this.embeddings = embeddings;
    this.bottom = bottom;
    this.bottomNorms = bottomNorms;
    this.top = top;
    this.topNorms = topNorms;
  }

  /** Weights drawn from {@code seed} as the class comment says; ~0.1 s for 2.93 M values. */
  public static DlrmWeights random(long seed) {
    return build(new SplittableRandom(seed));
  }

  /** All-zero weights of the right shapes (BatchNorm at its eval defaults), for {@link #load}. */
  private static DlrmWeights zeros() {
    return build(null);
  }

  /** Builds every tensor, drawing values from {@code rnd} unless it is null (then zeros). */
  private static DlrmWeights build(SplittableRandom rnd) {
    float[][] embeddings = new float[Features.SPARSE][];
    for (int t = 0; t < Features.SPARSE; t++) {
      float[] table = new float[Features.tableRows(t) * EMBEDDING_DIM];
      if (rnd != null) {
        fillNormal(table, rnd);
      }
      embeddings[t] = table;
    }
    Linear[] bottom = randomMlp(BOTTOM_SIZES, rnd);
    Linear[] top = randomMlp(TOP_SIZES, rnd);
    BatchNorm[] bottomNorms = new BatchNorm[bottom.length];
    for (int i = 0; i < bottom.length; i++) {
      bottomNorms[i] = evalDefaultNorm(bottom[i].out());
    }
    BatchNorm[] topNorms = new BatchNorm[top.length - 1];
    for (int i = 0; i < topNorms.length; i++) {
      topNorms[i] = evalDefaultNorm(top[i].out());
    }
    return new DlrmWeights(embeddings, bottom, bottomNorms, top, topNorms);
  }

  /** Weights of the default seed 42. */
  public static DlrmWeights defaults() {
    return random(DEFAULT_SEED);
  }

  private static Linear[] randomMlp(int[] sizes, SplittableRandom rnd) {
    Linear[] layers = new Linear[sizes.length - 1];
    for (int i = 0; i < layers.length; i++) {
      int in = sizes[i];
      int out = sizes[i + 1];
      double bound = 1.0 / Math.sqrt(in);
      float[] w = new float[out * in];
      float[] b = new float[out];
      if (rnd != null) {
        fillUniform(w, bound, rnd);
        fillUniform(b, bound, rnd);
      }
      layers[i] = new Linear(in, out, w, b);
    }
    return layers;
  }

  private static BatchNorm evalDefaultNorm(int n) {
    float[] ones = new float[n];
    Arrays.fill(ones, 1f);
    return new BatchNorm(new float[n], ones.clone(), ones, new float[n]);
  }

  private static void fillUniform(float[] a, double bound, SplittableRandom rnd) {
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) (bound * (2.0 * rnd.nextDouble() - 1.0));
    }
  }

  /** Box–Muller with StrictMath, so the values do not depend on the JVM's intrinsics. */
  private static void fillNormal(float[] a, SplittableRandom rnd) {
    for (int i = 0; i < a.length; i += 2) {
      double u1 = 1.0 - rnd.nextDouble(); // (0, 1]: log is finite
      double u2 = rnd.nextDouble();
      double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
      double theta = 2.0 * Math.PI * u2;
      a[i] = (float) (r * StrictMath.cos(theta));
      if (i + 1 < a.length) {
        a[i + 1] = (float) (r * StrictMath.sin(theta));
      }
    }
  }

  float[] embedding(int table) {
    return embeddings[table];
  }

  Linear bottom(int layer) {
    return bottom[layer];
  }

  BatchNorm bottomNorm(int layer) {
    return bottomNorms[layer];
  }

  int bottomLayers() {
    return bottom.length;
  }

  Linear top(int layer) {
    return top[layer];
  }

  /** Norm after top layer {@code layer}; the last top layer has none. */
  BatchNorm topNorm(int layer) {
    return topNorms[layer];
  }

  int topLayers() {
    return top.length;
  }

  /** Number of parameters (embeddings + Linear weights and biases; BN running stats excluded). */
  public long parameterCount() {
    long n = 0;
    for (float[] e : embeddings) {
      n += e.length;
    }
    for (Linear l : bottom) {
      n += l.weight().length + l.bias().length;
    }
    for (Linear l : top) {
      n += l.weight().length + l.bias().length;
    }
    // BatchNorm's gamma and beta are parameters too (PyTorch counts them).
    for (BatchNorm bn : bottomNorms) {
      n += 2L * bn.gamma().length;
    }
    for (BatchNorm bn : topNorms) {
      n += 2L * bn.gamma().length;
    }
    return n;
  }

  /** True when every tensor holds the same values. */
  public boolean sameValues(DlrmWeights other) {
    List<Tensor> a = tensors();
    List<Tensor> b = other.tensors();
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i).data(), b.get(i).data())) {
        return false;
      }
    }
    return true;
  }

  // ---- file format ----

  /** A named tensor of the file format. */
  record Tensor(String name, int[] shape, float[] data) {}

  /** Every tensor, in file order, sharing (not copying) this object's arrays. */
  List<Tensor> tensors() {
    List<Tensor> list = new ArrayList<>();
    for (int t = 0; t < Features.SPARSE; t++) {
      list.add(
          new Tensor(
              "embedding." + Features.tableName(t),
              new int[] {Features.tableRows(t), EMBEDDING_DIM},
              embeddings[t]));
    }
    addMlp(list, "bottom", bottom, bottomNorms);
    addMlp(list, "top", top, topNorms);
    return list;
  }

  private static void addMlp(List<Tensor> list, String prefix, Linear[] layers, BatchNorm[] bns) {
    for (int i = 0; i < layers.length; i++) {
      Linear l = layers[i];
      String p = prefix + "." + i;
      list.add(new Tensor(p + ".weight", new int[] {l.out(), l.in()}, l.weight()));
      list.add(new Tensor(p + ".bias", new int[] {l.out()}, l.bias()));
      if (i < bns.length) {
        BatchNorm bn = bns[i];
        int[] shape = {l.out()};
        list.add(new Tensor(p + ".bn.running_mean", shape, bn.mean()));
        list.add(new Tensor(p + ".bn.running_var", shape, bn.var()));
        list.add(new Tensor(p + ".bn.weight", shape, bn.gamma()));
        list.add(new Tensor(p + ".bn.bias", shape, bn.beta()));
      }
    }
  }

  /** The tensor names of the file format, in order, with their shapes (for documentation). */
  public static List<String> tensorNames() {
    List<String> names = new ArrayList<>();
    for (Tensor t : zeros().tensors()) {
      names.add(t.name() + Arrays.toString(t.shape()));
    }
    return names;
  }

  /** Writes the weights in the format of the class comment (~11.7 MB). */
  public void save(Path file) throws IOException {
    List<Tensor> list = tensors();
    try (OutputStream out = Files.newOutputStream(file)) {
      ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      header.put(MAGIC).putInt(FORMAT_VERSION).putInt(list.size());
      out.write(header.array());
      for (Tensor t : list) {
        byte[] name = t.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer b =
            ByteBuffer.allocate(2 + name.length + 4 + 4 * t.shape().length + 4 * t.data().length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) name.length).put(name).putInt(t.shape().length);
        for (int d : t.shape()) {
          b.putInt(d);
        }
        b.asFloatBuffer().put(t.data());
        out.write(b.array());
      }
    }
  }

  /**
   * Reads weights written by {@link #save}; refuses a file of another format, version or model
   * shape with an {@link IllegalArgumentException} naming the file and what was expected.
   */
  public static DlrmWeights load(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    String where = "weights file " + file;
    if (b.remaining() < 12) {
      throw new IllegalArgumentException(where + " is too short (" + b.remaining() + " bytes)");
    }
    byte[] magic = new byte[MAGIC.length];
    b.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IllegalArgumentException(
          where
              + " is not a DLRM weights file: it starts with "
              + Arrays.toString(magic)
              + ", expected the magic 'DLRM' (write it with DlrmWeights.save)");
    }
    int version = b.getInt();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          where
              + " has format version "
              + version
              + ", this build reads version "
              + FORMAT_VERSION
              + ": re-create it with this build's DlrmWeights.save");
    }
    DlrmWeights result = zeros();
    List<Tensor> expected = result.tensors();
    int count = b.getInt();
    if (count != expected.size()) {
      throw new IllegalArgumentException(
          where + " holds " + count + " tensors, expected " + expected.size() + ": " + names());
    }
    try {
      for (Tensor t : expected) {
        byte[] name = new byte[b.getShort()];
        b.get(name);
        String actualName = new String(name, StandardCharsets.UTF_8);
        int[] shape = new int[b.getInt()];
        if (shape.length > 8) {
          throw new IllegalArgumentException(
              where + ": tensor '" + actualName + "' claims rank " + shape.length);
        }
        for (int i = 0; i < shape.length; i++) {
          shape[i] = b.getInt();
        }
        if (!actualName.equals(t.name()) || !Arrays.equals(shape, t.shape())) {
          throw new IllegalArgumentException(
              where
                  + ": found tensor '"
                  + actualName
                  + "' of shape "
                  + Arrays.toString(shape)
                  + ", expected '"
                  + t.name()
                  + "' of shape "
                  + Arrays.toString(t.shape())
                  + " (this build's DLRM: tables [100000, 50000, 20000, 10000, 3] × 16, bottom"
                  + " 8-128-64-16, top 31-256-128-1)");
        }
        b.asFloatBuffer().get(t.data());
        b.position(b.position() + 4 * t.data().length);
      }
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException(where + " is truncated: re-create it", e);
    }
    if (b.hasRemaining()) {
      throw new IllegalArgumentException(
          where + " has " + b.remaining() + " unexpected bytes after the last tensor");
    }
    return result;
  }

  private static String names() {
    return String.join(", ", tensorNames());
  }
}
