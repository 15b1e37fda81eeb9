package org.aerobench.report.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.run.RunFolder;

/**
 * What makes two runs the same experiment: every condition {@code conditions.json} records that
 * shapes the load or the target (simulation, arms, users, rate, modes, inference, backend, latency
 * injection, cores) and every effective {@code -D} parameter of {@code parameters.txt} (pause,
 * duration, warm-up, batch size, model, app config and JVM flags, ...), but not what only says
 * where or when (the app's port, start time, commit, timeouts, assertion file).
 */
public final class Experiment {

  /** parameters.txt lines that do not change what is measured. */
  private static final Set<String> IGNORED =
      Set.of("baseUrl", "baseUrlUsed", "readyTimeout", "assertions", "allowRemote");

  private Experiment() {}

  /** The run's conditions, field to value, in a stable order. */
  public static Map<String, String> of(RunData run) {
    Map<String, String> key = new LinkedHashMap<>();
    key.put("simulation", run.simulation());
    run.conditions()
        .ifPresent(
            c -> {
              key.put("clients", String.join(",", c.clients()));
              key.put("users", String.valueOf(c.users()));
              key.put("arrivalRatePerSecond", String.valueOf(c.arrivalRatePerSecond()));
              key.put("modes", String.join(",", c.modes()));
              key.put("inference", String.valueOf(c.inference()));
              key.put("embedded", String.valueOf(c.embedded()));
              key.put("latencyInjection", c.latencyInjection());
              key.put("cores", String.valueOf(c.cores()));
            });
    Path parameters = new RunFolder(run.folder()).dir().resolve("parameters.txt");
    if (Files.isRegularFile(parameters)) {
      try {
        for (String line : Files.readAllLines(parameters)) {
          int eq = line.indexOf('=');
          if (line.startsWith("#") || eq < 0 || IGNORED.contains(line.substring(0, eq))) {
            continue;
          }
          key.putIfAbsent("-D" + line.substring(0, eq), line.substring(eq + 1));
        }
      } catch (IOException e) {
        throw new ReportInputException(parameters + " cannot be read: " + e.getMessage(), e);
      }
    }
    return key;
  }

  /** One line: {@code simulation=SingleMode;clients=sync,sync;...}, the calibration's key. */
  public static String key(RunData run) {
    StringBuilder line = new StringBuilder();
    of(run)
        .forEach((k, v) -> line.append(line.isEmpty() ? "" : ";").append(k).append('=').append(v));
    return line.toString();
  }

  /**
   * The first condition in which {@code other} differs from {@code reference}, in words; null when
   * they are the same experiment.
   */
  public static String difference(RunData reference, RunData other) {
    Map<String, String> a = of(reference);
    Map<String, String> b = of(other);
    for (String field : union(a, b)) {
      if (!Objects.equals(a.get(field), b.get(field))) {
        return String.format(
            "%s differs: %s in %s, %s in %s",
            field, shown(a.get(field)), reference.folder(), shown(b.get(field)), other.folder());
      }
    }
    return null;
  }

  /**
   * Refuses runs that are not the same experiment as the first, naming the field, unless {@code
   * allowed} (then each difference becomes a note).
   */
  public static void requireSame(
      List<RunData> runs, boolean allowed, String flag, List<String> notes) {
    for (RunData other : runs.subList(1, runs.size())) {
      String difference = difference(runs.get(0), other);
      if (difference == null) {
        continue;
      }
      if (!allowed) {
        throw new ReportInputException(
            difference
                + ": the runs compared must be the same experiment (add "
                + flag
                + " if the difference is intended)");
      }
      notes.add(difference + " (allowed by " + flag + ")");
    }
  }

  private static List<String> union(Map<String, String> a, Map<String, String> b) {
    LinkedHashMap<String, Boolean> all = new LinkedHashMap<>();
    a.keySet().forEach(k -> all.put(k, true));
    b.keySet().forEach(k -> all.put(k, true));
    return List.copyOf(all.keySet());
  }

  private static String shown(String value) {
    return value == null ? "(not recorded)" : "'" + value + "'";
  }
}
