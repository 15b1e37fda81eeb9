package org.aerobench.bench;

import com.aerospike.client.Key;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aerobench.data.FeatureSet;
import org.aerobench.data.KeyPlan;
import org.aerobench.data.RequestFixture;
import org.aerobench.data.SetKeys;
import org.aerobench.report.envA.ComboResult;

/**
 * Environment A's measurement loop (reference §2.2). Per combination: {@code warmup} iterations,
 * then {@code iterations} measured ones; each measured iteration shuffles the key list once (with
 * shuffle-keys) and fires {@code concurrency} identical batch reads of it together, recording each
 * call's latency and the iteration's wall time. With interleave, the client order is shuffled per
 * (set, batch size); without it, each client runs all its combinations in turn.
 */
public final class ClientBenchRunner {

  private final BenchSettings settings;
  private final RequestFixture fixture;
  private final String namespace;
  private final Map<BenchClientKind, BenchClient> clients;
  private final PrintWriter progressOut;

  /**
   * @param clients one connected client per kind of {@code settings.clients()}' arms
   * @param progressOut where the progress line goes (stderr for a user)
   */
  public ClientBenchRunner(
      BenchSettings settings,
      RequestFixture fixture,
      String namespace,
      Map<BenchClientKind, BenchClient> clients,
      PrintWriter progressOut) {
    this.settings = settings;
    this.fixture = fixture;
    this.namespace = namespace;
    this.clients = Map.copyOf(clients);
    this.progressOut = progressOut;
  }

  /** The combinations in the order they run: the seed fixes the interleaved order. */
  public static List<ComboKey> order(BenchSettings settings, Random random) {
    List<ComboKey> order = new ArrayList<>(settings.comboCount());
    if (settings.interleave()) {
      for (FeatureSet set : settings.sets()) {
        for (int batchSize : settings.batchSizes()) {
          List<String> clients = new ArrayList<>(settings.clients());
          Collections.shuffle(clients, random);
          clients.forEach(client -> order.add(new ComboKey(client, set, batchSize)));
        }
      }
    } else {
      for (String client : settings.clients()) {
        for (FeatureSet set : settings.sets()) {
          for (int batchSize : settings.batchSizes()) {
            order.add(new ComboKey(client, set, batchSize));
          }
        }
      }
    }
    return order;
  }

  /**
   * Runs every combination and returns the results in a stable reading order: set, then batch size,
   * then client, each as given in the settings (the run order itself was shuffled).
   */
  public List<ComboResult> run() throws InterruptedException {
    Random random = new Random(settings.seed());
    List<ComboKey> order = order(settings, random);
    ProgressLine progress = new ProgressLine(progressOut, order.size());
    List<ComboResult> outcomes = new ArrayList<>(order.size());
    try {
      for (int i = 0; i < order.size(); i++) {
        ComboKey key = order.get(i);
        try {
          outcomes.add(runCombo(i + 1, key, random, progress));
        } catch (BenchFailure e) {
          throw new BenchFailure(
              key.client()
                  + " on "
                  + key.set().setName()
                  + " batch "
                  + key.batchSize()
                  + ": "
                  + e.getMessage(),
              e.getCause());
        }
      }
    } finally {
      progress.finish();
    }
    outcomes.sort(
        Comparator.comparingInt((ComboResult r) -> setIndex(r.set()))
            .thenComparingInt(r -> settings.batchSizes().indexOf(r.batchSize()))
            .thenComparingInt(r -> clientIndex(r.client())));
    return outcomes;
  }

  private int setIndex(String setName) {
    return settings.sets().stream().map(FeatureSet::setName).toList().indexOf(setName);
  }

  private int clientIndex(String wireName) {
    return settings.clients().indexOf(wireName);
  }

  private ComboResult runCombo(int comboNumber, ComboKey key, Random random, ProgressLine progress)
      throws InterruptedException {
    // An A/A arm (sync#2) runs through its client's one instance, as in the app.
    BenchClient client = clients.get(BenchArguments.kindOf(key.client()));
    SetKeys keys = keysOf(key.set(), key.batchSize());
    int concurrency = settings.concurrency();
    int steps = settings.warmup() + settings.iterations();
    for (int i = 1; i <= settings.warmup(); i++) {
      progress.show(comboNumber, key, "warmup " + i + "/" + settings.warmup(), i, steps);
      client.fireTogether(keys, concurrency);
    }
    // The reference disables Python's GC while measuring; the closest Java gets is to start every
    // combination from a freshly collected heap, outside the measured time.
    System.gc();
    ComboSamples samples = new ComboSamples();
    for (int i = 1; i <= settings.iterations(); i++) {
      progress.show(
          comboNumber,
          key,
          "iteration " + i + "/" + settings.iterations(),
          settings.warmup() + i,
          steps);
      SetKeys iterationKeys = settings.shuffleKeys() ? shuffled(keys, random) : keys;
      long start = System.nanoTime();
      List<CallSample> calls = client.fireTogether(iterationKeys, concurrency);
      samples.addIteration(System.nanoTime() - start, calls);
    }
    return ComboResults.of(key, concurrency, settings.iterations(), samples);
  }

  private SetKeys keysOf(FeatureSet set, int batchSize) {
    return KeyPlan.of(fixture, namespace, set.ordinal() + 1, batchSize).sets().get(set.ordinal());
  }

  private static SetKeys shuffled(SetKeys keys, Random random) {
    List<Key> copy = new ArrayList<>(keys.keys());
    Collections.shuffle(copy, random);
    return new SetKeys(keys.set(), copy);
  }
}
