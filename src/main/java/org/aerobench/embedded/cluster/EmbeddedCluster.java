package org.aerobench.embedded.cluster;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.NodeSetup;
import org.aerobench.embedded.info.NodeStats;
import org.aerobench.embedded.info.Topology;
import org.aerobench.embedded.net.NodeGate;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.store.Store;
import org.aerobench.embedded.wire.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N embedded nodes in one JVM that the unmodified client tends as an AP-mode Community Edition
 * cluster: each node has its own loopback port, node id, peers list and share of the 4096
 * partitions ({@link PartitionTable}), and nodes can be stopped, restarted and frozen while load
 * runs.
 *
 * <pre>{@code
 * try (EmbeddedCluster cluster = EmbeddedCluster.start(ClusterConfig.of(EmbeddedConfig.defaults(), 3))) {
 *   AerospikeClient client = new AerospikeClient(cluster.host(), cluster.port(1));
 *   cluster.stop(2);
 *   ...
 * }
 * }</pre>
 *
 * <p>How close to a real cluster, and where it differs:
 *
 * <ul>
 *   <li>The nodes share one in-memory store. A node sent a key whose partition it holds no copy of
 *       answers it as a server would after proxying it to the owner. Replication and migration are
 *       therefore instant and complete.
 *   <li>Stop: the node's sockets close at once; the others drop it after the heartbeat timeout and
 *       take over its partitions (the generations move). A partition whose every copy was on the
 *       stopped node (replication factor 1) loses its records: they read as not found until written
 *       again. A restarted node comes back empty with its old id and port, rejoins at once and gets
 *       its partitions back, filled from the copies that survived.
 *   <li>Freeze: the node accepts but answers nothing ({@link NodeGate}). After the heartbeat
 *       timeout the others drop it and take over its partitions; it rejoins when it thaws. Its
 *       records are kept (a real frozen node keeps them too, but with replication factor 1 a real
 *       cluster would answer not found for them while it is out; this one still finds them).
 * </ul>
 *
 * Control from code ({@link #stop}, {@link #start(int)}, {@link #freeze}, {@link #thaw}), from any
 * node's loopback info command {@code aerobench-cluster} ({@link ClusterControl}), or from the
 * launcher's standard input.
 */
public final class EmbeddedCluster implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

  /** Longest an info-driven stop or start waits for the node's threads before it answers. */
  private static final Duration CONTROL_WAIT = Duration.ofSeconds(15);

  /** What a node is doing. */
  public enum State {
    UP,
    FROZEN,
    STOPPED
  }

  private final ClusterConfig config;
  private final Store store;
  private final Node[] nodes;
  private final long[] seeds;
  private final ScheduledExecutorService control;
  private final ClusterControl commands = new ClusterControl(this);
  private volatile PartitionTable table;

  /**
   * How long a node keeps serving scans of the partitions a rebalance took from it. A server hands
   * a partition over only when its migration ends and clients see the new map at their next tend
   * (every second by default); here a rebalance is instant, so without this a client scanning at
   * that moment would be sent unavailable partitions it cannot place yet.
   */
  static final Duration HANDOVER = Duration.ofSeconds(2);

  private volatile Handover handover; // the table before the last rebalance, until when

  private record Handover(PartitionTable before, long untilNanos) {}

  private volatile long generation = 1;
  private boolean closed;

  /** One node: what survives its restarts, and the server while it runs. */
  private final class Node {
    final int number; // 1-based
    final String id;
    final NodeStats stats = new NodeStats();
    final NodeGate gate = new NodeGate();
    final NodeView view;
    int port;
    volatile Latency latency;
    volatile State state = State.STOPPED;
    volatile boolean member;
    EmbeddedAerospike server;
    long freezeToken; // a later freeze or thaw cancels an earlier scheduled thaw or drop

    Node(int number, String id) {
      this.number = number;
      this.id = id;
      this.view = new NodeView(EmbeddedCluster.this, number - 1);
    }
  }

  private EmbeddedCluster(ClusterConfig config) {
    this.config = config;
    EmbeddedConfig base = config.node();
    this.store = new Store(base.namespaces(), base.namespacePolicy());
    this.nodes = new Node[config.nodes()];
    this.seeds = new long[config.nodes()];
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < nodes.length; i++) {
      int port = config.portOf(i + 1);
      // Like a server's (from its MAC address and port), a node's id is the same every time it
      // starts on the same host and port, and so is the partition split: a run can be repeated.
      // Ports chosen at bind time (0) get random ids.
      long id = port == 0 ? random.nextLong() : stableId(base.host(), port);
      nodes[i] = new Node(i + 1, String.format("%016X", id));
      nodes[i].port = port;
      nodes[i].latency = config.latencyOf(i + 1);
      seeds[i] = PartitionTable.score(id, Wire.PARTITIONS);
    }
    this.control =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "embedded-cluster-control");
              t.setDaemon(true);
              return t;
            });
  }

  /** A 64-bit id from host and port (SplitMix64 over their hash). */
  static long stableId(String host, int port) {
    return PartitionTable.score(((long) host.hashCode() << 32) ^ port, 0);
  }

  /**
   * Starts every node; when one cannot bind, those started are stopped again.
   *
   * @throws java.io.UncheckedIOException naming the port that could not be bound
   */
  public static EmbeddedCluster start(ClusterConfig config) {
    EmbeddedCluster cluster = new EmbeddedCluster(config);
    try {
      synchronized (cluster) {
        for (Node n : cluster.nodes) {
          cluster.bind(n);
          n.member = true;
        }
        cluster.rebalance("start");
      }
      int nsup = config.node().namespacePolicy().nsupPeriodSeconds();
      if (nsup > 0) { // nsup-period 0: nothing sweeps, like a server without nsup
        cluster.control.scheduleWithFixedDelay(
            () -> cluster.store.all().forEach(Namespace::sweepExpired),
            nsup,
            nsup,
            TimeUnit.SECONDS);
      }
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    log.info(
        "Embedded Aerospike cluster of {} nodes (replication factor {}) on {}: ports {}",
        config.nodes(),
        config.replicationFactor(),
        config.node().host(),
        cluster.ports());
    return cluster;
  }

  public String host() {
    return config.node().host();
  }

  /** Nodes configured, whatever their state. */
  public int size() {
    return nodes.length;
  }

  public int replicationFactor() {
    return config.replicationFactor();
  }

  /** Node {@code n}'s port (1-based); kept over restarts. */
  public int port(int n) {
    return node(n).port;
  }

  public List<Integer> ports() {
    List<Integer> ports = new ArrayList<>(nodes.length);
    for (Node n : nodes) {
      ports.add(n.port);
    }
    return ports;
  }

  /** {@code host:port} of every node, the form of {@code aerospike.hosts}. */
  public List<String> seeds() {
    return ports().stream().map(p -> host() + ":" + p).toList();
  }

  public String nodeId(int n) {
    return node(n).id;
  }

  public State state(int n) {
    return node(n).state;
  }

  public NodeStats stats(int n) {
    return node(n).stats;
  }

  /** The node (1-based) that is master of a partition now. */
  public int masterOf(int partition) {
    return table.master(partition) + 1;
  }

  /** Partitions changed hands this many times (the nodes' partition-generation). */
  public long generation() {
    return generation;
  }

  /** Live records in a namespace (expired ones not yet swept may be counted). */
  public long recordCount(String namespace) {
    return store.recordCount(namespace);
  }

  /** Every node's latency from now on (each node's own setting is replaced). */
  public synchronized void setLatency(Latency latency) {
    for (Node n : nodes) {
      setLatency(n, latency);
    }
  }

  /** One node's latency from now on; kept over its restarts. */
  public synchronized void setLatency(int n, Latency latency) {
    setLatency(node(n), latency);
  }

  private void setLatency(Node n, Latency latency) {
    n.latency = latency == null ? Latency.NONE : latency;
    if (n.server != null) {
      n.server.setLatency(n.latency);
    }
  }

  public Latency latency(int n) {
    return node(n).latency;
  }

  /**
   * Stops a node: its sockets close now; the others drop it after the heartbeat timeout. Records it
   * held the only copy of are gone.
   *
   * @throws IllegalStateException when it is stopped already or is the last node not stopped
   */
  public void stop(int n) {
    Node node = node(n);
    EmbeddedAerospike server;
    long token;
    synchronized (this) {
      checkStoppable(n);
      server = node.server;
      node.server = null;
      node.state = State.STOPPED;
      token = ++node.freezeToken;
      dropOnlyCopies(node);
    }
    // A frozen node's threads see the close without a thaw (they look every 100 ms), so they
    // never answer what waited: a stopped process does not either.
    server.close();
    node.gate.thaw(); // open for the next start
    log.info("Embedded cluster: node {} (port {}) stopped", n, node.port);
    scheduleDrop(node, token);
  }

  /** Throws, naming the rule, when {@link #stop} would refuse node {@code n} now. */
  synchronized void checkStoppable(int n) {
    if (node(n).state == State.STOPPED) {
      throw new IllegalStateException("node " + n + " is already stopped; start it first");
    }
    if (running() == 1) {
      throw new IllegalStateException(
          "node " + n + " is the last node running; a cluster needs at least one");
    }
  }

  /**
   * Restarts a stopped node on its old port with its old id; it rejoins at once, empty, and gets
   * its partitions back with the records that survived elsewhere.
   *
   * @throws IllegalStateException when it is not stopped
   * @throws java.io.UncheckedIOException when its port is taken meanwhile
   */
  public synchronized void start(int n) {
    Node node = node(n);
    if (node.state != State.STOPPED) {
      throw new IllegalStateException(
          "node " + n + " is " + describe(node.state) + "; stop it first");
    }
    bind(node);
    node.freezeToken++;
    if (!node.member) {
      node.member = true;
      rebalance("node " + n + " rejoined");
    }
    log.info("Embedded cluster: node {} (port {}) started", n, node.port);
  }

  /**
   * Freezes a node until {@link #thaw}: it accepts connections but answers nothing. The others drop
   * it after the heartbeat timeout.
   */
  public void freeze(int n) {
    freeze(n, null);
  }

  /** Freezes a node for {@code length}, then it thaws by itself (null = until {@link #thaw}). */
  public synchronized void freeze(int n, Duration length) {
    Node node = node(n);
    if (node.state != State.UP) {
      throw new IllegalStateException(
          "node " + n + " is " + describe(node.state) + "; only a node that is up can freeze");
    }
    if (length != null && (length.isNegative() || length.isZero())) {
      throw new IllegalArgumentException(
          "freeze length " + length.toMillis() + " ms must be above 0, e.g. ms=5000");
    }
    node.state = State.FROZEN;
    node.gate.freeze();
    long token = ++node.freezeToken;
    scheduleDrop(node, token);
    if (length != null) {
      control.schedule(() -> thawIf(node, token), length.toNanos(), TimeUnit.NANOSECONDS);
    }
    log.info(
        "Embedded cluster: node {} frozen{}",
        n,
        length == null ? "" : " for " + length.toMillis() + " ms");
  }

  /** Thaws a frozen node: it answers what waited, and rejoins if it had been dropped. */
  public synchronized void thaw(int n) {
    Node node = node(n);
    if (node.state != State.FROZEN) {
      throw new IllegalStateException("node " + n + " is " + describe(node.state) + ", not frozen");
    }
    thawNow(node);
  }

  private synchronized void thawIf(Node node, long token) {
    if (node.freezeToken == token && node.state == State.FROZEN) {
      thawNow(node);
    }
  }

  private void thawNow(Node node) {
    node.freezeToken++;
    node.state = State.UP;
    node.gate.thaw();
    if (!node.member) {
      node.member = true;
      rebalance("node " + node.number + " thawed and rejoined");
    }
    log.info("Embedded cluster: node {} thawed", node.number);
  }

  /** After the heartbeat timeout, a node still stopped or frozen leaves the others' view. */
  private void scheduleDrop(Node node, long token) {
    long nanos = config.heartbeatTimeout().toNanos();
    Runnable drop = () -> dropIf(node, token);
    if (nanos == 0) {
      drop.run();
    } else {
      control.schedule(drop, nanos, TimeUnit.NANOSECONDS);
    }
  }

  private synchronized void dropIf(Node node, long token) {
    if (closed || node.freezeToken != token || node.state == State.UP || !node.member) {
      return;
    }
    if (members() == 1) {
      return; // the last member stays in its own view
    }
    node.member = false;
    rebalance("node " + node.number + " left (" + describe(node.state) + ")");
  }

  /** Records of partitions whose only copy is on {@code node} (rf 1, or the others gone). */
  private void dropOnlyCopies(Node node) {
    PartitionTable now = table;
    int index = node.number - 1;
    boolean[] lost = new boolean[Wire.PARTITIONS];
    int count = 0;
    for (int p = 0; p < Wire.PARTITIONS; p++) {
      if (now.role(index, p) >= 0 && onlyCopy(now, index, p)) {
        lost[p] = true;
        count++;
      }
    }
    if (count == 0) {
      return;
    }
    long removed = 0;
    for (Namespace ns : store.all()) {
      long before = ns.size();
      ns.view().keySet().removeIf(d -> lost[d.partitionId()]);
      removed += before - ns.size();
    }
    log.info(
        "Embedded cluster: node {} held the only copy of {} partitions; {} records are gone",
        node.number,
        count,
        removed);
  }

  private boolean onlyCopy(PartitionTable now, int index, int partition) {
    for (int m : now.members()) {
      if (m != index && now.role(m, partition) >= 0 && nodes[m].state != State.STOPPED) {
        return false;
      }
    }
    return true;
  }

  private void bind(Node node) {
    EmbeddedConfig nodeConfig = config.node().withPort(node.port).withLatency(node.latency);
    NodeSetup setup =
        new NodeSetup(
            store,
            node.id,
            node.view,
            node.stats,
            node.gate,
            false, // the cluster sweeps its shared store itself, whichever nodes are up
            this::setLatency,
            this::setLatency);
    node.server = EmbeddedAerospike.start(nodeConfig, setup);
    node.port = node.server.port();
    node.state = State.UP;
    node.gate.thaw();
  }

  private void rebalance(String why) {
    List<Integer> in = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i].member) {
        in.add(i);
      }
    }
    int[] members = in.stream().mapToInt(Integer::intValue).toArray();
    PartitionTable before = table;
    if (before != null) {
      handover = new Handover(before, System.nanoTime() + HANDOVER.toNanos());
    }
    table = new PartitionTable(members, seeds, config.replicationFactor());
    generation++;
    log.info(
        "Embedded cluster: {}; {} nodes in, {} copies per partition, generation {}",
        why,
        members.length,
        table.copies(),
        generation);
  }

  private int running() {
    int up = 0;
    for (Node n : nodes) {
      if (n.state != State.STOPPED) {
        up++;
      }
    }
    return up;
  }

  private int members() {
    int in = 0;
    for (Node n : nodes) {
      if (n.member) {
        in++;
      }
    }
    return in;
  }

  private Node node(int n) {
    if (n < 1 || n > nodes.length) {
      throw new IllegalArgumentException(
          "node " + n + " does not exist; this cluster has nodes 1.." + nodes.length);
    }
    return nodes[n - 1];
  }

  private static String describe(State state) {
    return state.name().toLowerCase(java.util.Locale.ROOT);
  }

  // --- what NodeView asks on behalf of one node ---------------------------------------------

  PartitionTable table() {
    return table;
  }

  /** Node {@code index} holds a copy of the partition, or held one until a moment ago. */
  boolean servesScan(int index, int partition) {
    if (table.role(index, partition) != Topology.NONE) {
      return true;
    }
    Handover h = handover;
    return h != null
        && System.nanoTime() - h.untilNanos() < 0
        && h.before().role(index, partition) != Topology.NONE;
  }

  int memberCount() {
    return table.members().length;
  }

  /** {@code peers-clear-std} for node {@code index}: every other member, with its port. */
  String peersOf(int index) {
    StringBuilder sb = new StringBuilder();
    sb.append(generation).append(',').append(nodes[index].port).append(",[");
    boolean first = true;
    for (int m : table.members()) {
      if (m == index) {
        continue;
      }
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('[').append(nodes[m].id).append(",,[").append(host()).append(':');
      sb.append(nodes[m].port).append("]]");
    }
    return sb.append(']').toString();
  }

  /** Runs an info command's action; the node answering it is {@code from} (0-based). */
  String control(String params, int from) {
    return commands.answer(params, from + 1);
  }

  /**
   * Runs a stop or start for an info command off the I/O thread that asked (a node cannot join its
   * own threads), waiting for it unless the node asked to stop itself.
   */
  String runForInfo(Runnable action, boolean waitForIt) {
    Future<?> done = control.submit(action);
    if (!waitForIt) {
      return "ok";
    }
    try {
      done.get(CONTROL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      return "ok";
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    } catch (TimeoutException e) {
      return "ok (still in progress after " + CONTROL_WAIT.toSeconds() + " s)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "ok (interrupted while waiting)";
    }
  }

  /** One line per node: state, port, id, counters. */
  public String status() {
    StringBuilder sb = new StringBuilder();
    sb.append("nodes=").append(nodes.length);
    sb.append(";replication_factor=").append(config.replicationFactor());
    sb.append(";generation=").append(generation);
    for (Node n : nodes) {
      sb.append(";node").append(n.number).append('=').append(describe(n.state));
      sb.append(",member=").append(n.member).append(",port=").append(n.port);
      sb.append(",id=").append(n.id).append(",latency=").append(n.latency.describe());
      sb.append(',').append(n.stats.describe().replace(';', ','));
    }
    return sb.toString();
  }

  /** Stops every node and the control thread. Idempotent. */
  @Override
  public void close() {
    List<EmbeddedAerospike> servers = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      for (Node n : nodes) {
        if (n.server != null) {
          servers.add(n.server);
          n.server = null;
        }
        n.state = State.STOPPED;
        n.gate.thaw();
      }
    }
    control.shutdownNow();
    for (EmbeddedAerospike s : servers) {
      s.close();
    }
  }
}
