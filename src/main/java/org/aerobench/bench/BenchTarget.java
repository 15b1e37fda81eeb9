package org.aerobench.bench;

import java.util.ArrayList;
import java.util.List;
import org.aerobench.client.ClientSettings;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;

/**
 * Where the benchmark reads from: an embedded server it starts and seeds itself (no hosts), or an
 * existing Aerospike at the given seeds.
 *
 * @param hosts {@code host:port} seeds; empty means the embedded server
 * @param seedData with hosts: write the benchmark records before measuring
 * @param namespace the namespace every key lives in
 * @param latency the embedded server's injected latency ({@link Latency#NONE} with hosts)
 * @param cluster the embedded server's nodes ({@link BenchCluster#ONE_NODE} with hosts)
 */
public record BenchTarget(
    List<String> hosts, boolean seedData, String namespace, Latency latency, BenchCluster cluster) {

  private static final String LATENCY_OPTIONS =
      "--latency-fixed-ms/--latency-median-ms/--latency-p99-ms";

  public BenchTarget {
    hosts = List.copyOf(hosts);
  }

  public boolean embedded() {
    return hosts.isEmpty();
  }

  /**
   * Checks the server options.
   *
   * @throws IllegalArgumentException naming the option, the value and the rule
   */
  public static BenchTarget from(
      List<String> hosts,
      boolean seedData,
      String namespace,
      Double latencyFixedMs,
      Double latencyMedianMs,
      Double latencyP99Ms,
      BenchCluster cluster) {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("--namespace: give a namespace name, e.g. test");
    }
    Latency latency;
    try {
      latency = Latency.fromMillis(latencyFixedMs, latencyMedianMs, latencyP99Ms);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(LATENCY_OPTIONS + ": " + e.getMessage(), e);
    }
    List<String> seeds = new ArrayList<>();
    for (String host : hosts == null ? List.<String>of() : hosts) {
      seeds.add(checkHost(host.trim()));
    }
    if (!seeds.isEmpty() && !Latency.NONE.equals(latency)) {
      throw new IllegalArgumentException(
          "--latency-* options only apply to the embedded server; drop them or drop --hosts");
    }
    if (seeds.isEmpty()) {
      checkEmbeddedNamespace(namespace.trim());
    }
    return new BenchTarget(seeds, seedData || seeds.isEmpty(), namespace.trim(), latency, cluster);
  }

  private static void checkEmbeddedNamespace(String namespace) {
    try {
      EmbeddedConfig.defaults().withNamespaces(List.of(namespace));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--namespace: " + e.getMessage(), e);
    }
  }

  private static String checkHost(String host) {
    try {
      ClientSettings.parseHost(host);
      return host;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--hosts: " + e.getMessage(), e);
    }
  }
}
