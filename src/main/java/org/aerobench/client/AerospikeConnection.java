package org.aerobench.client;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.async.EventLoopType;
import com.aerospike.client.async.EventLoops;
import com.aerospike.client.async.EventPolicy;
import com.aerospike.client.async.NettyEventLoops;
import com.aerospike.client.async.NioEventLoops;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.ClientPolicy;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The process's one Aerospike client and its event loops, built from {@link ClientSettings}. The
 * client is created with {@code failIfNotConnected=false}: opening succeeds while the cluster is
 * down, reads fail fast (within {@code totalTimeoutMs}) until it is back, and the client's tend
 * thread finds it again by itself. Close it once, at shutdown.
 *
 * <pre>{@code
 * try (AerospikeConnection connection = AerospikeConnection.open(settings)) {
 *   connection.awaitConnected(Duration.ofSeconds(5));
 *   Map<String, ClientStyle> styles = ClientStyles.create(connection, settings);
 *   ...
 * }
 * }</pre>
 */
public final class AerospikeConnection implements AutoCloseable {

  private final ClientSettings settings;
  private final EventLoops eventLoops;
  private final MultiThreadIoEventLoopGroup nettyGroup; // null for NIO
  private final IAerospikeClient client;

  private AerospikeConnection(
      ClientSettings settings,
      EventLoops eventLoops,
      MultiThreadIoEventLoopGroup nettyGroup,
      IAerospikeClient client) {
    this.settings = settings;
    this.eventLoops = eventLoops;
    this.nettyGroup = nettyGroup;
    this.client = client;
  }

  /**
   * Builds the event loops and the client. Does not wait for the cluster: see {@link
   * #awaitConnected}.
   *
   * @throws IllegalStateException when netty_epoll is asked for where epoll is unavailable
   */
  public static AerospikeConnection open(ClientSettings settings) {
    EventPolicy eventPolicy = new EventPolicy();
    eventPolicy.maxCommandsInProcess = settings.maxCommandsInProcess();
    eventPolicy.maxCommandsInQueue = settings.maxCommandsInQueue();

    MultiThreadIoEventLoopGroup group = null;
    EventLoops loops;
    switch (settings.eventLoopKind()) {
      case NIO -> loops = new NioEventLoops(eventPolicy, settings.eventLoopCount(), true, "as-nio");
      case NETTY_EPOLL -> {
        if (!Epoll.isAvailable()) {
          throw new IllegalStateException(
              "event loop kind netty_epoll needs the native epoll transport, which is unavailable"
                  + " here ("
                  + Epoll.unavailabilityCause()
                  + "); use nio");
        }
        group =
            new MultiThreadIoEventLoopGroup(
                settings.eventLoopCount(),
                new DefaultThreadFactory("as-epoll", true),
                EpollIoHandler.newFactory());
        loops = new NettyEventLoops(eventPolicy, group, EventLoopType.NETTY_EPOLL);
      }
      default -> throw new IllegalStateException("unhandled " + settings.eventLoopKind());
    }
    try {
      IAerospikeClient client =
          new AerospikeClient(clientPolicy(settings, loops), settings.aerospikeHosts());
      return new AerospikeConnection(settings, loops, group, client);
    } catch (RuntimeException e) {
      closeLoops(loops, group);
      throw e;
    }
  }

  /** The client policy the settings describe (also used by the seed command). */
  public static ClientPolicy clientPolicy(ClientSettings settings, EventLoops loops) {
    ClientPolicy policy = new ClientPolicy();
    policy.eventLoops = loops;
    policy.failIfNotConnected = false;
    policy.timeout = settings.connectTimeoutMs();
    policy.loginTimeout = Math.max(settings.connectTimeoutMs(), policy.loginTimeout);
    policy.tendInterval = settings.tendIntervalMs();
    policy.maxConnsPerNode = settings.maxConnsPerNode();
    policy.asyncMaxConnsPerNode = settings.asyncMaxConnsPerNode();
    policy.user = settings.user();
    policy.password = settings.password();
    policy.batchPolicyDefault = batchPolicy(settings);
    policy.readPolicyDefault.totalTimeout = settings.totalTimeoutMs();
    policy.readPolicyDefault.socketTimeout = settings.socketTimeoutMs();
    policy.readPolicyDefault.replica = settings.replica();
    return policy;
  }

  /**
   * A new batch policy with the settings' timeouts, retries, batch options and replica (read all
   * bins): every field a run's conditions record, set explicitly rather than left to the client
   * version's defaults.
   */
  public static BatchPolicy batchPolicy(ClientSettings settings) {
    BatchPolicy policy = new BatchPolicy();
    policy.totalTimeout = settings.totalTimeoutMs();
    policy.socketTimeout = settings.socketTimeoutMs();
    policy.maxRetries = settings.maxRetries();
    policy.sleepBetweenRetries = settings.sleepBetweenRetriesMs();
    policy.maxConcurrentThreads = settings.batchMaxConcurrentThreads();
    policy.allowInline = settings.batchAllowInline();
    policy.allowInlineSSD = settings.batchAllowInlineSsd();
    policy.respondAllKeys = settings.batchRespondAllKeys();
    policy.replica = settings.replica();
    return policy;
  }

  /** The client (thread-safe; shared by every style). */
  public IAerospikeClient client() {
    return client;
  }

  /** The settings this connection was opened with. */
  public ClientSettings settings() {
    return settings;
  }

  /** True when at least one node is up and answering the tend thread (cheap; for /ready). */
  public boolean isConnected() {
    return client.isConnected();
  }

  /**
   * Waits until {@link #isConnected()} and the client knows which node owns the namespace's
   * partitions, or the timeout passes. The client adds a node before its partition map arrives; a
   * write in between fails with "Node not found for partition".
   *
   * @return whether the cluster is connected and its partition map known
   */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!isConnected() || !partitionsKnown()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  private boolean partitionsKnown() {
    var partitions = client.getCluster().partitionMap;
    return partitions != null && partitions.containsKey(settings.namespace());
  }

  /** Closes the client, then the event loops (and the Netty group, waiting a bounded time). */
  @Override
  public void close() {
    try {
      client.close();
    } finally {
      closeLoops(eventLoops, nettyGroup);
    }
  }

  private static void closeLoops(EventLoops loops, MultiThreadIoEventLoopGroup group) {
    if (group == null) {
      loops.close();
    } else {
      // NettyEventLoops.close() would shut down with Netty's 2 s quiet period and not wait.
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }
}
