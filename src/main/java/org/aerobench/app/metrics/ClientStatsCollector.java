package org.aerobench.app.metrics;

import com.aerospike.client.async.EventLoopStats;
import com.aerospike.client.cluster.ClusterStats;
import com.aerospike.client.cluster.NodeStats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Aerospike client's own connection and event-loop state, read at scrape time from {@code
 * getClusterStats()}: how many connections each node's sync and async pools hold and use, and how
 * many async commands each event loop has in process and queued. Gauges rather than histograms: the
 * client keeps only current values. One collector for all three families, so that each scrape asks
 * the client once (the call walks every node and event loop) and the families agree.
 */
public final class ClientStatsCollector implements MultiCollector {

  private static final String CONNECTIONS = "aerospike_client_node_connections";
  private static final String EVENT_LOOP_COMMANDS = "aerospike_client_event_loop_commands";
  private static final String NODE_ERRORS = "aerospike_client_node_errors";

  private final Supplier<Map<String, ClusterStats>> stats;

  private ClientStatsCollector(Supplier<Map<String, ClusterStats>> stats) {
    this.stats = stats;
  }

  /**
   * Registers the client gauges; {@code stats} (one entry per AerospikeClient, by the {@code
   * client} label it gets: a style's name, or {@code shared}) is called once per scrape and may
   * throw.
   */
  public static void register(
      PrometheusRegistry registry, Supplier<Map<String, ClusterStats>> stats) {
    registry.register(new ClientStatsCollector(stats));
  }

  @Override
  public MetricSnapshots collect() {
    Map<String, ClusterStats> all = safe(stats);
    GaugeSnapshot.Builder connections =
        GaugeSnapshot.builder()
            .name(CONNECTIONS)
            .help("Connections per client, node and pool (sync|async) in use or idle in the pool");
    GaugeSnapshot.Builder loops =
        GaugeSnapshot.builder()
            .name(EVENT_LOOP_COMMANDS)
            .help(
                "Async commands per client and event loop: in process, or waiting in its bounded"
                    + " queue");
    CounterSnapshot.Builder errors =
        CounterSnapshot.builder()
            .name(NODE_ERRORS)
            .help("Command errors and timeouts per client and node since the client started");
    all.forEach(
        (client, s) -> {
          for (NodeStats n : s.nodes) {
            String node = n.node.getName();
            connections.dataPoint(
                gauge(
                    n.sync.inUse,
                    "client",
                    client,
                    "node",
                    node,
                    "pool",
                    "sync",
                    "state",
                    "in_use"));
            connections.dataPoint(
                gauge(
                    n.sync.inPool,
                    "client",
                    client,
                    "node",
                    node,
                    "pool",
                    "sync",
                    "state",
                    "in_pool"));
            if (n.async != null) {
              connections.dataPoint(
                  gauge(
                      n.async.inUse,
                      "client",
                      client,
                      "node",
                      node,
                      "pool",
                      "async",
                      "state",
                      "in_use"));
              connections.dataPoint(
                  gauge(
                      n.async.inPool,
                      "client",
                      client,
                      "node",
                      node,
                      "pool",
                      "async",
                      "state",
                      "in_pool"));
            }
            errors.dataPoint(
                counter(n.errorCount, "client", client, "node", node, "kind", "error"));
            errors.dataPoint(
                counter(n.timeoutCount, "client", client, "node", node, "kind", "timeout"));
          }
          if (s.eventLoops != null) {
            for (int i = 0; i < s.eventLoops.length; i++) {
              EventLoopStats loop = s.eventLoops[i];
              String index = Integer.toString(i);
              loops.dataPoint(
                  gauge(
                      loop.processSize,
                      "client",
                      client,
                      "event_loop",
                      index,
                      "state",
                      "in_process"));
              loops.dataPoint(
                  gauge(loop.queueSize, "client", client, "event_loop", index, "state", "queued"));
            }
          }
        });
    return MetricSnapshots.of(connections.build(), loops.build(), errors.build());
  }

  @Override
  public List<String> getPrometheusNames() {
    return List.of(CONNECTIONS, EVENT_LOOP_COMMANDS, NODE_ERRORS);
  }

  private static GaugeDataPointSnapshot gauge(double value, String... labels) {
    return GaugeDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build();
  }

  private static CounterDataPointSnapshot counter(double value, String... labels) {
    return CounterDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build();
  }

  // A scrape must not fail because the client is closing or the cluster is gone.
  private static Map<String, ClusterStats> safe(Supplier<Map<String, ClusterStats>> stats) {
    try {
      return stats.get();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }
}
