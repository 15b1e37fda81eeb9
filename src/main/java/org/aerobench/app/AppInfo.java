package org.aerobench.app;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aerobench.app.config.AppConfig;
import org.aerobench.client.ClientSettings;
import org.aerobench.embedded.Latency;

/**
 * What the app runs against, for {@code GET /info}: the simulations record it in conditions.json,
 * so a run reports the backend the app is really connected to, not what the harness assumed. The
 * cluster part (nodes, build, edition) is asked of the cluster on every call.
 */
final class AppInfo {

  private final Map<String, Object> fixed;
  private final Backend backend;

  /**
   * @param embedded true when this process started the embedded server the client talks to
   * @param latency the embedded server's injected latency (ignored when not embedded)
   */
  AppInfo(AppConfig config, Backend backend, boolean embedded, Latency latency) {
    this.backend = backend;
    ClientSettings a = config.aerospike();
    Map<String, Object> aerospike = new LinkedHashMap<>();
    aerospike.put("embedded", embedded);
    aerospike.put("seed_hosts", a.hosts());
    aerospike.put("namespace", a.namespace());
    aerospike.put("latency_injection", embedded ? latency.describe() : "off");
    aerospike.put("total_timeout_ms", a.totalTimeoutMs());
    aerospike.put("client_per_style", a.clientPerStyle());
    Map<String, Object> styles = new LinkedHashMap<>();
    styles.put("sync", Map.of("pool_threads", a.syncPoolThreads(), "queue", a.syncQueueCapacity()));
    styles.put(
        "async",
        Map.of(
            "event_loops", a.eventLoopCount(),
            "event_loop_kind", a.eventLoopKind().configName(),
            "max_commands_in_process", a.maxCommandsInProcess(),
            "max_commands_in_queue", a.maxCommandsInQueue()));
    styles.put("virtual", Map.of("max_concurrent", a.virtualMaxConcurrent()));
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
    fixed.put("admission", admission);
    fixed.put("model", Map.of("engine", config.model().engine(), "seed", config.model().seed()));
    fixed.put("test_slowdown", config.slowdown().describe());
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
