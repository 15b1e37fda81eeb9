package org.aerobench.bench;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.cluster.ClusterConfig;
import org.aerobench.embedded.cluster.EmbeddedCluster;

/**
 * The embedded Aerospike a client-bench run starts without {@code --hosts}: the one-node server, or
 * with {@code --nodes} above 1 an embedded cluster. Started without latency (the seed writes would
 * wait behind it); {@link #setLatency} once seeded.
 */
final class BenchServer implements AutoCloseable {

  private final EmbeddedAerospike single; // null for a cluster
  private final EmbeddedCluster cluster; // null for one node

  private BenchServer(EmbeddedAerospike single, EmbeddedCluster cluster) {
    this.single = single;
    this.cluster = cluster;
  }

  /**
   * @throws BenchFailure when a node cannot start (e.g. its port cannot be bound)
   */
  static BenchServer start(String namespace, BenchCluster shape) {
    EmbeddedConfig node =
        EmbeddedConfig.defaults().withNamespaces(List.of(namespace)).withLatency(Latency.NONE);
    try {
      if (shape.nodes() == 1) {
        return new BenchServer(EmbeddedAerospike.start(node), null);
      }
      return new BenchServer(
          null,
          EmbeddedCluster.start(
              ClusterConfig.of(node, shape.nodes())
                  .withReplicationFactor(shape.replicationFactor())));
    } catch (UncheckedIOException | IllegalArgumentException e) {
      throw new BenchFailure("cannot start the embedded server: " + e.getMessage(), e);
    }
  }

  /** Every node's {@code host:port}: the client's seeds. */
  List<String> seeds() {
    return single != null ? List.of(single.host() + ":" + single.port()) : cluster.seeds();
  }

  /** Every node's latency, then the nodes in {@code perNode} their own. */
  void setLatency(Latency all, Map<Integer, Latency> perNode) {
    if (single != null) {
      single.setLatency(perNode.getOrDefault(1, all));
    } else {
      cluster.setLatency(all);
      perNode.forEach(cluster::setLatency);
    }
  }

  /** For the report, e.g. {@code embedded (in-process) 127.0.0.1:3000}. */
  String describe() {
    if (single != null) {
      return "embedded (in-process) " + seeds().get(0);
    }
    return "embedded (in-process) cluster of "
        + cluster.size()
        + " nodes, replication factor "
        + cluster.replicationFactor()
        + ": "
        + String.join(", ", seeds());
  }

  /** {@code off}, or e.g. {@code fixed 1 ms; node 3: fixed 5 ms}. */
  static String describeLatency(Latency all, Map<Integer, Latency> perNode) {
    StringJoiner text = new StringJoiner("; ").add(all.describe());
    new java.util.TreeMap<>(perNode)
        .forEach((n, latency) -> text.add("node " + n + ": " + latency.describe()));
    return text.toString();
  }

  @Override
  public void close() {
    if (single != null) {
      single.close();
    } else {
      cluster.close();
    }
  }
}
