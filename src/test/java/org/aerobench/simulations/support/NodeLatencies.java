package org.aerobench.simulations.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aerobench.embedded.Latency;

/**
 * Latency of single nodes of the emulated cluster ({@code -DnodeLatency=3:median-ms=20;p99-ms=100,
 * 2:fixed-ms=5}), on top of the latency every node gets ({@code -DlatencyFixedMs} and friends): one
 * slow node is what a client style's tail has to survive. Set through the info command {@code
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
   * Reads the per-node latency.
   *
   * <p>A stand-in for {@code org.aerobench.embedded.cluster.NodeLatency.parse(spec, nodes)} until
   * that lands: the same format, {@code <node>:<latency>} comma-separated, a latency being {@code
   * fixed-ms=X}, {@code median-ms=X;p99-ms=Y} or {@code off}.
   *
   * @throws IllegalArgumentException saying which node's part breaks which rule
   */
  public static NodeLatencies parse(String spec, int nodes) {
    Map<Integer, Latency> byNode = new TreeMap<>();
    for (String part : spec.split(",", -1)) {
      String[] nodeAndLatency = part.trim().split(":", 2);
      int node;
      try {
        node = Integer.parseInt(nodeAndLatency[0].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "'" + part.trim() + "' does not start with a node number and ':'");
      }
      if (node < 1 || node > nodes) {
        throw new IllegalArgumentException(
            "node " + node + " in '" + part.trim() + "' is outside 1.." + nodes + " (-Dnodes)");
      }
      if (nodeAndLatency.length < 2) {
        throw new IllegalArgumentException("node " + node + " has no latency after ':'");
      }
      if (byNode.put(node, latency(nodeAndLatency[1].trim(), node)) != null) {
        throw new IllegalArgumentException("node " + node + " is given twice");
      }
    }
    return new NodeLatencies(spec.trim(), byNode);
  }

  private static Latency latency(String text, int node) {
    if (text.equals("off")) {
      return Latency.NONE;
    }
    Double fixed = null;
    Double median = null;
    Double p99 = null;
    for (String pair : text.split(";")) {
      String[] kv = pair.trim().split("=", 2);
      double ms;
      try {
        ms = kv.length == 2 ? Double.parseDouble(kv[1].trim()) : Double.NaN;
      } catch (NumberFormatException e) {
        ms = Double.NaN;
      }
      if (Double.isNaN(ms)) {
        throw new IllegalArgumentException(
            "node " + node + ": '" + pair.trim() + "' is not <name>=<milliseconds>");
      }
      switch (kv[0].trim()) {
        case "fixed-ms" -> fixed = ms;
        case "median-ms" -> median = ms;
        case "p99-ms" -> p99 = ms;
        default ->
            throw new IllegalArgumentException(
                "node "
                    + node
                    + ": unknown '"
                    + kv[0].trim()
                    + "'; allowed: fixed-ms, or median-ms with p99-ms, or off");
      }
    }
    try {
      return Latency.fromMillis(fixed, median, p99);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("node " + node + ": " + e.getMessage(), e);
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
