package org.aerobench.simulations.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.cluster.NodeLatency;

/**
 * Latency of single nodes of the emulated cluster ({@code -DnodeLatency=3:median-ms=20;p99-ms=100,
 * 2:fixed-ms=5}), instead of the latency every node gets ({@code -DlatencyFixedMs} and friends):
 * one slow node is what a client style's tail has to survive. Set through the info command {@code
 * aerobench-latency:node=<i>;...} once the app has seeded, as the cluster-wide latency is.
 *
 * @param spec as given, for the run conditions (blank when off)
 * @param byNode latency per node number (1..N), by node
 */
public record NodeLatencies(String spec, Map<Integer, Latency> byNode) {

  public static final NodeLatencies OFF = new NodeLatencies("", Map.of());

  public NodeLatencies {
    byNode = java.util.Collections.unmodifiableMap(new TreeMap<>(byNode));
  }

  public boolean isOff() {
    return byNode.isEmpty();
  }

  /**
   * Reads the per-node latency with the embedded cluster's own parser ({@link NodeLatency#parse}),
   * so that {@code -DnodeLatency} and {@code embedded-server --node-latency} cannot drift apart.
   *
   * @throws IllegalArgumentException naming {@code -DnodeLatency}, the entry, the rule and an
   *     example
   */
  public static NodeLatencies parse(String spec, int nodes) {
    try {
      return new NodeLatencies(spec.trim(), NodeLatency.parse("-DnodeLatency", spec, nodes));
    } catch (IllegalArgumentException e) {
      // The parser words its example for the command line (option, space, value).
      throw new IllegalArgumentException(
          e.getMessage().replace("-DnodeLatency ", "-DnodeLatency="), e);
    }
  }

  /** The info commands that set it, one per node, e.g. {@code aerobench-latency:node=3;...}. */
  public List<String> commands() {
    List<String> commands = new ArrayList<>();
    byNode.forEach(
        (node, latency) ->
            commands.add("aerobench-latency:node=" + node + ";" + commandParameters(latency)));
    return commands;
  }

  /** The parameters of {@code aerobench-latency}: {@code off}, {@code fixed-ms=2}, .... */
  static String commandParameters(Latency latency) {
    return switch (latency) {
      case Latency.None none -> "off";
      case Latency.Fixed fixed -> "fixed-ms=" + millis(fixed.delay());
      case Latency.LogNormal logNormal ->
          "median-ms=" + millis(logNormal.median()) + ";p99-ms=" + millis(logNormal.p99());
    };
  }

  /** For the run conditions: {@code off}, {@code node 3 log-normal ...; node 2 fixed 5 ms}. */
  public String describe() {
    if (isOff()) {
      return "off";
    }
    List<String> parts = new ArrayList<>();
    byNode.forEach((node, latency) -> parts.add("node " + node + " " + latency.describe()));
    return String.join("; ", parts);
  }

  /** As given (parameters.txt). */
  @Override
  public String toString() {
    return isOff() ? "off" : spec;
  }

  private static String millis(Duration d) {
    return BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString();
  }
}
