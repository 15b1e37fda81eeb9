package org.aerobench.embedded;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Log;
import com.aerospike.client.Record;
import com.aerospike.client.async.EventPolicy;
import com.aerospike.client.async.NioEventLoops;
import com.aerospike.client.listener.RecordArrayListener;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.ClientPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Batch-read throughput and latency of the embedded server for the project's request shape: 9 sets
 * x 200 keys = 1,800 keys per batch, about 80% found, 6 bins per record. Not a test: run it with
 *
 * <pre>
 * bin/mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.aerobench.embedded.EmbeddedBatchBenchmark [-Dbench.seconds=5]
 * </pre>
 *
 * (exec-maven-plugin 3.7.0 needs Maven 3.9+; on an older Maven run it with {@code java -cp
 * target/test-classes:target/classes:<test classpath>}, the classpath from {@code
 * dependency:build-classpath -Dmdep.includeScope=test}).
 *
 * <p>Client and server share the JVM and the machine's cores, so the figures are a floor for the
 * server, not its own limit: compare them with the request rates the load tests need.
 */
public final class EmbeddedBatchBenchmark {

  private static final String NS = "test";
  private static final int SETS = 9;
  private static final int KEYS_PER_SET = 200;
  private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 2);
  private static final int MEASURE_SECONDS = Integer.getInteger("bench.seconds", 5);

  private EmbeddedBatchBenchmark() {}

  record Target(String host, int port) {}

  public static void main(String[] args) throws Exception {
    Log.setLevel(Log.Level.WARN);
    // -Dbench.port=N measures a server already running (e.g. embedded-server in its own JVM).
    Integer externalPort = Integer.getInteger("bench.port");
    EmbeddedConfig config = EmbeddedConfig.defaults();
    if (externalPort != null) {
      System.out.println("Measuring the server on 127.0.0.1:" + externalPort);
    }
    try (EmbeddedAerospike server = externalPort == null ? EmbeddedAerospike.start(config) : null) {
      Target target =
          server == null
              ? new Target("127.0.0.1", externalPort)
              : new Target(server.host(), server.port());
      Key[] keys = seed(target);
      System.out.printf(
          "Server %s:%d, %d keys per batch over %d sets, %d cores visible%n",
          target.host(),
          target.port(),
          keys.length,
          SETS,
          Runtime.getRuntime().availableProcessors());
      System.out.printf(
          "%-22s %10s %12s %9s %9s %9s%n",
          "client", "batches/s", "keys/s", "p50 ms", "p99 ms", "max ms");
      for (int threads : new int[] {1, 4}) {
        report("sync x" + threads + " threads", keys.length, runSync(target, keys, threads));
      }
      NioEventLoops loops = new NioEventLoops(new EventPolicy(), 2);
      try {
        for (int inFlight : new int[] {1, 4, 16}) {
          report(
              "async nio x" + inFlight + " in flight",
              keys.length,
              runAsync(target, keys, loops, inFlight));
        }
      } finally {
        loops.close();
      }
    }
  }

  static Key[] seed(Target server) {
    List<Key> keys = new ArrayList<>();
    try (AerospikeClient client = new AerospikeClient(server.host(), server.port())) {
      for (int s = 0; s < SETS; s++) {
        String set = "bench_set_" + s;
        for (int i = 0; i < KEYS_PER_SET; i++) {
          Key key = new Key(NS, set, "key-" + i);
          keys.add(key);
          if (i % 5 != 0) { // about 80% found, like the reference's found ratios
            client.put(
                null,
                key,
                new Bin("adId", 1_000_000L + i),
                new Bin("campaignId", 7_000L + s),
                new Bin("impCnt", (long) i * 13),
                new Bin("clkCnt", (long) i),
                new Bin("ctr", i / 1000.0),
                new Bin("channel", "channel-" + (i % 7)));
          }
        }
      }
    }
    return keys.toArray(new Key[0]);
  }

  private static BatchPolicy batchPolicy() {
    BatchPolicy policy = new BatchPolicy();
    policy.totalTimeout = 10_000;
    policy.socketTimeout = 10_000;
    return policy;
  }

  /** Batches from {@code threads} blocking callers; the histogram of the measured window. */
  static Histogram runSync(Target server, Key[] keys, int threads) throws InterruptedException {
    ClientPolicy cp = new ClientPolicy();
    cp.maxConnsPerNode = threads + 4;
    try (AerospikeClient client = new AerospikeClient(cp, new Host(server.host(), server.port()))) {
      BatchPolicy policy = batchPolicy();
      Recorder recorder = new Recorder(3);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicBoolean measuring = new AtomicBoolean();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread w =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    long start = System.nanoTime();
                    Record[] records = client.get(policy, keys);
                    if (measuring.get()) {
                      recorder.recordValue(System.nanoTime() - start);
                    }
                    consume(records);
                  }
                });
        workers.add(w);
        w.start();
      }
      Histogram h = warmThenMeasure(recorder, measuring);
      stop.set(true);
      for (Thread w : workers) {
        w.join(10_000);
      }
      return h;
    }
  }

  /**
   * Batches kept {@code inFlight} at a time on the event loops; the measured window's histogram.
   */
  static Histogram runAsync(Target server, Key[] keys, NioEventLoops loops, int inFlight)
      throws InterruptedException {
    ClientPolicy cp = new ClientPolicy();
    cp.eventLoops = loops;
    try (AerospikeClient client = new AerospikeClient(cp, new Host(server.host(), server.port()))) {
      BatchPolicy policy = batchPolicy();
      Recorder recorder = new Recorder(3);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicBoolean measuring = new AtomicBoolean();
      AtomicInteger failures = new AtomicInteger();
      CountDownLatch drained = new CountDownLatch(inFlight);
      for (int i = 0; i < inFlight; i++) {
        new AsyncLoop(client, loops, policy, keys, recorder, stop, measuring, failures, drained)
            .next();
      }
      Histogram h = warmThenMeasure(recorder, measuring);
      stop.set(true);
      drained.await(10, TimeUnit.SECONDS);
      if (failures.get() > 0) {
        System.out.println("  failures: " + failures.get());
      }
      return h;
    }
  }

  /** Keeps one batch in flight: each completion records its latency and issues the next. */
  private record AsyncLoop(
      AerospikeClient client,
      NioEventLoops loops,
      BatchPolicy policy,
      Key[] keys,
      Recorder recorder,
      AtomicBoolean stop,
      AtomicBoolean measuring,
      AtomicInteger failures,
      CountDownLatch drained) {

    void next() {
      if (stop.get()) {
        drained.countDown();
        return;
      }
      long start = System.nanoTime();
      client.get(
          loops.next(),
          new RecordArrayListener() {
            @Override
            public void onSuccess(Key[] k, Record[] records) {
              if (measuring.get()) {
                recorder.recordValue(System.nanoTime() - start);
              }
              consume(records);
              next();
            }

            @Override
            public void onFailure(AerospikeException e) {
              failures.incrementAndGet();
              next();
            }
          },
          policy,
          keys);
    }
  }

  private static Histogram warmThenMeasure(Recorder recorder, AtomicBoolean measuring)
      throws InterruptedException {
    Thread.sleep(WARMUP_SECONDS * 1000L);
    recorder.reset();
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(MEASURE_SECONDS * 1000L);
    Histogram h = recorder.getIntervalHistogram();
    measuring.set(false);
    h.setStartTimeStamp(0);
    h.setEndTimeStamp((System.nanoTime() - start) / 1_000_000);
    return h;
  }

  /** Batches per second of a measured window. */
  static double batchesPerSecond(Histogram h) {
    return h.getTotalCount() / ((h.getEndTimeStamp() - h.getStartTimeStamp()) / 1000.0);
  }

  private static void report(String name, int keysPerBatch, Histogram h) {
    double batches = batchesPerSecond(h);
    System.out.printf(
        "%-22s %10.0f %12.0f %9.2f %9.2f %9.2f%n",
        name,
        batches,
        batches * keysPerBatch,
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getMaxValue() / 1e6);
  }

  private static volatile int sink;

  private static void consume(Record[] records) {
    int found = 0;
    for (Record r : records) {
      if (r != null) {
        found++;
      }
    }
    sink = found;
  }
}
