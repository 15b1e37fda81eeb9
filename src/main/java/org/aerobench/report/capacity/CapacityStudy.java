package org.aerobench.report.capacity;

import java.util.List;

/**
 * The verdict of a capacity run, as written to {@code comparison.json}'s {@code capacity} object:
 * per latency profile and read mode, each client's sustainable rate, knee and levels.
 *
 * @param mode the read mode every level used
 * @param inference whether the model ran (env C) or not (env B)
 * @param rules how a level is judged broken, in words
 * @param profiles one entry per latency profile, in run order
 */
public record CapacityStudy(
    String mode, boolean inference, List<String> rules, List<ProfileCapacity> profiles) {

  /**
   * @param profile its name, e.g. {@code reference}
   * @param latency the injected latency, e.g. {@code log-normal median 20 ms, p99 100 ms}
   * @param clients baseline first
   * @param ratios per challenger: its sustainable rate over the baseline's, in words
   */
  public record ProfileCapacity(
      String profile, String latency, List<ClientCapacity> clients, List<String> ratios) {}

  /**
   * @param sustainableRate the highest offered rate (req/s, this client) below the first broken
   *     level; null when the lowest level already broke
   * @param kneeRate the first offered rate whose p95 is at least twice the lowest level's; null
   *     when none
   * @param limit what ended the climb: {@code style} (this client broke while the machine had
   *     room), {@code machine} (the 2 shared cores, the shared inference executor or the generator
   *     were saturated: not the style's limit), or {@code none} (never broke up to the highest
   *     level)
   * @param maxAchieved the highest achieved rate at any level (req/s): the throughput ceiling
   * @param littleBound the sync style's pool bound (null for other styles)
   */
  public record ClientCapacity(
      String client,
      Double sustainableRate,
      Double kneeRate,
      String limit,
      double maxAchieved,
      List<Level> levels,
      LittleBound littleBound) {}

  /**
   * Little's law for a pool of blocking threads: at most {@code threads / (readsPerRequest ×
   * meanReadMs / 1000)} requests per second.
   *
   * @param atLevel the level whose measurements give reads per request and the mean read time
   * @param meanReadMs mean time a pool thread spends in one blocking read (not its queue wait)
   * @param boundRate the bound, requests per second
   * @param measuredRate what the run measured as this style's ceiling
   * @param disagreement (measured − bound) / bound, percent
   * @param note what the comparison means, in words
   */
  public record LittleBound(
      String atLevel,
      int threads,
      double readsPerRequest,
      double meanReadMs,
      double boundRate,
      double measuredRate,
      double disagreement,
      String note) {}
}
