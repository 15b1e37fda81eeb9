package org.aerobench.embedded.cluster;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Log;
import com.aerospike.client.cluster.Partition;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.Policy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;

/**
 * Is the injected latency what was configured? A 3-node cluster in this JVM, every node at
 * log-normal median 2 ms / p99 10 ms and node 3 at 10× that (20 / 100 ms). Single-record reads,
 * each thread reading keys of one node (the keys' master), first with no latency and one thread per
 * node (the base: a round trip without queueing), then with the latency and several threads per
 * node. Reported per node: the configured p50 and p99, the client-measured p50 and p99 minus the
 * base p50, and their ratio to the configured value. Not a test: run it with
 *
 * <pre>
 * bin/bench org.aerobench.embedded.cluster.InjectedLatencyBenchmark
 * </pre>
 *
 * {@code -Dbench.seconds} (default 60) of the injected phase (the base takes a third of it), {@code
 * -Dbench.threads} (default 4) per node.
 */
public final class InjectedLatencyBenchmark {

  private InjectedLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    Log.setLevel(Log.Level.WARN);
    int seconds = Integer.getInteger("bench.seconds", 60);
    int threads = Integer.getInteger("bench.threads", 4);
    Latency cluster = Latency.fromMillis(null, 2.0, 10.0);
    Latency slow = Latency.fromMillis(null, 20.0, 100.0);
    ClusterConfig config = ClusterConfig.of(EmbeddedConfig.defaults(), 3);
    try (EmbeddedCluster nodes = EmbeddedCluster.start(config);
        AerospikeClient client =
            new AerospikeClient(policy(), new Host("127.0.0.1", nodes.port(1)))) {
      List<List<Key>> keysByNode = seed(client, nodes);
      Histogram[] base = measure(client, keysByNode, Math.max(1, seconds / 3), 1);
      nodes.setLatency(cluster);
      nodes.setLatency(3, slow);
      Histogram[] injected = measure(client, keysByNode, seconds, threads);
      System.out.printf(
          Locale.ROOT,
          "%d s, %d threads per node; base = the same reads with no injected latency, 1 thread"
              + " per node%n",
          seconds,
          threads);
      System.out.println(
          "| node | configured | base p50 ms | measured p50 − base p50 (ratio) |"
              + " measured p99 − base p50 (ratio) | reads |");
      System.out.println("|---|---|---:|---:|---:|---:|");
      for (int n = 1; n <= 3; n++) {
        Latency.LogNormal l = (Latency.LogNormal) nodes.latency(n);
        double baseP50 = ms(base[n].getValueAtPercentile(50));
        double p50 = ms(injected[n].getValueAtPercentile(50)) - baseP50;
        double p99 = ms(injected[n].getValueAtPercentile(99)) - baseP50;
        double wantP50 = l.median().toNanos() / 1e6;
        double wantP99 = l.p99().toNanos() / 1e6;
        System.out.printf(
            Locale.ROOT,
            "| %d | %s | %.3f | %.3f (%.3f) | %.3f (%.3f) | %,d |%n",
            n,
            l.describe(),
            baseP50,
            p50,
            p50 / wantP50,
            p99,
            p99 / wantP99,
            injected[n].getTotalCount());
      }
    }
  }

  private static ClientPolicy policy() {
    ClientPolicy policy = new ClientPolicy();
    policy.timeout = 5_000;
    return policy;
  }

  /** 3,000 records, and for each node the keys whose partition it masters. */
  private static List<List<Key>> seed(AerospikeClient client, EmbeddedCluster nodes) {
    List<List<Key>> byNode = new ArrayList<>();
    for (int n = 0; n <= 3; n++) {
      byNode.add(new ArrayList<>());
    }
    for (int i = 0; i < 3000; i++) {
      Key k = new Key("test", "latency", i);
      client.put(null, k, new Bin("v", i));
      byNode.get(nodes.masterOf(Partition.getPartitionId(k.digest))).add(k);
    }
    return byNode;
  }

  /** Per node (index 1..3): client-side read latency in microseconds, {@code threads} per node. */
  private static Histogram[] measure(
      AerospikeClient client, List<List<Key>> keysByNode, int seconds, int threads)
      throws InterruptedException {
    ConcurrentHistogram[] h = new ConcurrentHistogram[4];
    for (int n = 1; n <= 3; n++) {
      h[n] = new ConcurrentHistogram(Duration.ofSeconds(10).toNanos() / 1000, 3);
    }
    Policy read = new Policy();
    read.totalTimeout = 5_000;
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong next = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads * 3; t++) {
      int node = t % 3 + 1; // a slow node must not hold up the reads of the others
      Thread w =
          new Thread(
              () -> {
                List<Key> keys = keysByNode.get(node);
                while (System.nanoTime() < end) {
                  Key k = keys.get((int) (next.getAndIncrement() % keys.size()));
                  long start = System.nanoTime();
                  client.get(read, k);
                  h[node].recordValue((System.nanoTime() - start) / 1000);
                }
              });
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join(Duration.ofSeconds(seconds + 30).toMillis());
    }
    Histogram[] copies = new Histogram[4];
    for (int n = 1; n <= 3; n++) {
      copies[n] = h[n].copy();
    }
    return copies;
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
