package org.aerobench.simulations.support;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Info;
import com.aerospike.client.cluster.Connection;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.cluster.Fault;
import org.aerobench.report.run.FaultEvent;

/**
 * Talks to the emulated cluster the run started, through its loopback-only info commands ({@code
 * aerobench-cluster:...}, {@code aerobench-latency:...}), which any live node answers. Keeps the
 * nodes' state as the commands left it, so that each command goes to a node that answers: up (a
 * stopped node's port refuses), not frozen (a frozen one accepts and never answers) and, for a
 * fault, not the node it acts on. A node that cannot be reached is passed over for the next; a
 * command that may have reached a node is never sent again (a second {@code start} could restart a
 * node stopped since), so a missing reply is recorded as such.
 */
public final class ClusterControl {

  /**
   * Sends one info command to a loopback port and returns the reply.
   *
   * <p>Throws {@link Unreachable} when the command never reached the node (it may go to another),
   * any other exception when it may have (no reply in time).
   */
  @FunctionalInterface
  public interface InfoChannel {
    String request(int port, String command);

    /**
     * The Aerospike client's info protocol on a connection of its own: 1 s to connect, then up to
     * {@link #REPLY_TIMEOUT_MS} for the reply (a stop or start waits for the cluster to rebalance,
     * up to 15 s, longer than the client's default info timeout of 1 s).
     */
    InfoChannel AEROSPIKE =
        (port, command) -> {
          Connection connection;
          try {
            connection =
                new Connection(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MS);
          } catch (AerospikeException e) {
            throw new Unreachable("cannot connect to 127.0.0.1:" + port + ": " + e.getMessage());
          }
          try {
            connection.setTimeout(REPLY_TIMEOUT_MS);
            return Info.request(connection, command);
          } catch (java.net.SocketException e) { // before anything was sent
            throw new Unreachable("cannot set the reply timeout: " + e.getMessage());
          } finally {
            connection.close();
          }
        };
  }

  /** Bounds the connect of every command. */
  static final int CONNECT_TIMEOUT_MS = 1_000;

  /** Bounds the wait for every reply: past the cluster's own 15 s wait for a stop or start. */
  static final int REPLY_TIMEOUT_MS = 20_000;

  /** The command did not reach the node: another node may carry it. */
  public static final class Unreachable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unreachable(String message) {
      super(message);
    }
  }

  /** Freezes end by the node's own clock: leave it a moment before counting on it again. */
  private static final long THAW_MARGIN_NANOS = 500_000_000L;

  private final List<Integer> ports;
  private final InfoChannel channel;
  private final boolean[] stopped;
  private final long[] frozenUntilNanos;

  /**
   * @param ports node i's loopback port at index i - 1
   */
  public ClusterControl(List<Integer> ports, InfoChannel channel) {
    this.ports = List.copyOf(ports);
    this.channel = channel;
    this.stopped = new boolean[ports.size() + 1];
    this.frozenUntilNanos = new long[ports.size() + 1];
  }

  public List<Integer> ports() {
    return ports;
  }

  /**
   * Sends a command any node can carry out (the latency of every node or of one): to the first node
   * that answers.
   *
   * @return the reply
   * @throws IllegalStateException when no node answers or the reply is an error
   */
  public synchronized String send(String command) {
    Sent sent = sendAvoiding(0, command);
    // aerobench-latency answers with the latency it set (e.g. "node 3 fixed 5 ms"), not "ok"
    if (sent.reply == null || sent.reply.startsWith("ERROR")) {
      throw new IllegalStateException(
          "the emulated cluster did not carry out '" + command + "': " + sent.describe());
    }
    return sent.reply;
  }

  /**
   * Plays one fault through another node and records what happened; never throws (a failure is in
   * the event's reply).
   *
   * @param loadStartMillis the epoch ms the fault offsets count from
   */
  public synchronized FaultEvent play(Fault fault, long loadStartMillis) {
    long sentAt = System.currentTimeMillis();
    Sent sent = sendAvoiding(fault.node(), fault.command());
    if (sent.ok()) {
      int n = fault.node();
      switch (fault.action()) {
        case STOP -> {
          stopped[n] = true;
          frozenUntilNanos[n] = 0; // a stopped node's freeze is over
        }
        case START -> stopped[n] = false;
        case FREEZE ->
            frozenUntilNanos[n] = System.nanoTime() + fault.length().toNanos() + THAW_MARGIN_NANOS;
      }
    }
    return new FaultEvent(
        fault.at().toMillis(),
        sentAt - loadStartMillis,
        sentAt,
        fault.action().wireName(),
        fault.node(),
        fault.length().toMillis(),
        fault.command(),
        sent.via,
        sent.describe(),
        sent.ok());
  }

  /** What one command got: the node it went to (0: none answered) and its reply or the failure. */
  private record Sent(int via, String reply, String failure) {
    boolean ok() {
      return reply != null && reply.startsWith("ok");
    }

    String describe() {
      return reply != null ? reply : failure;
    }
  }

  private Sent sendAvoiding(int target, String command) {
    List<String> failures = new ArrayList<>();
    long now = System.nanoTime();
    for (int node = 1; node <= ports.size(); node++) {
      if (node == target || stopped[node] || frozenUntilNanos[node] - now > 0) {
        continue;
      }
      try {
        return new Sent(node, channel.request(ports.get(node - 1), command), null);
      } catch (Unreachable e) {
        failures.add("node " + node + " (port " + ports.get(node - 1) + "): " + e.getMessage());
      } catch (RuntimeException e) { // it may have arrived: sending it again could do it twice
        return new Sent(node, null, "sent, but no reply from node " + node + ": " + e.getMessage());
      }
    }
    return new Sent(
        0,
        null,
        "not sent: "
            + (failures.isEmpty()
                ? "no node is up, unfrozen and not node " + target + " to carry it"
                : String.join("; ", failures)));
  }
}
