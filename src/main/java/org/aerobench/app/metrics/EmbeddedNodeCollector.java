package org.aerobench.app.metrics;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.aerobench.embedded.info.NodeStats;

/**
 * The embedded server's own counters, per node, when the app runs it (or an embedded cluster) in
 * its own JVM: commands answered, the keys they named by the node's role for each key's partition,
 * whether the node answers, and its reply time. The server side of what {@link
 * ClientStatsCollector} shows from the client: a node that is slow or skipped shows here by its
 * number. Read at scrape time; the counters live as long as the node (a cluster keeps them over a
 * restart), so every family is cumulative.
 */
public final class EmbeddedNodeCollector implements MultiCollector {

  private static final String COMMANDS = "aerobench_embedded_node_commands";
  private static final String KEYS = "aerobench_embedded_node_keys";
  private static final String UP = "aerobench_embedded_node_up";
  private static final String REPLY = "aerobench_embedded_node_reply_seconds";

  /** Node numbers are 1-based, as the cluster's and {@code embedded.node.latency}'s. */
  public record Reading(int node, boolean up, NodeStats stats) {}

  private final Supplier<List<Reading>> readings;

  private EmbeddedNodeCollector(Supplier<List<Reading>> readings) {
    this.readings = readings;
  }

  /** Registers the families; {@code readings} is called once per scrape and may throw. */
  public static void register(PrometheusRegistry registry, Supplier<List<Reading>> readings) {
    registry.register(new EmbeddedNodeCollector(readings));
  }

  @Override
  public MetricSnapshots collect() {
    CounterSnapshot.Builder commands =
        CounterSnapshot.builder()
            .name(COMMANDS)
            .help("Record and batch commands (AS_MSG) the embedded node answered");
    CounterSnapshot.Builder keys =
        CounterSnapshot.builder()
            .name(KEYS)
            .help(
                "Keys the embedded node was sent, by its role for the key's partition: master,"
                    + " replica, or proxied (it holds no copy; a real server would forward it)");
    GaugeSnapshot.Builder up =
        GaugeSnapshot.builder()
            .name(UP)
            .help("1 while the embedded node answers, 0 while it is stopped or frozen");
    SummarySnapshot.Builder reply =
        SummarySnapshot.builder()
            .name(REPLY)
            .unit(Unit.SECONDS)
            .help(
                "Embedded node's time from a request's last byte to its reply, injected latency"
                    + " included; quantiles over the node's life (2 significant digits)");
    for (Reading r : safe(readings)) {
      String node = Integer.toString(r.node());
      NodeStats s = r.stats();
      commands.dataPoint(counter(s.commands(), "node", node));
      keys.dataPoint(counter(s.keysMaster(), "node", node, "role", "master"));
      keys.dataPoint(counter(s.keysReplica(), "node", node, "role", "replica"));
      keys.dataPoint(counter(s.keysProxied(), "node", node, "role", "proxied"));
      up.dataPoint(
          GaugeDataPointSnapshot.builder()
              .value(r.up() ? 1 : 0)
              .labels(Labels.of("node", node))
              .build());
      reply.dataPoint(summary(s.latencyMicros(), node));
    }
    return MetricSnapshots.of(commands.build(), keys.build(), up.build(), reply.build());
  }

  @Override
  public List<String> getPrometheusNames() {
    return List.of(COMMANDS, KEYS, UP, REPLY);
  }

  private static SummaryDataPointSnapshot summary(Histogram micros, String node) {
    long count = micros.getTotalCount();
    // No exact sum is kept; the histogram's mean is within its 2 significant digits.
    double sumSeconds = count == 0 ? 0 : micros.getMean() * count / 1e6;
    return SummaryDataPointSnapshot.builder()
        .count(count)
        .sum(sumSeconds)
        .quantiles(
            Quantiles.of(
                new Quantile(0.5, seconds(micros, 50)), new Quantile(0.99, seconds(micros, 99))))
        .labels(Labels.of("node", node))
        .build();
  }

  /** NaN before the first reply, as Prometheus summaries say "no observation". */
  private static double seconds(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1e6;
  }

  private static CounterDataPointSnapshot counter(double value, String... labels) {
    return CounterDataPointSnapshot.builder().value(value).labels(Labels.of(labels)).build();
  }

  // A scrape must not fail because a node is stopping or the cluster is closing.
  private static List<Reading> safe(Supplier<List<Reading>> readings) {
    try {
      return readings.get();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
