package org.aerobench.report.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.PhaseWindow;
import org.aerobench.report.run.RunConditions;

/**
 * A request name's requests per second in one run, the only formula the comparison, the gate and
 * the run diff use: its requests, OK and KO together (as Gatling's Cnt/s counts them: a failed
 * request was still served load), divided by its own phase's duration from {@code conditions.json}.
 * Gatling's Cnt/s divides by the whole simulation, warm-up and other phases included, so a 20 s
 * phase serving 60 req/s in a 33 s run reads 36.
 *
 * <p>Without a window for the phase (runs recorded before phases were, plain Gatling simulations, a
 * request name whose first word is no phase) the figure falls back to Gatling's Cnt/s, and {@link
 * #notes} says so.
 *
 * @param request Gatling's row for the request name
 * @param phase the window it is divided by, or null when the figure is Gatling's Cnt/s
 */
public record Throughput(RequestStats request, PhaseWindow phase) {

  /** The figure for {@code request} in a run with these conditions. */
  public static Throughput of(RequestStats request, Optional<RunConditions> conditions) {
    String label = RequestName.parse(request.name()).mode();
    // A zero-length window cannot hold requests: dividing by it would give infinity, not a rate.
    PhaseWindow window =
        conditions.flatMap(c -> c.phase(label)).filter(w -> w.seconds() > 0).orElse(null);
    return new Throughput(request, window);
  }

  /** Requests per second: total ÷ phase seconds, or Gatling's Cnt/s without a window. */
  public double perSecond() {
    return phase == null ? request.perSecond() : request.total() / phase.seconds();
  }

  /** True when the figure is Gatling's Cnt/s (divided by the whole run). */
  public boolean wholeRun() {
    return phase == null;
  }

  /** How the figure was computed, e.g. "342 requests / 4.000 s of phase 'single'". */
  public String basis() {
    return phase == null
        ? "Gatling's Cnt/s, whole run"
        : String.format(
            Locale.ROOT,
            "%d requests / %.3f s of phase '%s'",
            request.total(),
            phase.seconds(),
            phase.label());
  }

  /**
   * The same request name in two runs, on one basis.
   *
   * @param lacking null when both figures are on the same basis as measured; else "before" or
   *     "after", the run that had no window for the phase while the other had one, so both figures
   *     were taken as Gatling's Cnt/s
   */
  public record Change(Throughput before, Throughput after, String lacking) {

    /** (after − before) / before × 100, or null when before is 0. */
    public Double percent() {
      double b = before.perSecond();
      return b == 0 ? null : (after.perSecond() - b) / b * 100;
    }
  }

  /**
   * Pairs two figures of one request name. A phase's rate against a whole run's would always look
   * like a rise (or, the other way round, a drop) that no server caused, so when only one run has
   * the window both sides are compared as Gatling's Cnt/s, as before phases were recorded.
   */
  public static Change change(Throughput before, Throughput after) {
    if (before.wholeRun() == after.wholeRun()) {
      return new Change(before, after, null);
    }
    return new Change(
        new Throughput(before.request, null),
        new Throughput(after.request, null),
        before.wholeRun() ? "before" : "after");
  }

  /** The per-phase formula in words; {@code lengths} names the windows, e.g. "(single 4.0 s)". */
  private static String perPhase(String subject, String lengths) {
    return subject
        + " each request name's requests, OK and KO together (as Gatling's Cnt/s counts them),"
        + " divided by its own phase's duration from conditions.json"
        + lengths
        + ", not by the whole run's.";
  }

  /**
   * What a report says about its requests/s: one line on the per-phase figures (with the phases'
   * lengths), one on any that fell back to Gatling's Cnt/s.
   */
  public static List<String> notes(List<Throughput> figures) {
    Map<String, Double> phases = new LinkedHashMap<>();
    List<String> fallback = new ArrayList<>();
    for (Throughput t : figures) {
      if (t.wholeRun()) {
        fallback.add(t.request.name());
      } else {
        phases.putIfAbsent(t.phase.label(), t.phase.seconds());
      }
    }
    List<String> notes = new ArrayList<>();
    if (!phases.isEmpty()) {
      List<String> lengths = new ArrayList<>();
      phases.forEach((label, s) -> lengths.add(String.format(Locale.ROOT, "%s %.1f s", label, s)));
      notes.add(perPhase("requests/s is", " (" + String.join(", ", lengths) + ")"));
    }
    if (phases.isEmpty() && !fallback.isEmpty()) {
      notes.add(
          wholeRun("requests/s is", "this run's conditions.json records no phase windows")
              + "; it understates a phase that ran for only part of the run, so compare it only"
              + " between clients of the same phase.");
    } else if (!fallback.isEmpty()) {
      notes.add(
          wholeRun(
                  "requests/s of " + quoted(fallback) + " is",
                  "conditions.json has no window for their phase")
              + "; it understates a phase that ran for only part of the run.");
    }
    return notes;
  }

  /**
   * What a run diff or the gate says about figures compared across two runs.
   *
   * @param run the later run's name
   * @param baseline the earlier run's name
   */
  public static List<String> changeNotes(List<Change> changes, String run, String baseline) {
    boolean perPhase = false;
    List<String> neither = new ArrayList<>();
    Map<String, List<String>> mixed = new LinkedHashMap<>();
    for (Change c : changes) {
      String name = c.after().request().name();
      if (c.lacking() != null) {
        String lacking = c.lacking().equals("before") ? baseline : run;
        mixed.computeIfAbsent(lacking, k -> new ArrayList<>()).add(name);
      } else if (c.after().wholeRun()) {
        neither.add(name);
      } else {
        perPhase = true;
      }
    }
    List<String> notes = new ArrayList<>();
    if (perPhase) {
      notes.add(perPhase("req/s is, in each run,", ""));
    }
    if (!neither.isEmpty()) {
      notes.add(
          wholeRun(
                  "req/s of " + quoted(neither) + " is",
                  "neither run's conditions.json has a window for their phase")
              + ".");
    }
    mixed.forEach(
        (lacking, names) ->
            notes.add(
                wholeRun(
                        "req/s of " + quoted(names) + " is, in both runs,",
                        lacking + "'s conditions.json has no window for their phase")
                    + " (a phase's rate against a whole run's would be no comparison)."));
    return notes;
  }

  private static String wholeRun(String subject, String because) {
    return subject
        + " Gatling's Cnt/s: the request count divided by the whole simulation's duration"
        + " (every phase, any warm-up included), because "
        + because;
  }

  private static String quoted(List<String> names) {
    return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
  }
}
