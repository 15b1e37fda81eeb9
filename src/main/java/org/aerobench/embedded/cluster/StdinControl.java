package org.aerobench.embedded.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The launcher's standard input as a control: one command per line, {@code status}, {@code stop 2},
 * {@code start 2}, {@code freeze 1 [ms]}, {@code thaw 1}, answered on standard output as the info
 * command {@code aerobench-cluster} would. End of input (a launcher without a terminal) only ends
 * the reading.
 */
public final class StdinControl {

  private StdinControl() {}

  /** Reads {@code in} on a daemon thread until its end. */
  public static void start(EmbeddedCluster cluster, InputStream in, PrintWriter out) {
    Thread t = new Thread(() -> serve(cluster, in, out), "embedded-cluster-stdin");
    t.setDaemon(true);
    t.start();
  }

  static void serve(EmbeddedCluster cluster, InputStream in, PrintWriter out) {
    ClusterControl control = new ClusterControl(cluster);
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          out.println(answer(control, line.trim()));
          out.flush();
        }
      }
    } catch (IOException e) {
      // standard input went away: the cluster serves on, controlled by info commands
    }
  }

  /** {@code stop 2} → the reply to {@code aerobench-cluster:stop=2}. */
  static String answer(ClusterControl control, String line) {
    String[] words = line.split("\\s+");
    if (!java.util.Set.of("status", "stop", "start", "freeze", "thaw").contains(words[0])) {
      return "ERROR: '"
          + line
          + "' is not a command; use status, stop <n>, start <n>, freeze <n> [ms] or thaw <n>";
    }
    if (words[0].equals("status")) {
      return control.answer("", 0);
    }
    if (words.length == 2) {
      return control.answer(words[0] + "=" + words[1], 0);
    }
    if (words.length == 3 && words[0].equals("freeze")) {
      return control.answer("freeze=" + words[1] + ";ms=" + words[2], 0);
    }
    return "ERROR: '"
        + line
        + "' is not a command; use status, stop <n>, start <n>, freeze <n> [ms] or thaw <n>";
  }
}
