package org.aerobench.embedded;

import com.aerospike.client.Key;
import com.aerospike.client.Log;
import com.aerospike.client.async.EventPolicy;
import com.aerospike.client.async.NioEventLoops;
import java.util.Locale;
import org.aerobench.embedded.EmbeddedBatchBenchmark.Target;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Two embedded servers, A and B, each already running in its own JVM (e.g. two commits' {@code
 * bin/aerobench embedded-server}), measured in alternating rounds with the batch loop of {@link
 * EmbeddedBatchBenchmark}: the answer is B's throughput as a ratio of A's, with a 95 % interval.
 * One run of each server after the other cannot show a 10 % difference on a shared machine whose
 * speed drifts by more than that; rounds in A B B A order, paired, can, because the drift is common
 * to both halves of a round. Not a test: run it with
 *
 * <pre>
 * BENCH_JAVA_OPTS="-Dbench.ports=3201,3202 -Dbench.rounds=8" \
 *     bin/bench org.aerobench.embedded.EmbeddedBatchAbBenchmark
 * </pre>
 *
 * {@code -Dbench.seconds} (default 3) is each measurement's window after {@code -Dbench.warmup}
 * (default 1) seconds.
 */
public final class EmbeddedBatchAbBenchmark {

  private EmbeddedBatchAbBenchmark() {}

  /** One measured shape of load. */
  private interface Load {
    double batchesPerSecond(Target server, Key[] keys) throws InterruptedException;
  }

  public static void main(String[] args) throws Exception {
    Log.setLevel(Log.Level.WARN);
    String ports = System.getProperty("bench.ports", "");
    String[] parts = ports.split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "-Dbench.ports='"
              + ports
              + "' must name two ports, A then B, e.g. -Dbench.ports=3201,3202");
    }
    int rounds = Integer.getInteger("bench.rounds", 8);
    if (rounds < 2) {
      throw new IllegalArgumentException(
          "-Dbench.rounds=" + rounds + " must be at least 2 for an interval, e.g. 8");
    }
    Target a = new Target("127.0.0.1", Integer.parseInt(parts[0].trim()));
    Target b = new Target("127.0.0.1", Integer.parseInt(parts[1].trim()));
    Key[] keys = EmbeddedBatchBenchmark.seed(a);
    EmbeddedBatchBenchmark.seed(b);
    NioEventLoops loops = new NioEventLoops(new EventPolicy(), 2);
    try {
      compare(
          "sync x4 threads",
          (server, k) ->
              EmbeddedBatchBenchmark.batchesPerSecond(EmbeddedBatchBenchmark.runSync(server, k, 4)),
          a,
          b,
          keys,
          rounds);
      compare(
          "async nio x16 in flight",
          (server, k) ->
              EmbeddedBatchBenchmark.batchesPerSecond(
                  EmbeddedBatchBenchmark.runAsync(server, k, loops, 16)),
          a,
          b,
          keys,
          rounds);
    } finally {
      loops.close();
    }
  }

  private static void compare(String name, Load load, Target a, Target b, Key[] keys, int rounds)
      throws InterruptedException {
    System.out.printf(Locale.ROOT, "%n%s: A = port %d, B = port %d%n", name, a.port(), b.port());
    System.out.printf(
        Locale.ROOT, "%6s %12s %12s %8s%n", "round", "A batches/s", "B batches/s", "B/A");
    SummaryStatistics logRatios = new SummaryStatistics();
    for (int r = 0; r < rounds; r++) {
      // A B in even rounds, B A in odd ones: a steady drift adds the same to both on average.
      double first = load.batchesPerSecond(r % 2 == 0 ? a : b, keys);
      double second = load.batchesPerSecond(r % 2 == 0 ? b : a, keys);
      double ofA = r % 2 == 0 ? first : second;
      double ofB = r % 2 == 0 ? second : first;
      double ratio = ofB / ofA;
      logRatios.addValue(Math.log(ratio));
      System.out.printf(Locale.ROOT, "%6d %12.0f %12.0f %8.3f%n", r + 1, ofA, ofB, ratio);
    }
    double n = logRatios.getN();
    double half =
        new TDistribution(n - 1).inverseCumulativeProbability(0.975)
            * logRatios.getStandardDeviation()
            / Math.sqrt(n);
    double mean = logRatios.getMean();
    System.out.printf(
        Locale.ROOT,
        "%s: B/A = %.3f (geometric mean of %d rounds), 95 %% CI [%.3f, %.3f]%n",
        name,
        Math.exp(mean),
        rounds,
        Math.exp(mean - half),
        Math.exp(mean + half));
  }
}
