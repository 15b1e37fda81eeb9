package org.aerobench.app.metrics;

import com.aerospike.client.async.EventLoopStats;
import com.aerospike.client.cluster.ClusterStats;
import com.aerospike.client.cluster.NodeStats;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;

/**
 * The Aerospike client's own connection and event-loop state, read at scrape time from {@code
 * getClusterStats()}: how many connections each node's sync and async pools hold and use, and how
 * many async commands each event loop has in process and queued. Gauges rather than histograms: the
 * client keeps only current values.
 */
public final class ClientStatsCollector {

  private ClientStatsCollector() {}

  /** Registers the client gauges; {@code stats} is called once per scrape and may throw. */
  public static void register(PrometheusRegistry registry, Supplier<ClusterStats> stats) {
    GaugeWithCallback.builder()
        .name("aerospike_client_node_connections")
        .help("Connections per node and pool (sync|async) in use or idle in the pool")
        .labelNames("node", "pool", "state")
        .callback(
            cb -> {
              ClusterStats s = safe(stats);
              if (s == null) {
                return;
              }
              for (NodeStats n : s.nodes) {
                String node = n.node.getName();
                cb.call(n.sync.inUse, node, "sync", "in_use");
                cb.call(n.sync.inPool, node, "sync", "in_pool");
                if (n.async != null) {
                  cb.call(n.async.inUse, node, "async", "in_use");
                  cb.call(n.async.inPool, node, "async", "in_pool");
                }
              }
            })
        .register(registry);
    GaugeWithCallback.builder()
        .name("aerospike_client_event_loop_commands")
        .help("Async commands per event loop: in process, or waiting in its bounded queue")
        .labelNames("event_loop", "state")
        .callback(
            cb -> {
              ClusterStats s = safe(stats);
              if (s == null || s.eventLoops == null) {
                return;
              }
              for (int i = 0; i < s.eventLoops.length; i++) {
                EventLoopStats loop = s.eventLoops[i];
                cb.call(loop.processSize, Integer.toString(i), "in_process");
                cb.call(loop.queueSize, Integer.toString(i), "queued");
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("aerospike_client_node_errors")
        .help("Command errors and timeouts per node since the client started")
        .labelNames("node", "kind")
        .callback(
            cb -> {
              ClusterStats s = safe(stats);
              if (s == null) {
                return;
              }
              for (NodeStats n : s.nodes) {
                cb.call(n.errorCount, n.node.getName(), "error");
                cb.call(n.timeoutCount, n.node.getName(), "timeout");
              }
            })
        .register(registry);
  }

  // A scrape must not fail because the client is closing or the cluster is gone.
  private static ClusterStats safe(Supplier<ClusterStats> stats) {
    try {
      return stats.get();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
