package org.aerobench.model;

/**
 * Scores a batch of ads with the DLRM. Implementations are thread-safe: many threads may call
 * {@link #predict} at once, and the same input gives the same scores bit for bit whatever the
 * thread.
 */
public interface InferenceEngine extends AutoCloseable {

  /** The engine's name as {@link Engines#create} knows it. */
  String name();

  /** One click probability in (0, 1) per row of {@code features}, in row order. */
  float[] predict(Features features);

  /**
   * Brings the engine to full speed before real traffic: the reference's dummy forward (batch 1,
   * zeros), then batch-200 calls until the JIT has compiled the hot loops (about 1,500 calls or 5
   * s, whichever comes first). Without it the first calls of the Vector API kernels run interpreted
   * and take 100+ ms each. Returns the number of calls made.
   */
  default int warmUp() {
    predict(new Features(1, new int[Features.SPARSE], new float[Features.DENSE]));
    Features batch = SampleFeatures.random(200, 1);
    long deadline = System.nanoTime() + 5_000_000_000L;
    int calls = 1;
    while (calls < 1_500 && System.nanoTime() < deadline) {
      predict(batch);
      calls++;
    }
    return calls;
  }

  /** Releases native resources, if any; the default engines hold none. */
  @Override
  default void close() {}
}
