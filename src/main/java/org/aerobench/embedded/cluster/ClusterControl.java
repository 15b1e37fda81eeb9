package org.aerobench.embedded.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aerobench.embedded.wire.Wire;

/**
 * The loopback-only info command {@code aerobench-cluster}, answered by any node of the cluster:
 *
 * <ul>
 *   <li>{@code aerobench-cluster}: the status, one {@code nodeN=state,port=..,...} per node
 *   <li>{@code aerobench-cluster:stop=2}, {@code aerobench-cluster:start=2}
 *   <li>{@code aerobench-cluster:freeze=1;ms=5000} (thaws by itself), {@code freeze=1} (until
 *       {@code thaw=1})
 * </ul>
 *
 * Answers {@code ok ...} or {@code ERROR:4:<what, the rule, an example>}. The same words work on
 * the launcher's standard input ({@code stop 2}, {@code freeze 1 5000}, …). A real server answers
 * the command as unknown.
 */
final class ClusterControl {

  static final String USAGE =
      "use stop=<n>, start=<n>, freeze=<n>[;ms=<ms>] or thaw=<n>, e.g. aerobench-cluster:stop=2";

  private final EmbeddedCluster cluster;

  ClusterControl(EmbeddedCluster cluster) {
    this.cluster = cluster;
  }

  /** The info reply for {@code params}, asked of node {@code from} (1-based). */
  String answer(String params, int from) {
    if (params.isBlank()) {
      return cluster.status();
    }
    if (!isLoopback(cluster.host())) {
      return error("cluster control is loopback-only; this cluster listens on " + cluster.host());
    }
    try {
      return run(parse(params), from);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return error(e.getMessage());
    }
  }

  /** One parsed command. */
  record Command(String action, int node, Duration length) {}

  static Command parse(String params) {
    Map<String, String> p = new LinkedHashMap<>();
    for (String pair : params.split(";")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + cut(pair) + "' is not key=value; " + USAGE);
      }
      p.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    String action = null;
    for (String a : new String[] {"stop", "start", "freeze", "thaw"}) {
      if (p.containsKey(a)) {
        if (action != null) {
          throw new IllegalArgumentException("give one action at a time; " + USAGE);
        }
        action = a;
      }
    }
    if (action == null) {
      throw new IllegalArgumentException("no action in '" + cut(params) + "'; " + USAGE);
    }
    int node = number(action, p.get(action));
    Duration length = null;
    if (p.containsKey("ms")) {
      if (!action.equals("freeze")) {
        throw new IllegalArgumentException("ms= goes with freeze only; " + USAGE);
      }
      length = Duration.ofMillis(number("ms", p.get("ms")));
    }
    if (p.size() > (length == null ? 1 : 2)) {
      throw new IllegalArgumentException("unknown settings in '" + cut(params) + "'; " + USAGE);
    }
    return new Command(action, node, length);
  }

  String run(Command c, int from) {
    boolean self = c.node() == from;
    switch (c.action()) {
      case "stop" -> {
        cluster.checkStoppable(c.node()); // a node stopping itself answers before it stops
        return cluster.runForInfo(() -> cluster.stop(c.node()), !self) + " stop node " + c.node();
      }
      case "start" -> {
        return cluster.runForInfo(() -> cluster.start(c.node()), true) + " start node " + c.node();
      }
      case "freeze" -> cluster.freeze(c.node(), c.length());
      default -> cluster.thaw(c.node());
    }
    return "ok " + c.action() + " node " + c.node();
  }

  private static int number(String key, String text) {
    try {
      int n = Integer.parseInt(text);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + "='" + cut(text) + "' is not a number of 1 or more; " + USAGE);
    }
  }

  private static String error(String message) {
    return "ERROR:" + Wire.RESULT_PARAMETER_ERROR + ":" + message.replace('\n', ' ');
  }

  private static String cut(String s) {
    return s == null ? "" : s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
