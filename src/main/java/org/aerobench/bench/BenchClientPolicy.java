package org.aerobench.bench;

import com.aerospike.client.policy.Replica;
import org.aerobench.client.ClientSettings;

/**
 * The client policy options of a client-bench run that matter with several nodes, as the app's
 * {@code aerospike.replica} and {@code aerospike.batch.max.concurrent.threads}: which copy a read
 * goes to, and whether a batch asks its nodes one after another (1) or all at once (0).
 */
public record BenchClientPolicy(Replica replica, int batchMaxConcurrentThreads) {

  /** The client's defaults, as the app's. */
  public static final BenchClientPolicy DEFAULTS =
      from(ClientSettings.defaults().replica().name(), 1);

  /**
   * Checks {@code --replica} (any case) and {@code --batch-max-concurrent-threads}.
   *
   * @throws IllegalArgumentException naming the option, the value, the rule and an example
   */
  public static BenchClientPolicy from(String replica, int batchMaxConcurrentThreads) {
    Replica parsed;
    try {
      parsed = ClientSettings.replica(replica);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--replica: " + e.getMessage(), e);
    }
    if (batchMaxConcurrentThreads < 0 || batchMaxConcurrentThreads > 1024) {
      throw new IllegalArgumentException(
          "--batch-max-concurrent-threads: "
              + batchMaxConcurrentThreads
              + " is outside 0..1024 (the batch policy's maxConcurrentThreads), e.g."
              + " --batch-max-concurrent-threads 0");
    }
    return new BenchClientPolicy(parsed, batchMaxConcurrentThreads);
  }

  ClientSettings.Builder applyTo(ClientSettings.Builder builder) {
    return builder.replica(replica).batchMaxConcurrentThreads(batchMaxConcurrentThreads);
  }

  /** For the report's conditions. */
  String describe() {
    return "replica "
        + replica
        + ", batch maxConcurrentThreads "
        + batchMaxConcurrentThreads
        + " (not read by aerospike-client-jdk21 9.0.4: its blocking and async batches both ask"
        + " every node at once)";
  }
}
