package org.aerobench.report.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failed (KO) responses per request name and wall-clock second, as the load generator counted them:
 * the client times ({@link ClientTimes}) hold every response's time but not whether it failed, and
 * a fault shows first as errors.
 *
 * <p>File format: CSV {@code second_epoch_ms,request,errors}, one line per (second, request name)
 * with at least one KO, the name in double quotes ({@code ""} for a quote); a header line only when
 * nothing failed.
 */
public final class ClientErrors {

  private static final String HEADER = "second_epoch_ms,request,errors";

  private final Map<String, NavigableMap<Long, LongAdder>> bySecond = new ConcurrentHashMap<>();

  /** Counts one failed response; thread-safe. */
  public void record(String requestName, long endEpochMillis) {
    bySecond
        .computeIfAbsent(requestName, n -> new ConcurrentSkipListMap<>())
        .computeIfAbsent(Math.floorDiv(endEpochMillis, 1000) * 1000, s -> new LongAdder())
        .increment();
  }

  private void add(String requestName, long secondStartMillis, long errors) {
    bySecond
        .computeIfAbsent(requestName, n -> new ConcurrentSkipListMap<>())
        .computeIfAbsent(secondStartMillis, s -> new LongAdder())
        .add(errors);
  }

  /** Request names in sorted order with their KO counts, by second start (epoch ms). */
  public Map<String, NavigableMap<Long, Long>> bySecond() {
    Map<String, NavigableMap<Long, Long>> sorted = new TreeMap<>();
    bySecond.forEach(
        (name, seconds) -> {
          NavigableMap<Long, Long> counts = new TreeMap<>();
          seconds.forEach((s, n) -> counts.put(s, n.sum()));
          sorted.put(name, counts);
        });
    return sorted;
  }

  /** Adds another injector's counts (compare --merge). */
  public void addAll(ClientErrors other) {
    other.bySecond().forEach((name, seconds) -> seconds.forEach((s, n) -> add(name, s, n)));
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    bySecond()
        .forEach(
            (name, seconds) ->
                seconds.forEach(
                    (s, n) ->
                        csv.append(s)
                            .append(",\"")
                            .append(name.replace("\"", "\"\""))
                            .append("\",")
                            .append(n)
                            .append('\n')));
    Files.writeString(file, csv, StandardCharsets.UTF_8);
  }

  /**
   * Reads a file written by {@link #write}.
   *
   * @throws IOException naming the file and line when it is not of that format
   */
  public static ClientErrors read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(
          file + " is not a client-errors file: its first line should be " + HEADER);
    }
    ClientErrors errors = new ClientErrors();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int open = line.indexOf(",\"");
      int close = line.lastIndexOf("\",");
      try {
        if (open < 0 || close <= open) {
          throw new NumberFormatException("no quoted request name");
        }
        errors.add(
            line.substring(open + 2, close).replace("\"\"", "\""),
            Long.parseLong(line.substring(0, open)),
            Long.parseLong(line.substring(close + 2)));
      } catch (NumberFormatException e) {
        throw new IOException(
            file + " line " + (i + 1) + " is not <epoch ms>,\"<request>\",<errors>: " + line, e);
      }
    }
    return errors;
  }
}
