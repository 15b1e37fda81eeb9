package org.aerobench.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The raw measurements of one (client, set, batch size) combination: one latency per call
 * (concurrency × iterations of them) and one wall time per iteration (reference §2.2).
 */
public final class ComboSamples {

  private final List<Long> latencyNanos = new ArrayList<>();
  private final List<Long> wallNanos = new ArrayList<>();
  private long found;
  private long keys;

  /** Adds one measured iteration: its wall time and the calls fired in it. */
  public void addIteration(long iterationWallNanos, List<CallSample> calls) {
    wallNanos.add(iterationWallNanos);
    for (CallSample call : calls) {
      latencyNanos.add(call.latencyNanos());
      found += call.found();
      keys += call.keys();
    }
  }

  /** Call latencies in milliseconds, in the order recorded. */
  public double[] latenciesMs() {
    return latencyNanos.stream().mapToDouble(n -> n / 1e6).toArray();
  }

  /** Iteration wall times in milliseconds. */
  public double[] wallTimesMs() {
    return wallNanos.stream().mapToDouble(n -> n / 1e6).toArray();
  }

  public long found() {
    return found;
  }

  public long keys() {
    return keys;
  }
}
