package org.aerobench.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aerobench.app.config.AppConfig;
import org.aerobench.client.ClientSettings;

/**
 * What the app runs against, for {@code GET /info}: the simulations record it in conditions.json,
 * so a run reports the backend the app is really connected to, not what the harness assumed. The
 * cluster part (nodes, build, edition) is asked of the cluster on every call.
 */
final class AppInfo {

  private final Map<String, Object> fixed;
  private final Backend backend;

  /**
   * @param embedded the embedded server or cluster this process started and the client talks to, or
   *     null (its latency injection is the config's)
   */
  AppInfo(AppConfig config, Backend backend, EmbeddedNodes embedded) {
    this.backend = backend;
    ClientSettings a = config.aerospike();
    Map<String, Object> aerospike = new LinkedHashMap<>();
    aerospike.put("embedded", embedded != null);
    if (embedded != null) {
      aerospike.put("embedded_nodes", embedded.size());
      aerospike.put("embedded_replication_factor", embedded.replicationFactor());
    }
    aerospike.put("seed_hosts", a.hosts());
    aerospike.put("namespace", a.namespace());
    aerospike.put(
        "latency_injection",
        embedded != null
            ? EmbeddedNodes.describe(config.embedded().latency(), config.embedded().nodeLatencies())
            : "off");
    aerospike.put("total_timeout_ms", a.totalTimeoutMs());
    aerospike.put("client_per_style", a.clientPerStyle());
    aerospike.put("timeouts", timeouts(a));
    aerospike.put("batch_policy", batchPolicy(a));
    // The single-record read policy (the readiness probe) reads the same copy as the batches.
    aerospike.put("read_policy", ordered("replica", a.replica().name()));
    Map<String, Object> styles = new LinkedHashMap<>();
    styles.put(
        "sync",
        ordered(
            "limit", a.syncPoolThreads(),
            "pool_threads", a.syncPoolThreads(),
            "queue", a.syncQueueCapacity()));
    styles.put(
        "async",
        ordered(
            "limit", a.asyncMaxCommands(),
            "command_queue", a.asyncCommandQueue(),
            "event_loops", a.eventLoopCount(),
            "event_loop_kind", a.eventLoopKind().configName(),
            "max_commands_in_process", a.maxCommandsInProcess(),
            "max_commands_in_queue", a.maxCommandsInQueue()));
    styles.put(
        "virtual",
        ordered("limit", a.virtualMaxConcurrent(), "max_concurrent", a.virtualMaxConcurrent()));
    Map<String, Object> concurrency = new LinkedHashMap<>();
    concurrency.put("default", a.concurrencyLimit());
    Map<String, Object> perStyleLimit = new LinkedHashMap<>();
    styles.forEach((name, style) -> perStyleLimit.put(name, ((Map<?, ?>) style).get("limit")));
    concurrency.put("per_style", perStyleLimit);
    AppConfig.Limits limits = config.limits();
    Map<String, Object> admission = new LinkedHashMap<>();
    Map<String, Object> perStyle = new LinkedHashMap<>();
    for (String style : styles.keySet()) {
      perStyle.put(
          style,
          Map.of("limit", limits.admitted(style, a), "max_waiting", limits.waiting(style, a)));
    }
    admission.put("per_style", perStyle);
    admission.put("request_deadline_ms", limits.requestDeadlineMs());
    admission.put("inference_threads", limits.computeThreads());
    fixed = new LinkedHashMap<>();
    fixed.put("aerospike", aerospike);
    fixed.put("client_styles", styles);
    fixed.put("concurrency_limit", concurrency);
    fixed.put("admission", admission);
    fixed.put("model", Map.of("engine", config.model().engine(), "seed", config.model().seed()));
    fixed.put("test_slowdown", config.slowdown().describe());
  }

  /**
   * The timeouts and retries of every batch read. With the socket timeout at or above the total
   * timeout, an attempt that times out has used the whole budget: retries then never retry a
   * timeout, only failures that come early (a refused connection, a reset).
   */
  private static Map<String, Object> timeouts(ClientSettings a) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("connect_timeout_ms", a.connectTimeoutMs());
    t.put("total_timeout_ms", a.totalTimeoutMs());
    t.put("socket_timeout_ms", a.socketTimeoutMs());
    t.put("max_retries", a.maxRetries());
    t.put("sleep_between_retries_ms", a.sleepBetweenRetriesMs());
    t.put(
        "retries_can_follow_a_timeout",
        a.maxRetries() > 0 && a.socketTimeoutMs() < a.totalTimeoutMs());
    return t;
  }

  /**
   * The batch policy options that change how a batch call runs; with several nodes, which copy is
   * read ({@code replica}) and whether the nodes are asked one after another or at once.
   */
  private static Map<String, Object> batchPolicy(ClientSettings a) {
    return ordered(
        "max_concurrent_threads", a.batchMaxConcurrentThreads(),
        "allow_inline", a.batchAllowInline(),
        "allow_inline_ssd", a.batchAllowInlineSsd(),
        "respond_all_keys", a.batchRespondAllKeys(),
        "replica", a.replica().name());
  }

  /** A map keeping the order of its alternating key, value arguments. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** The fixed part with the cluster's current nodes, build and edition added to "aerospike". */
  Map<String, Object> snapshot() {
    Map<String, Object> out = new LinkedHashMap<>(fixed);
    @SuppressWarnings("unchecked")
    Map<String, Object> aerospike =
        new LinkedHashMap<>((Map<String, Object>) fixed.get("aerospike"));
    aerospike.putAll(backend.describeCluster());
    out.put("aerospike", aerospike);
    return out;
  }
}
