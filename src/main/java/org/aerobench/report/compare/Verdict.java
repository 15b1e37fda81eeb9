package org.aerobench.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aerobench.report.capacity.CapacityStudy;
import org.aerobench.report.capacity.CapacityStudy.ClientCapacity;
import org.aerobench.report.capacity.CapacityStudy.ProfileCapacity;
import org.aerobench.report.capacity.Level;
import org.aerobench.report.compare.Comparison.Advantage;
import org.aerobench.report.compare.Comparison.MetricRow;
import org.aerobench.report.compare.Comparison.ModeComparison;

/**
 * The answer in words, for the top of every report: per mode, who wins on p50 and p95 and by how
 * much, named only when the bootstrap interval says the difference is beyond noise; for a capacity
 * run, each client's sustainable rate and what ended its climb.
 */
public final class Verdict {

  /** The warm-up's requests are not a measurement: the tables show them, the verdict does not. */
  static final String WARMUP = "warmup";

  private static final String MINUS = "\u2212";

  private Verdict() {}

  /** Every sentence: the modes' first, then the capacity study's. */
  public static List<String> of(String baseline, List<ModeComparison> modes, CapacityStudy study) {
    List<String> sentences = new ArrayList<>();
    if (study != null) {
      // A capacity run's answer is its climb; per-level p50/p95 comparisons are in the tables.
      sentences.addAll(capacity(study));
      return sentences;
    }
    for (ModeComparison mode : modes) {
      if (!mode.mode().equals(WARMUP)) {
        sentences.addAll(mode(baseline, mode));
      }
    }
    if (sentences.isEmpty()) {
      sentences.add("Nothing to compare: no requests but the warm-up's.");
    }
    return sentences;
  }

  /** One sentence per latency metric (p50, p95) of a mode, from server times where present. */
  static List<String> mode(String baseline, ModeComparison mode) {
    String name = mode.mode().isEmpty() ? "(none)" : mode.mode();
    if (mode.clients().size() < 2) {
      return List.of("Mode " + name + ": only " + mode.clients() + " ran, nothing to compare.");
    }
    if (!mode.clients().get(0).equals(baseline)) {
      return List.of(
          "Mode " + name + ": no " + baseline + " requests, so nothing is compared with it.");
    }
    List<String> sentences = new ArrayList<>();
    for (String metric : List.of("p50", "p95")) {
      // Client-side µs rows first: their intervals come from the paired block bootstrap over the
      // run's seconds, the noise model A/A runs were checked against; the server rows' i.i.d.
      // bootstrap ignores that requests of one second share its conditions.
      Optional<MetricRow> row =
          row(mode, metric, "client")
              .or(() -> row(mode, metric, "server"))
              .or(() -> row(mode, metric, "gatling"));
      if (row.isEmpty()) {
        continue;
      }
      MetricRow r = row.get();
      boolean server = !r.source().equals("gatling");
      List<String> clauses = new ArrayList<>();
      for (int i = 1; i < mode.clients().size(); i++) {
        clauses.add(clause(mode.clients().get(i), baseline, r, i, server));
      }
      sentences.add(
          "Mode "
              + name
              + ", "
              + metric
              + switch (r.source()) {
                case "client" -> " (client side, µs, paired block bootstrap): ";
                case "server" -> " (server total_ms): ";
                default -> " (Gatling, whole ms; no server or client times): ";
              }
              + String.join("; ", clauses)
              + ".");
    }
    return sentences;
  }

  private static String clause(
      String challenger, String baseline, MetricRow row, int index, boolean server) {
    Double base = row.values().get(0);
    Double value = row.values().get(index);
    Advantage advantage = row.advantages().get(index - 1);
    if (base == null || value == null || advantage == null) {
      return challenger + " vs " + baseline + ": not comparable (a value is missing)";
    }
    int decimals = server ? 3 : 0;
    String values = ms(value, decimals) + " vs " + ms(base, decimals) + " ms";
    if (advantage.noise() == null) {
      return challenger
          + " vs "
          + baseline
          + ": no difference beyond noise can be shown ("
          + values
          + ", no noise interval without enough server times)";
    }
    if (!advantage.noise().verdict().equals("beyond noise")) {
      return challenger + " vs " + baseline + ": no difference beyond noise (" + values + ")";
    }
    boolean challengerWins = value < base;
    String winner = challengerWins ? challenger : baseline;
    String loser = challengerWins ? baseline : challenger;
    double factor = challengerWins ? base / value : value / base;
    return String.format(
        Locale.ROOT,
        "%s beats %s by %.2f× (%s %s vs %s %s ms, %s %s), beyond noise",
        winner,
        loser,
        factor,
        winner,
        ms(challengerWins ? value : base, decimals),
        loser,
        ms(challengerWins ? base : value, decimals),
        challenger,
        percent(advantage.percent()));
  }

  private static Optional<MetricRow> row(ModeComparison mode, String metric, String source) {
    return mode.rows().stream()
        .filter(r -> r.metric().equals(metric) && r.source().equals(source))
        .filter(r -> r.values().stream().allMatch(v -> v != null))
        .findFirst();
  }

  /** Per profile: one sentence per client, then the study's ratio lines. */
  static List<String> capacity(CapacityStudy study) {
    List<String> sentences = new ArrayList<>();
    for (ProfileCapacity profile : study.profiles()) {
      String prefix = "Capacity, profile " + profile.profile() + " (" + profile.latency() + "), ";
      for (ClientCapacity client : profile.clients()) {
        sentences.add(prefix + client(client) + ".");
      }
      for (String ratio : profile.ratios()) {
        sentences.add("Capacity, profile " + profile.profile() + ": " + ratio);
      }
    }
    return sentences;
  }

  private static String client(ClientCapacity c) {
    StringBuilder s = new StringBuilder(c.client()).append(": ");
    s.append(
        c.sustainableRate() == null
            ? "no sustainable rate (the lowest level already broke)"
            : "sustains " + rate(c.sustainableRate()) + " req/s");
    s.append(c.kneeRate() == null ? ", no knee" : ", knee at " + rate(c.kneeRate()) + " req/s");
    Optional<Level> broken = c.levels().stream().filter(Level::broken).findFirst();
    String where =
        broken
            .map(
                l ->
                    " at " + rate(l.offered()) + " req/s (" + String.join(", ", l.brokenBy()) + ")")
            .orElse("");
    s.append(
        switch (c.limit()) {
          case "style" -> "; broke" + where + " while the machine had room: the style's limit";
          case "machine" ->
              "; then the machine's limit"
                  + where
                  + ": the shared cores, the shared inference executor or the load generator were"
                  + " saturated, so "
                  + c.client()
                  + "'s own ceiling was not reached";
          case "generator" ->
              "; then the load generator's limit"
                  + where
                  + ": every client fell short while the generator was saturated, so this level is"
                  + " not a capacity figure";
          case "none" -> "; no limit reached up to the highest level";
          default -> "; limit: " + c.limit();
        });
    s.append(", at most ").append(rate(c.maxAchieved())).append(" req/s achieved");
    if (c.littleBound() != null) {
      s.append("; Little's-law bound of its ")
          .append(c.littleBound().threads())
          .append(" workers: ")
          .append(String.format(Locale.ROOT, "%.1f", c.littleBound().boundRate()))
          .append(" req/s (")
          .append(c.littleBound().note())
          .append(")");
    }
    return s.toString();
  }

  /** Rates as the capacity levels are offered: whole numbers unless fractional. */
  static String rate(double rate) {
    return rate == Math.rint(rate)
        ? String.valueOf((long) rate)
        : String.format(Locale.ROOT, "%.1f", rate);
  }

  private static String ms(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value).replace("-", MINUS);
  }

  private static String percent(double percent) {
    return (percent > 0 ? "+" : "")
        + String.format(Locale.ROOT, "%.1f%%", percent).replace("-", MINUS);
  }
}
