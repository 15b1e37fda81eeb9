package org.aerobench.embedded.net;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.ServerLimits;
import org.aerobench.embedded.info.InfoHandler;
import org.aerobench.embedded.info.NodeStats;
import org.aerobench.embedded.info.Topology;
import org.aerobench.embedded.store.Store;

/**
 * What every I/O thread of one node shares. The store may be shared by the nodes of a cluster; the
 * topology, counters and gate are the node's own.
 */
public record ServerContext(
    Store store,
    InfoHandler info,
    Supplier<Latency> latency,
    ScheduledExecutorService scheduler,
    AtomicInteger openConnections,
    int maxFrameBytes,
    ServerLimits limits,
    BufferBudget budget,
    Topology topology,
    NodeStats stats,
    NodeGate gate) {

  /** A node alone: every partition its own, fresh counters, never frozen. */
  public ServerContext(
      Store store,
      InfoHandler info,
      Supplier<Latency> latency,
      ScheduledExecutorService scheduler,
      AtomicInteger openConnections,
      int maxFrameBytes,
      ServerLimits limits,
      BufferBudget budget) {
    this(
        store,
        info,
        latency,
        scheduler,
        openConnections,
        maxFrameBytes,
        limits,
        budget,
        Topology.single(0),
        new NodeStats(),
        new NodeGate());
  }
}
