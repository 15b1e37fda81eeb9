package org.aerobench.embedded.info;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.wire.Wire;

/**
 * The embedded server's own info command {@code aerobench-latency}, so that a load run can change
 * the injected latency between phases without restarting the stack (a capacity study under several
 * cluster profiles). A real server answers it as an unknown command. Honoured only while the server
 * listens on a loopback address: no other host may slow it down.
 *
 * <ul>
 *   <li>{@code aerobench-latency}: the current latency, e.g. {@code fixed 2 ms}
 *   <li>{@code aerobench-latency:off}
 *   <li>{@code aerobench-latency:fixed-ms=2}
 *   <li>{@code aerobench-latency:median-ms=20;p99-ms=100}
 *   <li>{@code aerobench-latency:node=3;fixed-ms=20}: one node of a cluster (numbered from 1)
 * </ul>
 *
 * In a cluster, any node answers and a setting without {@code node=} applies to every node.
 *
 * <p>Values follow {@link Latency#fromMillis}'s rules; a bad one answers {@code ERROR:4:...}.
 */
public final class LatencyControl {

  public static final String COMMAND = "aerobench-latency";

  private final Supplier<Latency> current;
  private final Consumer<Latency> set;
  private final NodeSetter setNode;
  private final boolean loopback;

  /** Sets one node's latency; throws IllegalArgumentException naming the rule for a bad node. */
  public interface NodeSetter {
    void set(int node, Latency latency);
  }

  /** A node alone: {@code node=1} is itself, any other node does not exist. */
  public LatencyControl(Supplier<Latency> current, Consumer<Latency> set, String listenHost) {
    this(current, set, null, listenHost);
  }

  public LatencyControl(
      Supplier<Latency> current, Consumer<Latency> set, NodeSetter setNode, String listenHost) {
    this.current = current;
    this.set = set;
    this.setNode = setNode;
    this.loopback = isLoopback(listenHost);
  }

  /** The info value for the command's parameters (empty = read). */
  String answer(String params) {
    if (params.isEmpty()) {
      return current.get().describe();
    }
    if (!loopback) {
      return error("latency control is loopback-only; this server listens on a public address");
    }
    try {
      if (params.startsWith("node=")) {
        int semicolon = params.indexOf(';');
        String nodeText = params.substring(5, semicolon < 0 ? params.length() : semicolon);
        int node = node(nodeText);
        Latency latency = Latency.parse(semicolon < 0 ? "" : params.substring(semicolon + 1));
        if (setNode != null) {
          setNode.set(node, latency);
        } else if (node == 1) {
          set.accept(latency);
        } else {
          throw new IllegalArgumentException(
              "node " + node + " does not exist: this server is one node (node=1)");
        }
        return "node " + node + " " + latency.describe();
      }
      Latency latency = Latency.parse(params);
      set.accept(latency);
      return latency.describe();
    } catch (IllegalArgumentException e) {
      return error(
          e.getMessage()
              + "; use [node=<n>;]off, fixed-ms=<ms>, or median-ms=<ms>;p99-ms=<ms> (got '"
              + shorten(params)
              + "')");
    }
  }

  private static int node(String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("node '" + shorten(text) + "' is not a node number");
    }
  }

  private static String error(String message) {
    return "ERROR:" + Wire.RESULT_PARAMETER_ERROR + ":" + message.replace('\n', ' ');
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
