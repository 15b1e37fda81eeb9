package org.aerobench.bench;

import java.util.List;
import org.aerobench.data.FeatureSet;

/**
 * What one environment-A run measures, already validated (see {@link BenchArguments}).
 *
 * @param clients arms ({@code sync}, {@code async}, {@code sync#2} for an A/A repeat), in the order
 *     given (the order of a non-interleaved run)
 * @param sets feature sets, in the order given
 * @param batchSizes keys per batch call, in the order given
 * @param concurrency identical batch calls fired together per iteration
 * @param iterations measured iterations per combination
 * @param warmup unmeasured iterations per combination before the measured ones
 * @param interleave shuffle the client order per (set, batch size) instead of client by client
 * @param shuffleKeys shuffle the key list once per measured iteration
 * @param seed seed of every shuffle, so a run's order can be repeated
 */
public record BenchSettings(
    List<String> clients,
    List<FeatureSet> sets,
    List<Integer> batchSizes,
    int concurrency,
    int iterations,
    int warmup,
    boolean interleave,
    boolean shuffleKeys,
    long seed) {

  public BenchSettings {
    clients = List.copyOf(clients);
    sets = List.copyOf(sets);
    batchSizes = List.copyOf(batchSizes);
  }

  /** Number of (client, set, batch size) combinations. */
  public int comboCount() {
    return clients.size() * sets.size() * batchSizes.size();
  }

  /** Batch calls the run makes, warm-up included: for estimating its duration. */
  public long totalCalls() {
    return (long) comboCount() * (iterations + warmup) * concurrency;
  }
}
