package org.aerobench.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.aerobench.embedded.info.InfoHandler;
import org.aerobench.embedded.info.LatencyControl;
import org.aerobench.embedded.info.NodeStats;
import org.aerobench.embedded.info.Topology;
import org.aerobench.embedded.net.Acceptor;
import org.aerobench.embedded.net.BufferBudget;
import org.aerobench.embedded.net.LoopGroup;
import org.aerobench.embedded.net.NodeGate;
import org.aerobench.embedded.net.ServerContext;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory server that the official Aerospike Java client sees as a one-node cluster.
 *
 * <pre>{@code
 * try (EmbeddedAerospike server = EmbeddedAerospike.start(EmbeddedConfig.defaults())) {
 *   AerospikeClient client = new AerospikeClient(server.host(), server.port());
 *   ...
 * }
 * }</pre>
 *
 * Non-blocking I/O on {@link EmbeddedConfig#ioThreads()} selector threads, one thread that accepts
 * connections (so nothing that goes wrong while serving stops acceptance), one scheduler thread for
 * delayed replies (latency injection) and one that sweeps expired records every nsup-period
 * seconds. What clients can make it hold is bounded by {@link ServerLimits}.
 */
public final class EmbeddedAerospike implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedAerospike.class);

  private final EmbeddedConfig config;
  private final Store store;
  private final String nodeId;
  private final ServerSocketChannel serverChannel;
  private final LoopGroup loops;
  private final Thread acceptor;
  private final BufferBudget budget;
  private final ScheduledExecutorService scheduler;
  private final ScheduledExecutorService sweeper;
  private final AtomicInteger openConnections = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final NodeStats stats;
  private volatile Latency latency;
  private final int port;

  private EmbeddedAerospike(EmbeddedConfig config, NodeSetup setup) throws IOException {
    this.config = config;
    this.latency = config.latency();
    this.store =
        setup != null ? setup.store() : new Store(config.namespaces(), config.namespacePolicy());
    this.nodeId = setup != null ? setup.nodeId() : newNodeId();
    this.stats = setup != null ? setup.stats() : new NodeStats();
    this.budget = new BufferBudget(config.limits().maxBufferedBytes());
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "embedded-aerospike-latency"));
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "embedded-aerospike-sweeper"));
    this.serverChannel = ServerSocketChannel.open();
    LoopGroup group = null;
    try {
      // a restarted cluster node binds its old port again while closed sockets sit in TIME_WAIT
      serverChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      serverChannel.bind(new InetSocketAddress(config.host(), config.port()), 1024);
      this.port = ((InetSocketAddress) serverChannel.getLocalAddress()).getPort();
      Topology topology = setup != null ? setup.topology() : Topology.single(port);
      InfoHandler info =
          new InfoHandler(
              nodeId,
              config.host(),
              port,
              config.clusterName(),
              store,
              openConnections::get,
              setup == null
                  ? new LatencyControl(() -> latency, this::setLatency, config.host())
                  : new LatencyControl(
                      () -> latency, setup.setAllLatency(), setup.setNodeLatency(), config.host()),
              topology,
              stats);
      ServerContext ctx =
          new ServerContext(
              store,
              info,
              () -> latency,
              scheduler,
              openConnections,
              config.maxFrameBytes(),
              config.limits(),
              budget,
              topology,
              stats,
              setup != null ? setup.gate() : new NodeGate());
      group = new LoopGroup(ctx, config.ioThreads(), "embedded-aerospike-io-" + port + "-");
      group.start();
      this.loops = group;
      this.acceptor =
          daemon(new Acceptor(serverChannel, loops, ctx), "embedded-aerospike-accept-" + port);
      acceptor.start();
      int nsup = config.namespacePolicy().nsupPeriodSeconds();
      if (nsup > 0
          && (setup == null
              || setup.sweeps())) { // nsup-period 0: nothing sweeps, like a server without nsup
        sweeper.scheduleWithFixedDelay(this::sweepExpired, nsup, nsup, TimeUnit.SECONDS);
      }
    } catch (IOException | RuntimeException e) {
      serverChannel.close();
      if (group != null) {
        group.stop(); // each loop closes its selector on the way out
      }
      scheduler.shutdownNow();
      sweeper.shutdownNow();
      throw e;
    }
  }

  /**
   * Binds and starts serving.
   *
   * @throws UncheckedIOException if the address cannot be bound (e.g. the port is in use)
   */
  public static EmbeddedAerospike start(EmbeddedConfig config) {
    return start(config, null);
  }

  /**
   * Starts one node of a cluster on the setup's shared store, id, topology, counters and gate.
   *
   * @throws UncheckedIOException if the address cannot be bound (e.g. the port is in use)
   */
  public static EmbeddedAerospike start(EmbeddedConfig config, NodeSetup setup) {
    try {
      EmbeddedAerospike server = new EmbeddedAerospike(config, setup);
      log.info(
          "Embedded Aerospike node {} listening on {}:{} namespaces={} latency={}",
          server.nodeId,
          server.host(),
          server.port,
          config.namespaces(),
          config.latency().describe());
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on "
              + config.host()
              + ":"
              + config.port()
              + " ("
              + e.getMessage()
              + "); pick another port or stop what uses it",
          e);
    }
  }

  /** Starts with {@link EmbeddedConfig#defaults()}: 127.0.0.1, a free port, namespace test. */
  public static EmbeddedAerospike start() {
    return start(EmbeddedConfig.defaults());
  }

  public String host() {
    return config.host();
  }

  public int port() {
    return port;
  }

  /** The 16-hex-digit node id the {@code node} info command reports. */
  public String nodeId() {
    return nodeId;
  }

  /** Changes the delay added to each AS_MSG reply from now on. */
  public void setLatency(Latency newLatency) {
    this.latency = newLatency == null ? Latency.NONE : newLatency;
    log.info("Embedded Aerospike on {}:{} latency now {}", host(), port, latency.describe());
  }

  public Latency latency() {
    return latency;
  }

  /** Live records in a namespace (expired ones not yet swept may be counted). */
  public long recordCount(String namespace) {
    return store.recordCount(namespace);
  }

  /** This node's command and key counters and reply times. */
  public NodeStats stats() {
    return stats;
  }

  public int openConnections() {
    return openConnections.get();
  }

  /** Request and reply bytes clients make the server hold now (bounded by the limits). */
  public long bufferedBytes() {
    return budget.used();
  }

  /** Stops accepting, closes every connection and stops the threads. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      serverChannel.close();
    } catch (IOException e) {
      log.debug("Server channel close failed: {}", e.toString());
    }
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loops.stop();
    scheduler.shutdownNow();
    sweeper.shutdownNow();
    log.info("Embedded Aerospike on {}:{} stopped", host(), port);
  }

  /** Memory stays bounded by live data: expired records that nobody reads are dropped here. */
  private void sweepExpired() {
    for (Namespace ns : store.all()) {
      long removed = ns.sweepExpired();
      if (removed > 0) {
        log.debug("Swept {} expired records from {}", removed, ns.name());
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static String newNodeId() {
    byte[] id = new byte[8];
    new SecureRandom().nextBytes(id);
    return HexFormat.of().withUpperCase().formatHex(id);
  }
}
