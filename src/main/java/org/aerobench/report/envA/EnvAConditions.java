package org.aerobench.report.envA;

import java.util.List;
import java.util.Map;

/**
 * The conditions printed at the top of the environment A report.
 *
 * @param server "embedded (in-memory) 127.0.0.1:3000" or "external 10.0.0.5:3000"
 * @param latencyInjection the embedded server's injection ("off", "fixed 1 ms", ...)
 * @param extra further label/value pairs in display order (JVM, cores, date, git commit, ...)
 */
public record EnvAConditions(
    List<String> clients,
    List<String> sets,
    List<Integer> batchSizes,
    int concurrency,
    int iterations,
    int warmup,
    boolean interleave,
    boolean shuffleKeys,
    String server,
    String latencyInjection,
    Map<String, String> extra) {

  public EnvAConditions {
    clients = List.copyOf(clients);
    sets = List.copyOf(sets);
    batchSizes = List.copyOf(batchSizes);
    extra = Map.copyOf(extra);
  }
}
