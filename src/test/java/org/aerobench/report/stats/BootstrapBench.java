package org.aerobench.report.stats;

import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * How long the report's noise intervals take: one challenger/baseline pair, median and p95 from the
 * same 1,000 resamples, for growing sample counts. Run with {@code java -cp
 * target/test-classes:target/classes:<deps> org.aerobench.report.stats.BootstrapBench}.
 */
public final class BootstrapBench {

  private BootstrapBench() {}

  public static void main(String[] args) {
    for (int n : new int[] {1_000, 3_000, 10_000, 30_000, 100_000}) {
      ValueCounts base = ValueCounts.of(lognormal(1, n, 15_000), 0.001);
      ValueCounts challenger = ValueCounts.of(lognormal(2, n, 9_000), 0.001);
      Bootstrap.standard().differences(base, challenger, 0.5, 0.95); // warm-up
      long start = System.nanoTime();
      int rounds = 3;
      for (int i = 0; i < rounds; i++) {
        Bootstrap.standard().differences(base, challenger, 0.5, 0.95);
      }
      double ms = (System.nanoTime() - start) / 1e6 / rounds;
      System.out.printf("n=%,d per side: %.0f ms per pair (1,000 resamples, 2 quantiles)%n", n, ms);
    }
  }

  private static Histogram lognormal(long seed, int n, double medianMicros) {
    Random random = new Random(seed);
    Histogram h = new Histogram(600_000_000L, 3);
    for (int i = 0; i < n; i++) {
      h.recordValue(Math.round(medianMicros * Math.exp(0.4 * random.nextGaussian())));
    }
    return h;
  }
}
