package org.aerobench.embedded;

import java.util.function.Consumer;
import org.aerobench.embedded.info.LatencyControl;
import org.aerobench.embedded.info.NodeStats;
import org.aerobench.embedded.info.Topology;
import org.aerobench.embedded.net.NodeGate;
import org.aerobench.embedded.store.Store;

/**
 * What a node of a cluster brings to {@link EmbeddedAerospike#start(EmbeddedConfig, NodeSetup)}
 * instead of making its own: the records (shared by the cluster's nodes), its id and view of the
 * cluster, its counters and its freeze gate, all of which outlive a restart.
 *
 * @param sweeps whether this node sweeps expired records (one node of a shared store is enough)
 * @param setAllLatency what {@code aerobench-latency} without {@code node=} sets: every node's
 * @param setNodeLatency what {@code aerobench-latency:node=<n>;...} sets
 */
public record NodeSetup(
    Store store,
    String nodeId,
    Topology topology,
    NodeStats stats,
    NodeGate gate,
    boolean sweeps,
    Consumer<Latency> setAllLatency,
    LatencyControl.NodeSetter setNodeLatency) {

  public NodeSetup {
    if (store == null
        || nodeId == null
        || topology == null
        || stats == null
        || gate == null
        || setAllLatency == null
        || setNodeLatency == null) {
      throw new IllegalArgumentException("a node setup needs every part");
    }
  }
}
