package org.aerobench.report.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Client-side response times per request name and wall-clock second, in microseconds, as the load
 * generator saw them: from just before the request action until its checks had run (Gatling's own
 * times are whole milliseconds and cannot be read per second). Successful and failed requests
 * alike, as Gatling counts them.
 *
 * <p>File format: an HdrHistogram interval log ({@link HistogramLogWriter}), one interval histogram
 * per (request name, second in which the response arrived), tagged with the request name
 * (percent-encoded as in {@link ServerTimes}), start and end timestamps the second's bounds in
 * epoch milliseconds. Two significant digits (1 % resolution) keep a long run's thousands of
 * intervals small; the whole-run distribution of a name is the sum of its intervals.
 */
public final class ClientTimes {

  /** Resolution of every interval histogram. */
  private static final int SIGNIFICANT_DIGITS = 2;

  /** The log's first comment, checked on read: the HdrHistogram reader skips unknown lines. */
  private static final String HEADER =
      "aerobench client times: microseconds per second of response, tag = <request name>";

  private final Map<String, NavigableMap<Long, Histogram>> bySecond = new ConcurrentHashMap<>();

  /**
   * Records one response; thread-safe.
   *
   * @param endEpochMillis when the response (and its checks) completed
   */
  public void record(String requestName, long endEpochMillis, long micros) {
    interval(requestName, Math.floorDiv(endEpochMillis, 1000) * 1000)
        .recordValue(Math.max(0, micros));
  }

  private Histogram interval(String requestName, long secondStartMillis) {
    return bySecond
        .computeIfAbsent(requestName, n -> new ConcurrentSkipListMap<>())
        .computeIfAbsent(
            secondStartMillis,
            s -> {
              Histogram h = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
              h.setStartTimeStamp(s);
              h.setEndTimeStamp(s + 1000);
              return h;
            });
  }

  /** Request names in sorted order with their per-second histograms (µs), by second start. */
  public Map<String, NavigableMap<Long, Histogram>> bySecond() {
    Map<String, NavigableMap<Long, Histogram>> sorted = new TreeMap<>();
    bySecond.forEach((name, seconds) -> sorted.put(name, new TreeMap<>(seconds)));
    return sorted;
  }

  /** Every response of a name between two instants (epoch ms, second-aligned ends included). */
  public Histogram between(String requestName, long fromMillis, long toMillis) {
    Histogram sum = new Histogram(SIGNIFICANT_DIGITS);
    NavigableMap<Long, Histogram> seconds = bySecond.get(requestName);
    if (seconds != null) {
      seconds
          .subMap(Math.floorDiv(fromMillis, 1000) * 1000, true, toMillis, false)
          .values()
          .forEach(sum::add);
    }
    return sum;
  }

  /** The whole run's distribution of a name (µs); empty when it has none. */
  public Histogram total(String requestName) {
    return between(requestName, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
  }

  public boolean isEmpty() {
    return bySecond.isEmpty();
  }

  /**
   * Adds every interval of {@code other} (another injector's log) to this one, second by second:
   * HdrHistogram addition is exact, so the sum holds every recorded value of both at the same
   * resolution.
   */
  public void addAll(ClientTimes other) {
    other.bySecond.forEach(
        (name, seconds) -> seconds.forEach((second, h) -> interval(name, second).add(h)));
  }

  /** Writes the log, creating parent folders. */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file);
        PrintStream print = new PrintStream(out, false, "UTF-8")) {
      HistogramLogWriter writer = new HistogramLogWriter(print);
      writer.outputComment(HEADER);
      writer.outputLogFormatVersion();
      writer.outputBaseTime(0);
      writer.setBaseTime(0);
      writer.outputLegend();
      for (var request : bySecond().entrySet()) {
        for (Histogram second : request.getValue().values()) {
          Histogram h = second.copy();
          h.setTag(ServerTimes.encodeTag(request.getKey()));
          h.setStartTimeStamp(second.getStartTimeStamp());
          h.setEndTimeStamp(second.getEndTimeStamp());
          writer.outputIntervalHistogram(h);
        }
      }
    }
  }

  /**
   * Reads a log written by {@link #write}.
   *
   * @throws IOException naming the file when it is missing or not of that format
   */
  public static ClientTimes read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          file + " is missing: expected the client-times log written by the simulation");
    }
    String first;
    try (var lines = Files.lines(file)) {
      first = lines.findFirst().orElse("");
    } catch (java.io.UncheckedIOException e) {
      first = "";
    }
    if (!first.equals("#" + HEADER)) {
      throw new IOException(
          file
              + " is not an aerobench client-times log: its first line should be '#"
              + HEADER
              + "'");
    }
    ClientTimes times = new ClientTimes();
    try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
      EncodableHistogram next;
      while ((next = reader.nextIntervalHistogram()) != null) {
        if (next.getTag() == null || !(next instanceof Histogram histogram)) {
          throw new IOException(
              file + ": an entry has no request-name tag or is not an integer histogram");
        }
        long second = Math.floorDiv(histogram.getStartTimeStamp(), 1000) * 1000;
        times.interval(ServerTimes.decodeTag(next.getTag()), second).add(histogram);
      }
    } catch (RuntimeException e) {
      throw new IOException(file + " is not a readable HdrHistogram log: " + e.getMessage(), e);
    }
    return times;
  }
}
