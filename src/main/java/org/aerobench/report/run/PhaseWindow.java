package org.aerobench.report.run;

/**
 * When one phase of a run (warm-up, a steady scenario, a capacity level) ran, by the load
 * generator's wall clock: from the moment its injection started until every one of its users had
 * finished. A phase's throughput is its requests divided by {@link #seconds()}, never by the whole
 * run's duration.
 *
 * @param label the phase label, the first word of its request names
 * @param startEpochMillis when its first user could start
 * @param endEpochMillis when its last user had finished
 */
public record PhaseWindow(String label, long startEpochMillis, long endEpochMillis) {

  public PhaseWindow {
    if (endEpochMillis < startEpochMillis) {
      throw new IllegalArgumentException(
          "phase '"
              + label
              + "' ends before it starts: "
              + startEpochMillis
              + " > "
              + endEpochMillis);
    }
  }

  /** The phase's own length in seconds. */
  public double seconds() {
    return (endEpochMillis - startEpochMillis) / 1000.0;
  }
}
