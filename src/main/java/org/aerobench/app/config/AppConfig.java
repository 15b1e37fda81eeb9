package org.aerobench.app.config;

import java.util.List;
import java.util.Map;
import org.aerobench.client.ClientSettings;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.cluster.NodeLatency;

/**
 * Every knob of the target app, typed and validated once at startup by {@link ConfigLoader}. The
 * defaults live in {@link ConfigKey}; {@code conf/app.properties} documents each one.
 *
 * <p>The Aerospike part is the client's own {@link ClientSettings} (one place per client knob;
 * ConfigLoader resolves app conventions such as "event loop count 0 = cores" while building it).
 * ClientSettings always names at least one host, so "no hosts configured = start the embedded
 * server" is kept in {@link Embedded#enabled()}; until that server is started, the settings hold
 * the client's default host, which {@code AppStack} replaces by the server's address.
 *
 * @param aerospike how to reach and call the cluster
 * @param http where the app listens
 * @param limits in-flight bound per client style and the inference executor
 * @param model which inference engine and which weight seed
 * @param embedded whether the embedded server (or cluster) is started, its nodes, port and latency
 * @param ready when /ready reports the cluster unreachable
 * @param slowdown a test-only delay added to one style's reads (the gate's power check)
 */
public record AppConfig(
    ClientSettings aerospike,
    Http http,
    Limits limits,
    Model model,
    Embedded embedded,
    Ready ready,
    Slowdown slowdown) {

  /**
   * A deliberately slower code path for one style, for measuring whether the gate catches a
   * regression of known size: every read of that style completes {@code ms} later (after the
   * Aerospike reply, without holding the style's thread, permit or event-loop slot). Off by
   * default.
   *
   * @param style {@code none} or a style name
   * @param ms the added delay, fractions allowed
   */
  public record Slowdown(String style, double ms) {

    public static final Slowdown NONE = new Slowdown("none", 0);

    public boolean active() {
      return !style.equals("none") && ms > 0;
    }

    /** "off", or e.g. "async +1.2 ms per read". */
    public String describe() {
      return active()
          ? String.format(java.util.Locale.ROOT, "%s +%s ms per read", style, ms)
          : "off";
    }
  }

  /** Bind address and port of the HTTP server. */
  public record Http(String bindAddress, int port) {}

  /**
   * Admission, deadlines and executor bounds.
   *
   * @param inFlightLimit requests admitted at once per client style; 0 = derived from each style's
   *     own concurrency ({@link #admitted})
   * @param requestDeadlineMs each request's deadline from its arrival: time queued in the app
   *     included, and the Aerospike calls get what is left of it. Default 1000
   * @param inFlightMaxWaiting requests allowed to wait for admission; past it a 503 comes at once;
   *     0 = derived, 4 x the admitted limit
   * @param inferenceThreads threads of the executor running features, inference and response; 0 =
   *     cores
   * @param inferenceQueue tasks that executor may queue; past it a 503
   */
  public record Limits(
      int inFlightLimit,
      int requestDeadlineMs,
      int inFlightMaxWaiting,
      int inferenceThreads,
      int inferenceQueue) {

    /** The inference executor's threads (0 = one per core). */
    public int computeThreads() {
      return inferenceThreads > 0 ? inferenceThreads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Requests one client style may have admitted at once. Configured ({@code inflight.limit} &gt;
     * 0): the same bound for every style, so none is favoured by a larger one. Derived (0): the
     * style's own concurrency, past which an admitted request could only queue inside the app: the
     * sync pool's threads, the virtual style's permits, the async style's commands in process (all
     * {@code aerospike.concurrency.limit} unless overridden). One bound per style, never a shared
     * one: a style that saturates must not make another style's requests wait or be shed, or a
     * comparison would measure their interference.
     */
    public int admitted(String style, ClientSettings aerospike) {
      if (inFlightLimit > 0) {
        return inFlightLimit;
      }
      return switch (style) {
        case "virtual" -> aerospike.virtualMaxConcurrent();
        case "async" -> aerospike.asyncMaxCommands();
        default -> aerospike.syncPoolThreads();
      };
    }

    /** Requests of one style allowed to wait for admission (0 = 4 x {@link #admitted}). */
    public int waiting(String style, ClientSettings aerospike) {
      return inFlightMaxWaiting > 0 ? inFlightMaxWaiting : 4 * admitted(style, aerospike);
    }
  }

  /**
   * When /ready says the cluster is unreachable besides "no node in the client's cluster".
   *
   * @param failureWindowMs reads (requests' or the probe's) failing or timing out without a success
   *     for longer than this make /ready 503. Default 2000
   * @param probeIntervalMs how often the app probes the cluster with one small read, so that /ready
   *     finds out without traffic, and recovers by itself. Default 500
   */
  public record Ready(int failureWindowMs, int probeIntervalMs) {}

  /**
   * Inference engine name ({@code java}), the weight seed, and whether to run the engine until its
   * JIT is warm (in the background; /ready waits for it) before calling the model loaded.
   */
  public record Model(String engine, long seed, boolean warmUp) {}

  /**
   * The embedded server, or with {@code nodes} above 1 an embedded cluster.
   *
   * @param enabled true when no Aerospike hosts are configured: the serve command starts (and
   *     seeds) the embedded server and points the client at it
   * @param port its port (a cluster's node 1; the next nodes take the ports after it); 0 = any free
   *     port
   * @param latencyFixedMs fixed latency added to every command, in ms (fractions allowed); 0 = none
   * @param latencyMedianMs log-normal latency median in ms; 0 = none
   * @param latencyP99Ms log-normal latency p99 in ms; 0 = none
   * @param nodes 1 = the one-node server; 2..8 = an embedded cluster of that many nodes
   * @param replicationFactor copies of each partition, 1..nodes; 0 = min(2, nodes)
   * @param nodeLatency per-node latency in {@link NodeLatency}'s form, overriding the latency above
   *     for the nodes it names; empty = none
   */
  public record Embedded(
      boolean enabled,
      int port,
      double latencyFixedMs,
      double latencyMedianMs,
      double latencyP99Ms,
      int nodes,
      int replicationFactor,
      String nodeLatency) {

    /** One node, the default replication, no per-node latency. */
    public Embedded(
        boolean enabled,
        int port,
        double latencyFixedMs,
        double latencyMedianMs,
        double latencyP99Ms) {
      this(enabled, port, latencyFixedMs, latencyMedianMs, latencyP99Ms, 1, 0, "");
    }

    public Embedded {
      nodeLatency = nodeLatency == null ? "" : nodeLatency.trim();
    }

    /**
     * The injected latency these values ask for.
     *
     * @throws IllegalArgumentException from {@link Latency#fromMillis} when the values break its
     *     rules ({@link ConfigLoader#checkedEmbedded} turns that into a refusal naming the keys)
     */
    public Latency latency() {
      return Latency.fromMillis(given(latencyFixedMs), given(latencyMedianMs), given(latencyP99Ms));
    }

    /** The replication factor the cluster starts with: the configured one, else min(2, nodes). */
    public int replicas() {
      return replicationFactor > 0 ? replicationFactor : Math.min(2, nodes);
    }

    /**
     * The latency of the nodes (1-based) that have their own.
     *
     * @throws IllegalArgumentException from {@link NodeLatency#parse}, naming the key, the entry
     *     and the rule (e.g. a node above {@code nodes})
     */
    public Map<Integer, Latency> nodeLatencies() {
      return NodeLatency.parse("embedded.node.latency", nodeLatency, nodes);
    }

    /** This section with another latency for every node (per-node latency kept). */
    public Embedded withLatency(double fixedMs, double medianMs, double p99Ms) {
      return new Embedded(
          enabled, port, fixedMs, medianMs, p99Ms, nodes, replicationFactor, nodeLatency);
    }

    /** This section once the server runs and the client is pointed at it: not started again. */
    public Embedded started() {
      return new Embedded(
          false,
          port,
          latencyFixedMs,
          latencyMedianMs,
          latencyP99Ms,
          nodes,
          replicationFactor,
          nodeLatency);
    }

    private static Double given(double ms) {
      return ms == 0 ? null : ms;
    }
  }

  /** A copy with another HTTP port (the serve command's --port, tests' port 0). */
  public AppConfig withPort(int port) {
    return new AppConfig(
        aerospike, new Http(http.bindAddress(), port), limits, model, embedded, ready, slowdown);
  }

  /**
   * A copy talking to other Aerospike hosts (e.g. the embedded server's address once it is
   * started); like a config naming hosts, it asks for no embedded server.
   */
  public AppConfig withHosts(List<String> hosts) {
    return new AppConfig(
        aerospike.toBuilder().hosts(hosts).build(),
        http,
        limits,
        model,
        embedded.started(),
        ready,
        slowdown);
  }

  /** A copy with another embedded-server section (e.g. another latency injection). */
  public AppConfig withEmbedded(Embedded newEmbedded) {
    return new AppConfig(aerospike, http, limits, model, newEmbedded, ready, slowdown);
  }

  /** A copy with other limits. */
  public AppConfig withLimits(Limits newLimits) {
    return new AppConfig(aerospike, http, newLimits, model, embedded, ready, slowdown);
  }

  /** A copy with other readiness rules. */
  public AppConfig withReady(Ready newReady) {
    return new AppConfig(aerospike, http, limits, model, embedded, newReady, slowdown);
  }
}
