package org.aerobench.embedded;

import com.aerospike.client.Log;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Captures the Aerospike client's own WARN and ERROR log lines, so tests can assert none. */
public final class ClientLog {

  private static final List<String> problems = new CopyOnWriteArrayList<>();

  private ClientLog() {}

  public static void capture() {
    problems.clear();
    Log.setLevel(Log.Level.INFO);
    Log.setCallback(
        (level, message) -> {
          if (level == Log.Level.WARN || level == Log.Level.ERROR) {
            problems.add(level + " " + message);
          }
        });
  }

  public static List<String> problems() {
    return List.copyOf(problems);
  }
}
