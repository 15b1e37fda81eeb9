package org.aerobench.report.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a capacity level is broken for a client, decided in one place for the simulation (which
 * stops offering a broken client more load) and the report (which reads the same verdicts).
 *
 * @param p95SloMs per client style: the p95 limit of {@code conf/gate.properties} ({@code
 *     slo.<style>.p95})
 * @param maxErrorPercent {@code errors.max.percent}
 * @param minAchievedShare achieved below this share of offered breaks the level (0.95)
 * @param machineBusyPercent the whole machine busier than this (percent of all cores) marks a level
 *     machine-saturated (90)
 * @param generatorCorePercent the load generator busier than this (percent of one core) marks it
 *     generator-saturated (80)
 */
public record BreakRules(
    Map<String, Double> p95SloMs,
    double maxErrorPercent,
    double minAchievedShare,
    double machineBusyPercent,
    double generatorCorePercent) {

  public static final double MIN_ACHIEVED_SHARE = 0.95;
  public static final double MACHINE_BUSY_PERCENT = 90;
  public static final double GENERATOR_CORE_PERCENT = 80;

  public BreakRules {
    p95SloMs = Map.copyOf(p95SloMs);
  }

  public static BreakRules of(Map<String, Double> p95SloMs, double maxErrorPercent) {
    return new BreakRules(
        p95SloMs,
        maxErrorPercent,
        MIN_ACHIEVED_SHARE,
        MACHINE_BUSY_PERCENT,
        GENERATOR_CORE_PERCENT);
  }

  /** The style an arm or client name stands for: {@code sync#2} is {@code sync}. */
  public static String style(String client) {
    return org.aerobench.client.Arm.style(client);
  }

  /** The rules a client's level broke, in words; empty when it held. */
  public List<String> brokenBy(
      String client, double offered, double achieved, Double p95Ms, double errorPercent) {
    List<String> broken = new ArrayList<>();
    Double slo = p95SloMs.get(style(client));
    if (p95Ms == null) {
      broken.add("no response completed");
    } else if (slo != null && p95Ms > slo) {
      broken.add(String.format(Locale.ROOT, "p95 %.1f ms > SLO %s ms", p95Ms, num(slo)));
    }
    if (errorPercent > maxErrorPercent) {
      broken.add(
          String.format(Locale.ROOT, "errors %.2f %% > %s %%", errorPercent, num(maxErrorPercent)));
    }
    if (achieved < minAchievedShare * offered) {
      broken.add(
          String.format(
              Locale.ROOT,
              "achieved %.1f req/s < %.0f %% of offered %s",
              achieved,
              minAchievedShare * 100,
              num(offered)));
    }
    return broken;
  }

  /** True when the machine, not a style, may have set a level's numbers. */
  public boolean machineSaturated(double machineBusy) {
    return machineBusy > machineBusyPercent;
  }

  /** True when the load generator itself was saturated. */
  public boolean generatorSaturated(double generatorCpu) {
    return generatorCpu > generatorCorePercent;
  }

  /** The rules in words, for the report. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "A level is broken for a client when its client-side p95 exceeds its SLO "
            + p95SloMs.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + num(e.getValue()) + " ms")
                .toList()
            + ", errors exceed "
            + num(maxErrorPercent)
            + " %, or achieved throughput falls below "
            + Math.round(minAchievedShare * 100)
            + " % of offered.");
    lines.add(
        "A level is machine-saturated when the whole machine was more than "
            + num(machineBusyPercent)
            + " % busy, generator-saturated when the load generator used more than "
            + num(generatorCorePercent)
            + " % of a core, or when the inference executor every style shares averaged a queue at"
            + " least as long as its thread count; a client that breaks there is limited by the"
            + " machine or its shared parts, not by its style.");
    return lines;
  }

  static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
