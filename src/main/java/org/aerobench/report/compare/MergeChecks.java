package org.aerobench.report.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.run.PhaseWindow;
import org.aerobench.report.run.RunConditions;
import org.aerobench.report.run.RunFolder;

/** Whether injector runs measured the same thing at the same time, so that merging them is fair. */
final class MergeChecks {

  private MergeChecks() {}

  /**
   * Every run against the first: simulation, compared clients, modes, Gatling version and every
   * effective parameter ({@code parameters.txt}) must be equal.
   */
  static void compatible(List<RunData> runs) {
    RunData first = runs.get(0);
    RunConditions a = first.conditions().orElseThrow();
    Map<String, String> firstParams = parameters(first);
    for (RunData run : runs.subList(1, runs.size())) {
      RunConditions b = run.conditions().orElseThrow();
      differs(run, "simulation", a.simulation(), b.simulation(), first);
      differs(run, "compared clients", a.clients(), b.clients(), first);
      differs(run, "phases", a.modes(), b.modes(), first);
      differs(run, "Gatling version", first.gatling().version(), run.gatling().version(), first);
      Map<String, String> params = parameters(run);
      TreeSet<String> keys = new TreeSet<>(firstParams.keySet());
      keys.addAll(params.keySet());
      for (String key : keys) {
        differs(run, "parameter " + key, firstParams.get(key), params.get(key), first);
      }
    }
  }

  private static void differs(RunData run, String what, Object mine, Object theirs, RunData first) {
    if (!Objects.equals(mine, theirs)) {
      throw RunMerge.refused(
          run.folder(),
          what + " is " + theirs + ", but " + mine + " in " + first.folder() + " (the first run)");
    }
  }

  private static Map<String, String> parameters(RunData run) {
    Map<String, String> params = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(new RunFolder(run.folder()).parameters())) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          params.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new ReportInputException(e.getMessage(), e);
    }
    return params;
  }

  /**
   * The largest difference between two injectors' starts of one phase, by their wall clocks.
   * Injectors started together ({@code -DstartAt}) on synchronised clocks start each phase within
   * milliseconds of each other; beyond {@code boundMillis} their seconds would not line up (clock
   * skew) or their loads did not overlap (not started together), and the merge is refused.
   */
  static long maxSkewMillis(List<RunData> runs, long boundMillis) {
    long max = 0;
    RunData first = runs.get(0);
    for (PhaseWindow phase : first.conditions().orElseThrow().phases()) {
      for (RunData run : runs) {
        PhaseWindow other = run.conditions().orElseThrow().phase(phase.label()).orElse(null);
        if (other == null) {
          throw RunMerge.refused(
              run.folder(), "it recorded no window for phase '" + phase.label() + "'");
        }
        long skew = Math.abs(other.startEpochMillis() - phase.startEpochMillis());
        if (skew > boundMillis) {
          throw RunMerge.refused(
              run.folder(),
              "its phase '"
                  + phase.label()
                  + "' started "
                  + skew
                  + " ms apart from "
                  + first.folder()
                  + "'s, beyond the bound of "
                  + boundMillis
                  + " ms (--max-skew-ms): clock skew, or the injectors were not started"
                  + " together (give them one -DstartAt)");
        }
        max = Math.max(max, skew);
      }
    }
    return max;
  }
}
