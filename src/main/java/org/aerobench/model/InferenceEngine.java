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

  /** Releases native resources, if any; the default engines hold none. */
  @Override
  default void close() {}
}
