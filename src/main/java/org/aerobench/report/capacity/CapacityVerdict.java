package org.aerobench.report.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.aerobench.report.capacity.CapacityStudy.ClientCapacity;
import org.aerobench.report.capacity.CapacityStudy.LittleBound;
import org.aerobench.report.capacity.CapacityStudy.ProfileCapacity;

/**
 * The verdict of a capacity run: per profile and client, the sustainable rate (the highest level
 * below the first broken one), the knee (the first level whose p95 is at least twice the lowest
 * level's), what limited the climb, and for a blocking pool its Little's-law bound beside the
 * ceiling the run measured.
 */
public final class CapacityVerdict {

  /** The knee: p95 at least this many times the lowest level's. */
  public static final double KNEE_FACTOR = 2.0;

  /** A measured ceiling further than this from the pool's Little bound is called out. */
  public static final double LITTLE_TOLERANCE_PERCENT = 20;

  /** Saturation keys a blocking style's levels carry (see {@code Saturation} in the run). */
  public static final String WORKER_LIMIT = "workers.limit";

  public static final String READS_PER_REQUEST = "reads.per.request";

  /** The inference executor every style shares: its threads and its mean queue over a level. */
  public static final String INFERENCE_LIMIT = "inference.limit";

  public static final String INFERENCE_QUEUED = "inference.queued";
  public static final String READ_MEAN_MS = "read.mean.ms";

  private CapacityVerdict() {}

  public static CapacityStudy of(CapacityRun run) {
    List<ProfileCapacity> profiles = new ArrayList<>();
    for (CapacityRun.Profile profile : run.profiles()) {
      List<ClientCapacity> clients = new ArrayList<>();
      for (String client : run.clients()) {
        List<Level> levels =
            run.levels().stream()
                .filter(l -> l.profile().equals(profile.name()) && l.client().equals(client))
                .sorted(Comparator.comparingDouble(Level::offered))
                .toList();
        if (!levels.isEmpty()) {
          clients.add(client(client, levels, run, profile.name()));
        }
      }
      profiles.add(
          new ProfileCapacity(profile.name(), profile.latency(), clients, ratios(clients)));
    }
    return new CapacityStudy(run.mode(), run.inference(), run.rules().describe(), profiles);
  }

  private static ClientCapacity client(
      String client, List<Level> levels, CapacityRun run, String profile) {
    Double sustainable = null;
    Level firstBroken = null;
    for (Level level : levels) {
      if (level.broken()) {
        firstBroken = level;
        break;
      }
      sustainable = level.offered();
    }
    String limit = firstBroken == null ? "none" : limit(firstBroken, run, profile);
    Double knee = null;
    Double lowest = levels.get(0).p95Ms();
    if (lowest != null) {
      for (Level level : levels) {
        if (level.p95Ms() != null && level.p95Ms() >= KNEE_FACTOR * lowest) {
          knee = level.offered();
          break;
        }
      }
    }
    double maxAchieved = levels.stream().mapToDouble(Level::achieved).max().orElse(0);
    return new ClientCapacity(
        client,
        sustainable,
        knee,
        limit,
        maxAchieved,
        levels,
        littleBound(levels, sustainable, maxAchieved, limit));
  }

  /**
   * Why the climb ended at this level: the generator (every client fell short of its offered rate
   * while the generator was saturated), the machine (the cores were saturated), or the style.
   */
  private static String limit(Level broken, CapacityRun run, String profile) {
    BreakRules rules = run.rules();
    List<Level> sameLevel =
        run.levels().stream()
            .filter(l -> l.profile().equals(profile) && l.label().equals(broken.label()))
            .toList();
    boolean everyoneShort =
        sameLevel.stream().allMatch(l -> l.achieved() < rules.minAchievedShare() * l.offered());
    if (broken.generatorSaturated() && everyoneShort) {
      return "generator";
    }
    if (broken.machineSaturated() || broken.generatorSaturated() || sharedSaturated(broken)) {
      return "machine";
    }
    return "style";
  }

  /**
   * True when the inference executor every style shares was saturated over the level: its queue
   * averaged at least as many tasks as it has threads (1 when the run did not record them). Every
   * style then waited for the same threads: a limit of the shared parts, not of a style.
   */
  static boolean sharedSaturated(Level level) {
    Double queued = level.saturation().get(INFERENCE_QUEUED);
    double threads = level.saturation().getOrDefault(INFERENCE_LIMIT, 1.0);
    return queued != null && queued >= Math.max(1.0, threads);
  }

  private static LittleBound littleBound(
      List<Level> levels, Double sustainable, double maxAchieved, String limit) {
    // Measured at the highest sustained level (the lowest when none held): under load, but before
    // a queue makes the style's numbers those of its backlog.
    Level at =
        levels.stream()
            .filter(l -> sustainable == null ? l == levels.get(0) : l.offered() == sustainable)
            .findFirst()
            .orElse(levels.get(0));
    Double threads = at.saturation().get(WORKER_LIMIT);
    Double readsPerRequest = at.saturation().get(READS_PER_REQUEST);
    Double readMs = at.saturation().get(READ_MEAN_MS);
    if (threads == null || readsPerRequest == null || readMs == null || readMs <= 0) {
      return null;
    }
    double bound = threads / (readsPerRequest * readMs / 1000.0);
    double disagreement = (maxAchieved - bound) / bound * 100;
    String note =
        switch (limit) {
          case "style" ->
              Math.abs(disagreement) <= LITTLE_TOLERANCE_PERCENT
                  ? String.format(
                      Locale.ROOT,
                      "the measured ceiling %.1f req/s agrees with the pool bound %.1f within %.0f"
                          + " %%: the pool is the limit",
                      maxAchieved,
                      bound,
                      LITTLE_TOLERANCE_PERCENT)
                  : String.format(
                      Locale.ROOT,
                      "the measured ceiling %.1f req/s is %+.0f %% off the pool bound %.1f: the"
                          + " run measured a limit other than the pool's (CPU, the inference"
                          + " executor, the client's connections)",
                      maxAchieved,
                      disagreement,
                      bound);
          case "none" ->
              String.format(
                  Locale.ROOT,
                  "never broke up to the highest level; the pool bound %.1f req/s %s",
                  bound,
                  bound > levels.get(levels.size() - 1).offered()
                      ? "lies above the tested range"
                      : "was not reached, so it is not this style's limit here");
          default ->
              String.format(
                  Locale.ROOT,
                  "the %s saturated before the pool bound %.1f req/s could be reached: no"
                      + " agreement check",
                  limit,
                  bound);
        };
    return new LittleBound(
        at.label(),
        (int) Math.round(threads),
        readsPerRequest,
        readMs,
        bound,
        maxAchieved,
        disagreement,
        note);
  }

  private static List<String> ratios(List<ClientCapacity> clients) {
    List<String> lines = new ArrayList<>();
    if (clients.isEmpty()) {
      return lines;
    }
    ClientCapacity base = clients.get(0);
    for (ClientCapacity challenger : clients.subList(1, clients.size())) {
      lines.add(ratio(challenger, base));
    }
    return lines;
  }

  private static String ratio(ClientCapacity challenger, ClientCapacity base) {
    String pair = challenger.client() + " vs " + base.client() + ": ";
    if (challenger.sustainableRate() == null || base.sustainableRate() == null) {
      return pair + "no ratio: a client broke already at the lowest level; start lower";
    }
    double ratio = challenger.sustainableRate() / base.sustainableRate();
    String rates =
        String.format(
            Locale.ROOT,
            "%.2f× the sustainable rate (%s vs %s req/s)",
            ratio,
            BreakRules.num(challenger.sustainableRate()),
            BreakRules.num(base.sustainableRate()));
    // A climb that ended on the machine or on the top level did not find the style's own limit.
    boolean challengerOpen = !challenger.limit().equals("style");
    boolean baseOpen = !base.limit().equals("style");
    if (challengerOpen && baseOpen) {
      return pair
          + rates
          + ", but neither reached its own limit ("
          + challenger.client()
          + ": "
          + why(challenger)
          + "; "
          + base.client()
          + ": "
          + why(base)
          + "): this is not a difference between the styles";
    }
    if (challengerOpen) {
      return pair
          + rates
          + "; "
          + challenger.client()
          + " did not reach its own limit ("
          + why(challenger)
          + "), so the styles' ratio is at least this";
    }
    if (baseOpen) {
      return pair
          + rates
          + "; "
          + base.client()
          + " did not reach its own limit ("
          + why(base)
          + "), so the styles' ratio is at most this";
    }
    return pair + rates;
  }

  private static String why(ClientCapacity c) {
    return c.limit().equals("none")
        ? "it held to the highest level tested"
        : "the climb ended on the machine's limit: the shared cores, the shared inference executor"
            + " or the load generator";
  }
}
