package org.aerobench.simulations.support;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Info;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.cluster.Fault;
import org.aerobench.report.run.FaultEvent;

/**
 * Talks to the emulated cluster the run started, through its loopback-only info commands ({@code
 * aerobench-cluster:...}, {@code aerobench-latency:...}), which any live node answers. Keeps the
 * nodes' state as the commands left it, so that each command goes to a node that answers: up (a
 * stopped node's port refuses), not frozen (a frozen one accepts and never answers) and, for a
 * fault, not the node it acts on. Each send is bounded by the client's info timeout (1 s); when a
 * node does not answer the next candidate is tried.
 */
public final class ClusterControl {

  /** Sends one info command to a loopback port and returns the reply. */
  @FunctionalInterface
  public interface InfoChannel {
    String request(int port, String command);

    /** The Aerospike client's own info request (its socket timeout is 1 s). */
    InfoChannel AEROSPIKE = (port, command) -> Info.request("127.0.0.1", port, command);
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
    if (sent.reply == null || !sent.ok()) {
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
        case STOP -> stopped[n] = true;
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
      return reply != null ? reply : "not sent: " + failure;
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
      } catch (AerospikeException | IllegalStateException e) {
        failures.add("node " + node + " (port " + ports.get(node - 1) + "): " + e.getMessage());
      }
    }
    return new Sent(
        0,
        null,
        failures.isEmpty()
            ? "no node is up, unfrozen and not node " + target + " to carry it"
            : String.join("; ", failures));
  }
}
