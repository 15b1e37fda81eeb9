package org.aerobench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A quick latency check of the inference engines on one thread (not a JMH benchmark: for those see
 * {@code DlrmBenchmark} in the tests). Prints p50/p99/max of {@code predict} for a batch of 200.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... org.aerobench.model.InferenceLatency \
 *     [--batch 200] [--iterations 3000] [engine ...]   (default engines: java scalar)
 * </pre>
 */
public final class InferenceLatency {

  private InferenceLatency() {}

  public static void main(String[] args) throws Exception {
    int batch = 200;
    int iterations = 3000;
    List<String> engines = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        case "--iterations" -> iterations = Integer.parseInt(args[++i]);
        default -> engines.add(args[i]);
      }
    }
    if (engines.isEmpty()) {
      engines = List.of("java", "scalar");
    }
    long t0 = System.nanoTime();
    DlrmWeights weights = DlrmWeights.defaults();
    System.out.printf(
        "weights: seed %d, %,d parameters, generated in %.0f ms%n",
        DlrmWeights.DEFAULT_SEED, weights.parameterCount(), (System.nanoTime() - t0) / 1e6);
    Features features = SampleFeatures.random(batch, 7);
    for (String name : engines) {
      try (InferenceEngine engine = Engines.create(name, weights)) {
        String label =
            engine instanceof JavaDlrm j ? name + " (" + j.kernels() + " kernels)" : name;
        int n = name.equals("scalar") ? Math.min(iterations, 300) : iterations;
        long[] warm = time(engine, features, n);
        long[] nanos = time(engine, features, n);
        Arrays.sort(nanos);
        System.out.printf(
            "%-26s batch %d, %d calls (after %d warm-up): p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
            label,
            batch,
            n,
            warm.length,
            nanos[n / 2] / 1e6,
            nanos[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e6,
            nanos[n - 1] / 1e6);
      }
    }
  }

  private static long[] time(InferenceEngine engine, Features f, int n) {
    long[] nanos = new long[n];
    float sink = 0;
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      sink += engine.predict(f)[0];
      nanos[i] = System.nanoTime() - t;
    }
    if (sink == 42.4242f) {
      System.out.println(); // keeps the JIT from dropping the calls
    }
    return nanos;
  }
}
