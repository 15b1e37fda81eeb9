package org.aerobench.report.capacity;

import java.util.List;
import java.util.Map;

/**
 * One client at one capacity level, as measured by the load generator over the level's window after
 * its settle time.
 *
 * @param label the level's phase label, e.g. {@code reference@40} (request names {@code
 *     reference@40 sync}, ...)
 * @param client the client style (or arm) this row is about
 * @param profile the cluster latency profile the level ran under
 * @param offered requests per second offered to this client
 * @param achieved successful responses per second that completed inside the measured window
 * @param p50Ms client-side percentiles (ms) of the requests sent in the measured window, OK and KO
 *     alike; null when none completed
 * @param requests requests sent in the measured window
 * @param errorRate percent of those that failed
 * @param brokenBy the rules this level broke for this client, in words; empty = sustained
 * @param saturation per-level saturation signals: name to mean over the window (see {@link
 *     Saturation})
 * @param machineBusyPercent the whole machine's CPU use over the window, percent of all cores
 * @param generatorCpuPercent the load generator's CPU use over the window, percent of one core
 * @param machineSaturated the machine was busier than {@link BreakRules#machineBusyPercent()}: this
 *     level's numbers may be the shared cores', not the style's
 * @param generatorSaturated the load generator was busier than {@link
 *     BreakRules#generatorCorePercent()}
 */
public record Level(
    String label,
    String client,
    String profile,
    double offered,
    double achieved,
    Double p50Ms,
    Double p95Ms,
    Double p99Ms,
    long requests,
    double errorRate,
    List<String> brokenBy,
    Map<String, Double> saturation,
    double machineBusyPercent,
    double generatorCpuPercent,
    boolean machineSaturated,
    boolean generatorSaturated) {

  public Level {
    brokenBy = List.copyOf(brokenBy);
    saturation = Map.copyOf(saturation);
  }

  public boolean broken() {
    return !brokenBy.isEmpty();
  }
}
