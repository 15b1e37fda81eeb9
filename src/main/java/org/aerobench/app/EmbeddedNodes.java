package org.aerobench.app;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.cluster.EmbeddedCluster;
import org.aerobench.embedded.info.NodeStats;

/**
 * The embedded Aerospike this process started for the app, as nodes 1..{@link #size()}: the
 * one-node {@link EmbeddedAerospike} or an {@link EmbeddedCluster}. Seeding, latency, GET /info and
 * the embedded-node metrics read it the same way whichever of the two runs.
 */
public sealed interface EmbeddedNodes extends AutoCloseable {

  /** Nodes configured, whatever their state. */
  int size();

  int replicationFactor();

  /** Every node's {@code host:port}, the form of {@code aerospike.hosts}. */
  List<String> seeds();

  /** Node {@code n}'s (1-based) id, as the client names it. */
  String nodeId(int n);

  /** Whether node {@code n} answers: not stopped, not frozen. */
  boolean up(int n);

  /** Node {@code n}'s counters since it was created. */
  NodeStats stats(int n);

  /** Every node's latency from now on, then the nodes in {@code perNode} their own. */
  void setLatency(Latency all, Map<Integer, Latency> perNode);

  /** Stops every node. Idempotent. */
  @Override
  void close();

  /**
   * The injected latency as {@code /info} and the start line say it: {@code off}, {@code fixed 2
   * ms}, or with per-node latency e.g. {@code off; node 3: log-normal median 20 ms, p99 100 ms}.
   */
  static String describe(Latency all, Map<Integer, Latency> perNode) {
    if (perNode.isEmpty()) {
      return all.describe();
    }
    StringJoiner text = new StringJoiner("; ").add(all.describe());
    perNode.forEach((n, latency) -> text.add("node " + n + ": " + latency.describe()));
    return text.toString();
  }

  /** The one-node server. */
  static EmbeddedNodes of(EmbeddedAerospike server) {
    return new Single(server);
  }

  static EmbeddedNodes of(EmbeddedCluster cluster) {
    return new Cluster(cluster);
  }

  /**
   * The one-node server. It has no state to ask, so {@link #up} says only whether it was closed
   * through this view (a test that closes the server itself to emulate an outage still reads 1; the
   * cluster's nodes report stop and freeze as they happen).
   */
  final class Single implements EmbeddedNodes {
    private final EmbeddedAerospike server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Single(EmbeddedAerospike server) {
      this.server = server;
    }

    EmbeddedAerospike server() {
      return server;
    }

    @Override
    public int size() {
      return 1;
    }

    @Override
    public int replicationFactor() {
      return 1;
    }

    @Override
    public List<String> seeds() {
      return List.of(server.host() + ":" + server.port());
    }

    @Override
    public String nodeId(int n) {
      check(n);
      return server.nodeId();
    }

    @Override
    public boolean up(int n) {
      check(n);
      return !closed.get();
    }

    @Override
    public NodeStats stats(int n) {
      check(n);
      return server.stats();
    }

    @Override
    public void setLatency(Latency all, Map<Integer, Latency> perNode) {
      server.setLatency(perNode.getOrDefault(1, all));
    }

    @Override
    public void close() {
      closed.set(true);
      server.close();
    }

    private static void check(int n) {
      if (n != 1) {
        throw new IllegalArgumentException("node " + n + " does not exist; there is node 1");
      }
    }
  }

  /** An embedded cluster of 2..8 nodes. */
  final class Cluster implements EmbeddedNodes {
    private final EmbeddedCluster cluster;

    private Cluster(EmbeddedCluster cluster) {
      this.cluster = cluster;
    }

    EmbeddedCluster cluster() {
      return cluster;
    }

    @Override
    public int size() {
      return cluster.size();
    }

    @Override
    public int replicationFactor() {
      return cluster.replicationFactor();
    }

    @Override
    public List<String> seeds() {
      return cluster.seeds();
    }

    @Override
    public String nodeId(int n) {
      return cluster.nodeId(n);
    }

    @Override
    public boolean up(int n) {
      return cluster.state(n) == EmbeddedCluster.State.UP;
    }

    @Override
    public NodeStats stats(int n) {
      return cluster.stats(n);
    }

    @Override
    public void setLatency(Latency all, Map<Integer, Latency> perNode) {
      cluster.setLatency(all);
      perNode.forEach(cluster::setLatency);
    }

    @Override
    public void close() {
      cluster.close();
    }
  }
}
