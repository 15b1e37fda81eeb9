package org.aerobench.embedded.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults a run plays on an emulated cluster, in time order, checked against the cluster before
 * any load: {@code -Dfaults=stop:2@20s,start:2@40s,freeze:1@60s+5s}. Each event is {@code
 * <action>:<node>@<time>}, a freeze also {@code +<length>}; times are offsets from the start of the
 * measured load ({@code 20s}, {@code 1500ms}, {@code 2m}; a bare number is seconds, as for the
 * other {@code -D} durations).
 *
 * <p>{@link #parse} plays the schedule on paper: a node is up, stopped or frozen (until its freeze
 * ends), and an event that the cluster could not carry out, or whose command no other node could
 * carry, is refused with the event, the rule and an example. Every control command goes to a node
 * that is up, not frozen and not the target (a stopped port refuses, a frozen one never answers).
 *
 * @param faults the events in time order (ties in the order written)
 * @param nodes the cluster's size
 * @param replicationFactor copies of each partition: with that many nodes down at once some
 *     partitions have no copy left ({@link #someDataUnavailable})
 */
public record FaultSchedule(List<Fault> faults, int nodes, int replicationFactor) {

  /** The option the schedule is read from, for the messages. */
  public static final String OPTION = "-Dfaults";

  /** A schedule that shows every form, for the messages. */
  public static final String EXAMPLE = "stop:2@20s,start:2@40s,freeze:1@60s+5s";

  private static final Pattern EVENT = Pattern.compile("([A-Za-z]+):([^@]*)@([^+]*)(?:\\+(.*))?");
  private static final Pattern TIME = Pattern.compile("(\\d+)(ms|s|m)?");

  public FaultSchedule {
    faults = List.copyOf(faults);
    if (nodes < 1) {
      throw new IllegalArgumentException("a cluster has at least 1 node, was " + nodes);
    }
    if (replicationFactor < 1 || replicationFactor > nodes) {
      throw new IllegalArgumentException(
          "replication factor " + replicationFactor + " is outside 1.." + nodes + " (the nodes)");
    }
  }

  /** No faults. */
  public static FaultSchedule none(int nodes, int replicationFactor) {
    return new FaultSchedule(List.of(), nodes, replicationFactor);
  }

  public boolean isEmpty() {
    return faults.isEmpty();
  }

  /**
   * Reads and checks a schedule; blank or null is no faults.
   *
   * @throws IllegalArgumentException naming {@value #OPTION}, the event, the rule and an example
   */
  public static FaultSchedule parse(String spec, int nodes, int replicationFactor) {
    FaultSchedule empty = none(nodes, replicationFactor); // checks nodes and replication factor
    if (spec == null || spec.isBlank()) {
      return empty;
    }
    List<Fault> faults = new ArrayList<>();
    String[] events = spec.split(",", -1);
    for (int i = 0; i < events.length; i++) {
      faults.add(event(spec, i + 1, events[i].trim(), nodes));
    }
    new Paper(spec, nodes).play(faults);
    return new FaultSchedule(faults, nodes, replicationFactor);
  }

  private static Fault event(String spec, int index, String text, int nodes) {
    Problem problem = new Problem(spec, index, text);
    Matcher m = EVENT.matcher(text);
    if (!m.matches()) {
      throw problem.of(
          "an event is <action>:<node>@<time>, a freeze also +<length>, events comma-separated",
          EXAMPLE);
    }
    Fault.Action action =
        Arrays.stream(Fault.Action.values())
            .filter(a -> a.wireName().equals(m.group(1).toLowerCase(Locale.ROOT)))
            .findFirst()
            .orElseThrow(
                () ->
                    problem.of(
                        "unknown action '" + m.group(1) + "'; allowed: stop, start, freeze",
                        "stop" + text.substring(m.end(1))));
    int node;
    try {
      node = Integer.parseInt(m.group(2).trim());
    } catch (NumberFormatException e) {
      node = 0;
    }
    if (node < 1 || node > nodes) {
      throw problem.of(
          "node '"
              + m.group(2)
              + "' is outside 1.."
              + nodes
              + " (-Dnodes="
              + nodes
              + "; nodes are numbered from 1)",
          action.wireName() + ":" + nodes + text.substring(m.end(2)));
    }
    Duration at =
        time(
            m.group(3),
            problem,
            "time '" + m.group(3) + "'",
            text.substring(0, m.start(3)) + "20s" + text.substring(m.end(3)));
    String length = m.group(4);
    if (action == Fault.Action.FREEZE) {
      if (length == null) {
        throw problem.of(
            "a freeze needs its length, +<duration>: the node answers again by itself after it",
            text + "+5s");
      }
      Duration d =
          time(
              length,
              problem,
              "freeze length '" + length + "'",
              text.substring(0, m.start(4)) + "5s");
      if (d.isZero()) {
        throw problem.of("a freeze lasts longer than 0", text.substring(0, m.start(4)) + "5s");
      }
      return new Fault(action, node, at, d);
    }
    if (length != null) {
      throw problem.of(
          "only a freeze takes +<length>; a stopped node stays down until a start:"
              + node
              + "@<time>",
          text.substring(0, m.start(4) - 1));
    }
    return new Fault(action, node, at, Duration.ZERO);
  }

  private static Duration time(String text, Problem problem, String what, String fixed) {
    Matcher m = TIME.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw problem.of(
          what + " is not a time; use whole ms, s or m (20s, 1500ms, 2m; a bare number is s)",
          fixed);
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2) == null ? "s" : m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  /**
   * The most nodes stopped or frozen at the same time, by the schedule (freezes end by themselves).
   */
  public int mostNodesDown() {
    int most = 0;
    for (int i = 0; i < faults.size(); i++) {
      // The state right after each event is where the count can rise.
      most = Math.max(most, downAt(faults.get(i).at(), i));
    }
    return most;
  }

  private int downAt(Duration at, int throughIndex) {
    boolean[] stopped = new boolean[nodes + 1];
    Duration[] frozenUntil = new Duration[nodes + 1];
    for (int i = 0; i <= throughIndex; i++) {
      Fault f = faults.get(i);
      switch (f.action()) {
        case STOP -> {
          stopped[f.node()] = true;
          frozenUntil[f.node()] = null;
        }
        case START -> stopped[f.node()] = false;
        case FREEZE -> frozenUntil[f.node()] = f.end();
      }
    }
    int down = 0;
    for (int n = 1; n <= nodes; n++) {
      if (stopped[n] || frozenUntil[n] != null && frozenUntil[n].compareTo(at) > 0) {
        down++;
      }
    }
    return down;
  }

  /**
   * True when at some point as many nodes as there are copies of a partition are down at once: some
   * records then have no live copy, and errors are the expected outcome, not a client's fault.
   */
  public boolean someDataUnavailable() {
    return mostNodesDown() >= replicationFactor;
  }

  /** The schedule as {@code -Dfaults} would write it (empty for none). */
  public String spec() {
    return String.join(",", faults.stream().map(Fault::spec).toList());
  }

  /** As written in {@code -Dfaults} ({@code none} when empty): parameters.txt prints it. */
  @Override
  public String toString() {
    return isEmpty() ? "none" : spec();
  }

  /** {@code 20s}, {@code 1500ms}, {@code 2m}: the shortest exact form. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  /** The words of a refusal: the option, the whole value, the event, then the rule and a fix. */
  private record Problem(String spec, int index, String text) {
    IllegalArgumentException of(String rule, String exampleEvent) {
      return new IllegalArgumentException(
          OPTION
              + "="
              + spec
              + ": event "
              + index
              + " '"
              + text
              + "': "
              + rule
              + "; e.g. "
              + exampleEvent);
    }
  }

  /** The cluster on paper, to check each event against the state the ones before it leave. */
  private static final class Paper {
    private final String spec;
    private final int nodes;
    private final boolean[] stopped;
    private final Duration[] frozenUntil;

    Paper(String spec, int nodes) {
      this.spec = spec;
      this.nodes = nodes;
      this.stopped = new boolean[nodes + 1];
      this.frozenUntil = new Duration[nodes + 1];
    }

    void play(List<Fault> faults) {
      Duration previous = Duration.ZERO;
      for (int i = 0; i < faults.size(); i++) {
        Fault f = faults.get(i);
        Problem problem = new Problem(spec, i + 1, f.spec());
        if (f.at().compareTo(previous) < 0) {
          throw problem.of(
              "events must be in time order, and it comes after one at "
                  + format(previous)
                  + "; list the events by their time",
              "stop:2@20s,start:2@40s");
        }
        previous = f.at();
        check(f, problem);
        apply(f);
      }
    }

    private boolean frozen(int node, Duration at) {
      return frozenUntil[node] != null && frozenUntil[node].compareTo(at) > 0;
    }

    private void check(Fault f, Problem problem) {
      int n = f.node();
      String when = " at " + format(f.at());
      switch (f.action()) {
        case STOP -> {
          if (stopped[n]) {
            throw problem.of(
                "node " + n + " is already stopped" + when + "; start it first",
                "start:" + n + "@" + format(f.at()));
          }
          // A frozen node may be stopped: a hung node that gets killed.
          long upAfter = countNodes(m -> !stopped[m] && m != n);
          if (upAfter == 0) {
            throw problem.of(
                "it would stop the last node that is up; keep one node up (with -Dnodes="
                    + nodes
                    + ", at most "
                    + (nodes - 1)
                    + " stopped at once)",
                nodes > 1 ? restartFirst(f) : "-Dnodes=2 and stop:2@20s");
          }
        }
        case START -> {
          if (!stopped[n]) {
            throw problem.of(
                "node "
                    + n
                    + " is not stopped"
                    + when
                    + " (only a stopped node can be started); stop it before",
                "stop:" + n + "@20s,start:" + n + "@40s");
          }
        }
        case FREEZE -> {
          if (stopped[n]) {
            throw problem.of(
                "node " + n + " is stopped" + when + " and cannot be frozen; start it before",
                "start:" + n + "@" + format(f.at()) + "," + f.spec());
          }
          if (frozen(n, f.at())) {
            throw problem.of(
                "node " + n + " is already frozen until " + format(frozenUntil[n]),
                f.spec().replaceFirst("@[^+]*", "@" + format(frozenUntil[n])));
          }
        }
      }
      // The command itself needs a node that answers and is not the one it acts on.
      if (countNodes(m -> m != n && !stopped[m] && !frozen(m, f.at())) == 0) {
        throw problem.of(
            "no other node is up and unfrozen"
                + when
                + " to carry the command (a stopped node refuses, a frozen one never answers)",
            nodes > 1 ? restartFirst(f) : "-Dnodes=2 with " + f.spec());
      }
    }

    /**
     * A fix for an event no other node could carry: start another stopped node first, or wait for
     * the first freeze to end.
     */
    private String restartFirst(Fault f) {
      for (int m = 1; m <= nodes; m++) {
        if (m != f.node() && stopped[m]) {
          return "start:" + m + "@" + format(f.at()) + "," + f.spec();
        }
      }
      Duration thaw = null;
      for (int m = 1; m <= nodes; m++) {
        if (m != f.node() && frozen(m, f.at())) {
          thaw = thaw == null || frozenUntil[m].compareTo(thaw) < 0 ? frozenUntil[m] : thaw;
        }
      }
      return thaw == null ? f.spec() : f.spec().replaceFirst("@[^+]*", "@" + format(thaw));
    }

    private void apply(Fault f) {
      switch (f.action()) {
        case STOP -> {
          stopped[f.node()] = true;
          frozenUntil[f.node()] = null; // its freeze ends with it
        }
        case START -> stopped[f.node()] = false;
        case FREEZE -> frozenUntil[f.node()] = f.end();
      }
    }

    private long countNodes(java.util.function.IntPredicate which) {
      return java.util.stream.IntStream.rangeClosed(1, nodes).filter(which).count();
    }
  }
}
