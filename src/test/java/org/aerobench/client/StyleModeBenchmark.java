package org.aerobench.client;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.aerobench.data.Fixtures;
import org.aerobench.data.KeyPlan;
import org.aerobench.data.Seeder;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;

/**
 * Lookup latency and throughput of every client style × read mode for the full plan (9 sets × 200
 * keys) against the seeded embedded server, with a fixed number of lookups in flight (a closed
 * loop: a lookup starts when one completes, and no driver thread waits for Aerospike). Not a test;
 * run it with
 *
 * <pre>
 * bin/mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     [-Dbench.inflight=16] [-Dbench.seconds=3] [-Dbench.latencyMs=0] \
 *     org.aerobench.client.StyleModeBenchmark
 * </pre>
 *
 * <p>Client, server and driver share the JVM and the cores: compare styles with each other under
 * the same conditions, not with a real cluster.
 */
public final class StyleModeBenchmark {

  private static final int IN_FLIGHT = Integer.getInteger("bench.inflight", 16);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 3);
  private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 1);
  private static final int LATENCY_MS = Integer.getInteger("bench.latencyMs", 0);

  private StyleModeBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (EmbeddedAerospike server = EmbeddedAerospike.start(EmbeddedConfig.defaults())) {
      ClientSettings settings =
          ClientSettings.builder().localPort(server.port()).totalTimeoutMs(5_000).build();
      try (AerospikeConnection connection = AerospikeConnection.open(settings)) {
        if (!connection.awaitConnected(Duration.ofSeconds(5))) {
          throw new IllegalStateException("embedded server not connected");
        }
        new Seeder().seed(connection.client(), "test", Fixtures.load());
        server.setLatency(Latency.fixed(Duration.ofMillis(LATENCY_MS)));
        Map<String, ClientStyle> styles = ClientStyles.create(connection, settings);
        KeyPlan plan = KeyPlan.of(Fixtures.load(), "test", 9, 200);
        System.out.printf(
            Locale.ROOT,
            "%d lookups in flight, %d s per row, injected latency %d ms, %d cores, %s loops x %d%n",
            IN_FLIGHT,
            SECONDS,
            LATENCY_MS,
            Runtime.getRuntime().availableProcessors(),
            settings.eventLoopKind().configName(),
            settings.eventLoopCount());
        System.out.println("style    mode          lookups/s   p50 ms   p99 ms   max ms  errors");
        for (ReadMode mode : ReadMode.values()) {
          for (String name : List.of("sync", "async", "virtual")) {
            ClientStyle style = styles.get(name);
            run(style, plan, mode, WARMUP_SECONDS);
            Result r = run(style, plan, mode, SECONDS);
            Histogram h = r.latency();
            System.out.printf(
                Locale.ROOT,
                "%-8s %-12s %10.0f %8.2f %8.2f %8.2f %7d%n",
                name,
                mode.wireName(),
                h.getTotalCount() / (double) SECONDS,
                h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3,
                h.getMaxValue() / 1e3,
                r.errors());
          }
        }
        ClientStyles.closeAll(styles);
      }
    }
  }

  private record Result(Histogram latency, long errors) {}

  /** Keeps IN_FLIGHT lookups going for the given time; latency in microseconds. */
  private static Result run(ClientStyle style, KeyPlan plan, ReadMode mode, int seconds)
      throws InterruptedException {
    ConcurrentHistogram latency = new ConcurrentHistogram(3);
    AtomicLong errors = new AtomicLong();
    Semaphore slots = new Semaphore(IN_FLIGHT);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        continue;
      }
      long start = System.nanoTime();
      style
          .read(plan, mode)
          .whenComplete(
              (result, failure) -> {
                if (failure == null) {
                  latency.recordValue((System.nanoTime() - start) / 1_000);
                } else {
                  errors.incrementAndGet();
                }
                slots.release();
              });
    }
    slots.acquire(IN_FLIGHT); // let the last lookups finish before the next row
    return new Result(latency, errors.get());
  }
}
