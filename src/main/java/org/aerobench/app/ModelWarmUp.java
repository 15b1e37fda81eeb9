package org.aerobench.app;

import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model's JIT warm-up on a background thread, and what /ready says about it: warm, still
 * warming up, or failed (with the reason, so that /ready does not claim "warming up" forever).
 */
final class ModelWarmUp {

  private static final Logger log = LoggerFactory.getLogger(ModelWarmUp.class);

  private final Thread thread; // null when skipped
  private volatile boolean done;
  private volatile String failure;

  private ModelWarmUp(String model, IntSupplier warmUp) {
    this.thread =
        warmUp == null
            ? null
            : Thread.ofPlatform()
                .name("model-warmup")
                .daemon(true)
                .unstarted(() -> run(model, warmUp));
    this.done = warmUp == null;
  }

  /** Nothing to warm up: the model counts as loaded at once. */
  static ModelWarmUp skipped() {
    return new ModelWarmUp(null, null);
  }

  /** Starts {@code warmUp} (returns its number of calls) on a daemon thread. */
  static ModelWarmUp start(String model, IntSupplier warmUp) {
    ModelWarmUp w = new ModelWarmUp(model, warmUp);
    w.thread.start();
    return w;
  }

  private void run(String model, IntSupplier warmUp) {
    long start = System.nanoTime();
    try {
      int calls = warmUp.getAsInt();
      done = true;
      log.info(
          "model {} warm after {} calls in {} ms",
          model,
          calls,
          (System.nanoTime() - start) / 1_000_000);
    } catch (Throwable t) {
      String message = t.getMessage() == null ? t.toString() : t.getMessage();
      failure = message;
      log.error("model {} warm-up failed; /ready stays 503: {}", model, message);
    }
  }

  /** True once the warm-up finished (or was skipped). */
  boolean done() {
    return done;
  }

  /** Why the warm-up failed, if it did. */
  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Waits up to {@code millis} for the warm-up thread (tests). */
  void await(long millis) throws InterruptedException {
    if (thread != null) {
      thread.join(millis);
    }
  }
}
