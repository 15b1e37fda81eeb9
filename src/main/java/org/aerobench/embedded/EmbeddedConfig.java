package org.aerobench.embedded;

import java.util.List;

/**
 * How the embedded server starts.
 *
 * @param host address to bind. Default: 127.0.0.1
 * @param port TCP port; 0 picks a free one. Default: 0 (the standalone launcher uses 3000)
 * @param namespaces namespace names, fixed at start. Default: ["test"]
 * @param latency delay added to each AS_MSG reply. Default: {@link Latency#NONE}
 * @param ioThreads selector threads serving all connections. Default: 2
 * @param maxFrameBytes largest accepted message body; larger frames close the connection. Default:
 *     16 MiB
 * @param clusterName reported by the {@code cluster-name} info command. Default: "embedded"
 * @param namespacePolicy nsup-period, TTL rules, max-record-size of every namespace. Default:
 *     {@link NamespacePolicy#defaults()}
 * @param limits connection cap, timeouts and buffer bounds. Default: {@link
 *     ServerLimits#defaults()}
 */
public record EmbeddedConfig(
    String host,
    int port,
    List<String> namespaces,
    Latency latency,
    int ioThreads,
    int maxFrameBytes,
    String clusterName,
    NamespacePolicy namespacePolicy,
    ServerLimits limits) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_IO_THREADS = 2;
  public static final int DEFAULT_MAX_FRAME_BYTES = 16 << 20;

  public EmbeddedConfig {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is empty; give an address such as 127.0.0.1");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0..65535 (0 = free port)");
    }
    if (namespaces == null || namespaces.isEmpty()) {
      throw new IllegalArgumentException("no namespace given; configure at least one, e.g. test");
    }
    for (String ns : namespaces) {
      if (ns == null || ns.isBlank() || ns.length() >= 32 || ns.matches(".*[:;\\s].*")) {
        throw new IllegalArgumentException(
            "namespace '" + ns + "' is invalid; use 1..31 characters without ':', ';' or spaces");
      }
    }
    namespaces = List.copyOf(namespaces);
    if (latency == null) {
      latency = Latency.NONE;
    }
    if (ioThreads < 1 || ioThreads > 64) {
      throw new IllegalArgumentException("ioThreads " + ioThreads + " is outside 1..64");
    }
    if (maxFrameBytes < 1024) {
      throw new IllegalArgumentException(
          "maxFrameBytes " + maxFrameBytes + " is below the 1024-byte minimum");
    }
    if (clusterName == null || clusterName.isBlank()) {
      clusterName = "embedded";
    }
    if (namespacePolicy == null) {
      namespacePolicy = NamespacePolicy.defaults();
    }
    if (limits == null) {
      limits = ServerLimits.defaults();
    }
  }

  /** Defaults: 127.0.0.1, free port, namespace test, no latency, 2 I/O threads, 16 MiB frames. */
  public static EmbeddedConfig defaults() {
    return new EmbeddedConfig(
        DEFAULT_HOST,
        0,
        List.of("test"),
        Latency.NONE,
        DEFAULT_IO_THREADS,
        DEFAULT_MAX_FRAME_BYTES,
        "embedded",
        NamespacePolicy.defaults(),
        ServerLimits.defaults());
  }

  public EmbeddedConfig withPort(int newPort) {
    return new EmbeddedConfig(
        host,
        newPort,
        namespaces,
        latency,
        ioThreads,
        maxFrameBytes,
        clusterName,
        namespacePolicy,
        limits);
  }

  public EmbeddedConfig withNamespaces(List<String> names) {
    return new EmbeddedConfig(
        host, port, names, latency, ioThreads, maxFrameBytes, clusterName, namespacePolicy, limits);
  }

  public EmbeddedConfig withLatency(Latency newLatency) {
    return new EmbeddedConfig(
        host,
        port,
        namespaces,
        newLatency,
        ioThreads,
        maxFrameBytes,
        clusterName,
        namespacePolicy,
        limits);
  }

  public EmbeddedConfig withIoThreads(int threads) {
    return new EmbeddedConfig(
        host,
        port,
        namespaces,
        latency,
        threads,
        maxFrameBytes,
        clusterName,
        namespacePolicy,
        limits);
  }

  public EmbeddedConfig withNamespacePolicy(NamespacePolicy policy) {
    return new EmbeddedConfig(
        host, port, namespaces, latency, ioThreads, maxFrameBytes, clusterName, policy, limits);
  }

  public EmbeddedConfig withLimits(ServerLimits newLimits) {
    return new EmbeddedConfig(
        host,
        port,
        namespaces,
        latency,
        ioThreads,
        maxFrameBytes,
        clusterName,
        namespacePolicy,
        newLimits);
  }
}
