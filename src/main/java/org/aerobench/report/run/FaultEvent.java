package org.aerobench.report.run;

/**
 * One fault the harness played on the emulated cluster, as it went: written by the simulations into
 * {@code conditions.json} ({@code cluster.faults}), marked on the comparison's timeline.
 *
 * @param plannedMillis the schedule's offset ({@code -Dfaults}), from the start of the measured
 *     load
 * @param offsetMillis when the command was sent, from the same start
 * @param epochMillis when the command was sent, wall clock (the timeline's axis)
 * @param action {@code stop}, {@code start} or {@code freeze}
 * @param node the node it acted on, 1..N
 * @param lengthMillis a freeze's length; 0 for stop and start
 * @param command the info command sent, e.g. {@code aerobench-cluster:stop=2}
 * @param viaNode the node the command was sent to (up, not frozen, not the target); 0 when none was
 *     left to send it to
 * @param reply the node's reply ({@code ok ...}, {@code ERROR:4:...}), or why it was not sent
 * @param ok true when the reply said {@code ok}
 */
public record FaultEvent(
    long plannedMillis,
    long offsetMillis,
    long epochMillis,
    String action,
    int node,
    long lengthMillis,
    String command,
    int viaNode,
    String reply,
    boolean ok) {

  /** For the chart and the summary: {@code stop node 2}, {@code freeze node 1 for 5 s}. */
  public String label() {
    String label = action + " node " + node;
    if (lengthMillis > 0) {
      label +=
          " for " + (lengthMillis % 1000 == 0 ? lengthMillis / 1000 + " s" : lengthMillis + " ms");
    }
    return ok ? label : label + " (FAILED)";
  }
}
