package org.aerobench.embedded.cluster;

import java.util.Map;
import java.util.TreeMap;
import org.aerobench.embedded.Latency;

/**
 * Per-node latency given as text: {@code <node>:<latency>[,<node>:<latency>...]}, each latency in
 * the info command's form ({@code off}, {@code fixed-ms=<ms>}, {@code median-ms=<ms>;p99-ms=<ms>}),
 * e.g. {@code 3:median-ms=20;p99-ms=100}. Nodes not named keep the cluster's latency.
 */
public final class NodeLatency {

  public static final String EXAMPLE = "3:median-ms=20;p99-ms=100";

  private NodeLatency() {}

  /**
   * @param option the option or key the text came from, for messages (e.g. --node-latency)
   * @throws IllegalArgumentException naming the option, the entry, the rule and an example
   */
  public static Map<Integer, Latency> parse(String option, String spec, int nodes) {
    Map<Integer, Latency> byNode = new TreeMap<>();
    if (spec == null || spec.isBlank()) {
      return byNode;
    }
    for (String entry : spec.split(",")) {
      String e = entry.trim();
      int colon = e.indexOf(':');
      if (colon <= 0) {
        throw bad(option, e, "each entry is <node>:<latency>");
      }
      int node;
      try {
        node = Integer.parseInt(e.substring(0, colon).trim());
      } catch (NumberFormatException x) {
        throw bad(option, e, "the node must be a number");
      }
      if (node < 1 || node > nodes) {
        throw bad(option, e, "node " + node + " does not exist; the cluster has nodes 1.." + nodes);
      }
      if (byNode.containsKey(node)) {
        throw bad(option, e, "node " + node + " is given twice; give each node once");
      }
      try {
        byNode.put(node, Latency.parse(e.substring(colon + 1).trim()));
      } catch (IllegalArgumentException x) {
        throw bad(option, e, x.getMessage());
      }
    }
    return byNode;
  }

  private static IllegalArgumentException bad(String option, String entry, String rule) {
    return new IllegalArgumentException(
        option
            + " '"
            + entry
            + "': "
            + rule
            + "; e.g. "
            + option
            + " "
            + EXAMPLE
            + " (latency: off, fixed-ms=<ms> or median-ms=<ms>;p99-ms=<ms>)");
  }
}
