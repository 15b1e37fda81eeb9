package org.aerobench.embedded.cluster;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One event of a {@link FaultSchedule}: what happens to which node, when (an offset from the start
 * of the measured load) and, for a freeze, for how long.
 *
 * @param action stop, start (a stopped node) or freeze
 * @param node the node, numbered 1..N as the cluster numbers them
 * @param at offset from the start of the measured load
 * @param length how long a freeze lasts (the node answers again by itself after it); zero for stop
 *     and start
 */
public record Fault(Action action, int node, Duration at, Duration length) {

  /** What a fault does; its wire name is the word in {@code -Dfaults} and in the info command. */
  public enum Action {
    /** The node's port refuses until it is started again. */
    STOP,
    /** Restarts a stopped node. */
    START,
    /** The node accepts connections but answers nothing for the fault's length. */
    FREEZE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Fault {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(length, "length");
    if (node < 1) {
      throw new IllegalArgumentException("node " + node + " is not a node number (1..N)");
    }
    if (at.isNegative()) {
      throw new IllegalArgumentException("a fault at " + at + " is before the load started");
    }
    // A freeze without an end would need a thaw the schedule has no word for.
    if (action == Action.FREEZE ? !length.isPositive() : !length.isZero()) {
      throw new IllegalArgumentException(
          action.wireName()
              + (action == Action.FREEZE ? " needs a length > 0" : " has no length")
              + ", was "
              + length);
    }
  }

  /**
   * When the fault's effect ends by itself: {@code at + length} (= {@code at} but for a freeze).
   */
  public Duration end() {
    return at.plus(length);
  }

  /**
   * The info command (Aerospike info protocol, any live node but the target) that plays it, e.g.
   * {@code aerobench-cluster:stop=2} or {@code aerobench-cluster:freeze=1;ms=5000}.
   */
  public String command() {
    String command = "aerobench-cluster:" + action.wireName() + "=" + node;
    return action == Action.FREEZE ? command + ";ms=" + length.toMillis() : command;
  }

  /** For people: {@code stop node 2}, {@code freeze node 1 for 5 s}. */
  public String describe() {
    String what = action.wireName() + " node " + node;
    return action == Action.FREEZE ? what + " for " + FaultSchedule.format(length) : what;
  }

  /** As written in {@code -Dfaults}: {@code stop:2@20s}, {@code freeze:1@60s+5s}. */
  public String spec() {
    String spec = action.wireName() + ":" + node + "@" + FaultSchedule.format(at);
    return action == Action.FREEZE ? spec + "+" + FaultSchedule.format(length) : spec;
  }
}
