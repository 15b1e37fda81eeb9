package org.aerobench.bench;

import java.util.List;
import java.util.Map;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.cluster.ClusterConfig;
import org.aerobench.embedded.cluster.NodeLatency;

/**
 * The embedded cluster's shape for a client-bench run: {@code --nodes}, {@code
 * --replication-factor}, {@code --node-latency}, checked before anything starts.
 *
 * @param nodes 1 = the one-node embedded server; 2..8 = an embedded cluster
 * @param replicationFactor copies of each partition, 1..nodes
 * @param nodeLatency latency of single nodes (1-based), overriding the run's latency for them
 */
public record BenchCluster(int nodes, int replicationFactor, Map<Integer, Latency> nodeLatency) {

  /** The one-node server, as without any cluster option. */
  public static final BenchCluster ONE_NODE = new BenchCluster(1, 1, Map.of());

  public BenchCluster {
    nodeLatency = Map.copyOf(nodeLatency);
  }

  /**
   * Checks the cluster options.
   *
   * @param nodes {@code --nodes}, null when not given (1)
   * @param replicationFactor {@code --replication-factor}, null when not given (min(2, nodes))
   * @param nodeLatency {@code --node-latency} entries, null when not given
   * @param hosts {@code --hosts}: with any hosts the embedded cluster is not started, so a cluster
   *     option is refused
   * @throws IllegalArgumentException naming the option, the value, the rule and an example
   */
  public static BenchCluster from(
      Integer nodes, Integer replicationFactor, List<String> nodeLatency, List<String> hosts) {
    if (hosts != null && !hosts.isEmpty()) {
      List<String> given = new java.util.ArrayList<>();
      if (nodes != null) {
        given.add("--nodes " + nodes);
      }
      if (replicationFactor != null) {
        given.add("--replication-factor " + replicationFactor);
      }
      if (nodeLatency != null) {
        given.add("--node-latency " + String.join(",", nodeLatency));
      }
      if (!given.isEmpty()) {
        throw new IllegalArgumentException(
            String.join(", ", given)
                + " given with --hosts "
                + String.join(",", hosts)
                + ": the embedded cluster is not started when --hosts names a cluster, so these"
                + " would do nothing; drop them or drop --hosts, e.g. --nodes 3");
      }
      return ONE_NODE;
    }
    int n = nodes == null ? 1 : nodes;
    if (n < 1 || n > ClusterConfig.MAX_NODES) {
      throw new IllegalArgumentException(
          "--nodes: "
              + n
              + " is outside 1.."
              + ClusterConfig.MAX_NODES
              + " (1 = the one-node server, more = an embedded cluster), e.g. --nodes 3");
    }
    int rf = replicationFactor == null ? Math.min(2, n) : replicationFactor;
    if (rf < 1 || rf > n) {
      throw new IllegalArgumentException(
          "--replication-factor: "
              + rf
              + " is outside 1..--nodes ("
              + n
              + "): a partition cannot have more copies than there are nodes; leave it out for"
              + " min(2, --nodes), e.g. --nodes 3 --replication-factor 2");
    }
    String entries = nodeLatency == null ? "" : String.join(",", nodeLatency);
    return new BenchCluster(n, rf, NodeLatency.parse("--node-latency", entries, n));
  }

  /** What the report's conditions say about it, e.g. {@code 3 nodes, replication factor 2}. */
  public String describe() {
    return nodes == 1 ? "1 node" : nodes + " nodes, replication factor " + replicationFactor;
  }
}
