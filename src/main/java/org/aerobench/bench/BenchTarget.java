package org.aerobench.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the benchmark reads from: an embedded server it starts and seeds itself (no hosts), or an
 * existing Aerospike at the given seeds.
 *
 * @param hosts {@code host:port} seeds; empty means the embedded server
 * @param seedData with hosts: write the benchmark records before measuring
 * @param namespace the namespace every key lives in
 * @param latency the embedded server's injected latency ({@link LatencyInjection#OFF} with hosts)
 */
public record BenchTarget(
    List<String> hosts, boolean seedData, String namespace, LatencyInjection latency) {

  private static final int DEFAULT_PORT = 3000;

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
      Double latencyP99Ms) {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("--namespace: give a namespace name, e.g. test");
    }
    LatencyInjection latency =
        LatencyInjection.of(latencyFixedMs, latencyMedianMs, latencyP99Ms);
    List<String> seeds = new ArrayList<>();
    for (String host : hosts == null ? List.<String>of() : hosts) {
      seeds.add(checkHost(host.trim()));
    }
    if (!seeds.isEmpty() && !latency.isOff()) {
      throw new IllegalArgumentException(
          "--latency-* options only apply to the embedded server; drop them or drop --hosts");
    }
    return new BenchTarget(seeds, seedData || seeds.isEmpty(), namespace.trim(), latency);
  }

  private static String checkHost(String host) {
    int colon = host.lastIndexOf(':');
    String name = colon < 0 ? host : host.substring(0, colon);
    String port = colon < 0 ? String.valueOf(DEFAULT_PORT) : host.substring(colon + 1);
    boolean portOk = port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1
        && Integer.parseInt(port) <= 65535;
    if (name.isBlank() || !portOk) {
      throw new IllegalArgumentException(
          "--hosts: '" + host + "' is not host:port (port 1..65535), e.g. 127.0.0.1:3000");
    }
    return name + ":" + port;
  }

  /** For reports: {@code embedded (127.0.0.1:port)} is filled in by the job; here the seeds. */
  public String describeHosts() {
    return embedded() ? "embedded" : String.join(", ", hosts);
  }
}
