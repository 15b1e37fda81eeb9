package org.aerobench.embedded.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;

/**
 * How an embedded cluster starts.
 *
 * @param node what every node shares: host, namespaces, the default latency, I/O threads, limits;
 *     its port is node 1's (0 = a free port for every node)
 * @param nodes 1..8. Default: 1
 * @param replicationFactor copies of each partition, 1..nodes. Default: min(2, nodes)
 * @param ports every node's port when given (as many as nodes, 0 = free); empty = node 1 on {@code
 *     node.port()} and the next nodes on the ports after it, or free ports when that is 0
 * @param nodeLatency latency of single nodes (1-based), overriding {@code node.latency()}
 * @param heartbeatTimeout how long a node that stopped or froze stays in the others' view before
 *     they drop it and take over its partitions (a server's heartbeat interval times timeout, 150
 *     ms × 10). Default: 1.5 s
 */
public record ClusterConfig(
    EmbeddedConfig node,
    int nodes,
    int replicationFactor,
    List<Integer> ports,
    Map<Integer, Latency> nodeLatency,
    Duration heartbeatTimeout) {

  public static final int MAX_NODES = 8;
  public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofMillis(1500);

  public ClusterConfig {
    if (node == null) {
      node = EmbeddedConfig.defaults();
    }
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException(
          "nodes " + nodes + " is outside 1.." + MAX_NODES + "; e.g. 3");
    }
    if (replicationFactor < 1 || replicationFactor > nodes) {
      throw new IllegalArgumentException(
          "replication factor "
              + replicationFactor
              + " is outside 1..nodes ("
              + nodes
              + "); a partition cannot have more copies than there are nodes; e.g. "
              + Math.min(2, nodes));
    }
    ports = ports == null ? List.of() : List.copyOf(ports);
    if (!ports.isEmpty() && ports.size() != nodes) {
      throw new IllegalArgumentException(
          ports.size() + " ports given for " + nodes + " nodes; give one per node, e.g. 3000,3001");
    }
    for (int p : ports) {
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("port " + p + " is outside 0..65535 (0 = free port)");
      }
    }
    if (ports.isEmpty() && node.port() != 0 && node.port() + nodes - 1 > 65535) {
      throw new IllegalArgumentException(
          "port " + node.port() + " leaves no room for " + nodes + " consecutive ports");
    }
    nodeLatency = nodeLatency == null ? Map.of() : Map.copyOf(new TreeMap<>(nodeLatency));
    for (int n : nodeLatency.keySet()) {
      if (n < 1 || n > nodes) {
        throw new IllegalArgumentException(
            "latency given for node " + n + ", which does not exist; nodes are 1.." + nodes);
      }
    }
    if (heartbeatTimeout == null) {
      heartbeatTimeout = DEFAULT_HEARTBEAT_TIMEOUT;
    }
    if (heartbeatTimeout.isNegative() || heartbeatTimeout.toSeconds() > 60) {
      throw new IllegalArgumentException(
          "heartbeat timeout " + heartbeatTimeout.toMillis() + " ms is outside 0..60000 ms");
    }
  }

  /** {@code nodes} nodes with the default replication factor, min(2, nodes). */
  public static ClusterConfig of(EmbeddedConfig node, int nodes) {
    return new ClusterConfig(node, nodes, Math.min(2, nodes), List.of(), Map.of(), null);
  }

  public ClusterConfig withReplicationFactor(int rf) {
    return new ClusterConfig(node, nodes, rf, ports, nodeLatency, heartbeatTimeout);
  }

  public ClusterConfig withPorts(List<Integer> newPorts) {
    return new ClusterConfig(
        node, nodes, replicationFactor, newPorts, nodeLatency, heartbeatTimeout);
  }

  public ClusterConfig withNodeLatency(Map<Integer, Latency> latency) {
    return new ClusterConfig(node, nodes, replicationFactor, ports, latency, heartbeatTimeout);
  }

  public ClusterConfig withHeartbeatTimeout(Duration timeout) {
    return new ClusterConfig(node, nodes, replicationFactor, ports, nodeLatency, timeout);
  }

  /** Node {@code n}'s (1-based) latency: its own, else the cluster's. */
  public Latency latencyOf(int n) {
    return nodeLatency.getOrDefault(n, node.latency());
  }

  /** Node {@code n}'s (1-based) port to bind the first time. */
  int portOf(int n) {
    if (!ports.isEmpty()) {
      return ports.get(n - 1);
    }
    return node.port() == 0 ? 0 : node.port() + n - 1;
  }
}
