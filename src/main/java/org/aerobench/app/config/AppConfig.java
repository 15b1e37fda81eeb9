package org.aerobench.app.config;

import java.util.List;
import org.aerobench.client.ClientSettings;
import org.aerobench.client.EventLoopKind;

/**
 * Every knob of the target app, typed and validated once at startup by {@link ConfigLoader}. The
 * defaults live in {@link ConfigKey}; {@code conf/app.properties} documents each one.
 *
 * @param aerospike how to reach and call the cluster
 * @param http where the app listens
 * @param limits in-flight bound per client style and the inference executor
 * @param model which inference engine and which weight seed
 * @param embedded latency injected by the embedded server (only when it is started)
 */
public record AppConfig(
    Aerospike aerospike, Http http, Limits limits, Model model, Embedded embedded) {

  /** Cluster connection and client policies. */
  public record Aerospike(
      List<String> hosts,
      String namespace,
      String user,
      String password,
      int connectTimeoutMs,
      int totalTimeoutMs,
      int socketTimeoutMs,
      int maxRetries,
      int maxConnsPerNode,
      int tendIntervalMs,
      int syncPoolThreads,
      int syncQueueCapacity,
      int virtualMaxConcurrent,
      String eventLoopKind,
      int eventLoopCount,
      int maxCommandsInProcess,
      int maxCommandsInQueue) {

    public Aerospike {
      hosts = List.copyOf(hosts);
    }

    /** True when no hosts are configured: the serve command starts the embedded server. */
    public boolean embedded() {
      return hosts.isEmpty();
    }

    /** A copy pointing at other hosts (the embedded server's address once it is started). */
    public Aerospike withHosts(List<String> newHosts) {
      return new Aerospike(
          newHosts,
          namespace,
          user,
          password,
          connectTimeoutMs,
          totalTimeoutMs,
          socketTimeoutMs,
          maxRetries,
          maxConnsPerNode,
          tendIntervalMs,
          syncPoolThreads,
          syncQueueCapacity,
          virtualMaxConcurrent,
          eventLoopKind,
          eventLoopCount,
          maxCommandsInProcess,
          maxCommandsInQueue);
    }

    /** The client settings these values describe; event loop count 0 = the number of cores. */
    public ClientSettings toClientSettings() {
      ClientSettings.Builder b =
          ClientSettings.builder()
              .hosts(hosts)
              .namespace(namespace)
              .connectTimeoutMs(connectTimeoutMs)
              .totalTimeoutMs(totalTimeoutMs)
              .socketTimeoutMs(socketTimeoutMs)
              .maxRetries(maxRetries)
              .maxConnsPerNode(maxConnsPerNode)
              .tendIntervalMs(tendIntervalMs)
              .syncPoolThreads(syncPoolThreads)
              .syncQueueCapacity(syncQueueCapacity)
              .virtualMaxConcurrent(virtualMaxConcurrent)
              .eventLoopKind(EventLoopKind.fromConfigName(eventLoopKind.replace('-', '_')))
              .eventLoopCount(
                  eventLoopCount > 0 ? eventLoopCount : Runtime.getRuntime().availableProcessors())
              .maxCommandsInProcess(maxCommandsInProcess)
              .maxCommandsInQueue(maxCommandsInQueue);
      if (user != null) {
        b.credentials(user, password);
      }
      return b.build();
    }

    /** Never prints the password, so logging a config is always safe. */
    @Override
    public String toString() {
      return "Aerospike[hosts="
          + hosts
          + ", namespace="
          + namespace
          + ", user="
          + (user == null ? "<none>" : user)
          + ", password="
          + (password == null ? "<none>" : "***")
          + ", connectTimeoutMs="
          + connectTimeoutMs
          + ", totalTimeoutMs="
          + totalTimeoutMs
          + ", socketTimeoutMs="
          + socketTimeoutMs
          + ", maxRetries="
          + maxRetries
          + ", maxConnsPerNode="
          + maxConnsPerNode
          + ", tendIntervalMs="
          + tendIntervalMs
          + ", syncPoolThreads="
          + syncPoolThreads
          + ", syncQueueCapacity="
          + syncQueueCapacity
          + ", virtualMaxConcurrent="
          + virtualMaxConcurrent
          + ", eventLoopKind="
          + eventLoopKind
          + ", eventLoopCount="
          + eventLoopCount
          + ", maxCommandsInProcess="
          + maxCommandsInProcess
          + ", maxCommandsInQueue="
          + maxCommandsInQueue
          + "]";
    }
  }

  /** Bind address and port of the HTTP server. */
  public record Http(String bindAddress, int port) {}

  /**
   * Backpressure and executor bounds.
   *
   * @param inFlightLimit requests one client style serves at once
   * @param inFlightWaitMs how long a request past the limit waits for a slot before a 503
   * @param inFlightMaxWaiting requests allowed to wait per style; past it a 503 comes at once
   * @param inferenceThreads threads of the executor running features, inference and response
   * @param inferenceQueue tasks that executor may queue; past it a 503
   */
  public record Limits(
      int inFlightLimit,
      int inFlightWaitMs,
      int inFlightMaxWaiting,
      int inferenceThreads,
      int inferenceQueue) {}

  /**
   * Inference engine name ({@code java}), the weight seed, and whether to run the engine until its
   * JIT is warm (in the background; /ready waits for it) before calling the model loaded.
   */
  public record Model(String engine, long seed, boolean warmUp) {}

  /** Latency the embedded server adds to every command; all zero = none. */
  public record Embedded(int port, int latencyFixedMs, int latencyMedianMs, int latencyP99Ms) {}

  /** A copy with another HTTP port (the serve command's --port, tests' port 0). */
  public AppConfig withPort(int port) {
    return new AppConfig(aerospike, new Http(http.bindAddress(), port), limits, model, embedded);
  }

  /** A copy with other Aerospike hosts. */
  public AppConfig withHosts(List<String> hosts) {
    return new AppConfig(aerospike.withHosts(hosts), http, limits, model, embedded);
  }

  /** A copy with another embedded-server latency injection. */
  public AppConfig withEmbedded(Embedded newEmbedded) {
    return new AppConfig(aerospike, http, limits, model, newEmbedded);
  }

  /** A copy with other limits. */
  public AppConfig withLimits(Limits newLimits) {
    return new AppConfig(aerospike, http, newLimits, model, embedded);
  }
}
