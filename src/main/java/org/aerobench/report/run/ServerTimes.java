package org.aerobench.report.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Server-measured stage times per request name, in microseconds, one HdrHistogram per (request
 * name, stage). Gatling's own times are whole milliseconds; these come from each response's JSON.
 *
 * <p>File format: an HdrHistogram log ({@link HistogramLogWriter}) with one histogram per pair,
 * tagged {@code <request name>|<stage>}. Any HdrHistogram tool can read it. The log reader splits
 * lines on spaces and commas, so those (and '%') are percent-encoded in the tag: {@code
 * single%20sync|TOTAL}.
 */
public final class ServerTimes {

  /** Highest trackable value: 10 minutes in microseconds. */
  private static final long MAX_MICROS = 600_000_000L;

  private static final char TAG_SEPARATOR = '|';

  private final Map<String, Map<Stage, Histogram>> histograms = new ConcurrentHashMap<>();

  /** Records one response's stage time; thread-safe. */
  public void record(String requestName, Stage stage, double millis) {
    long micros = Math.max(0, Math.min(MAX_MICROS, Math.round(millis * 1000.0)));
    histogram(requestName, stage).recordValue(micros);
  }

  /** The histogram for a pair, created empty when absent. Values are microseconds. */
  public Histogram histogram(String requestName, Stage stage) {
    return histograms
        .computeIfAbsent(requestName, n -> new ConcurrentHashMap<>())
        .computeIfAbsent(stage, s -> new ConcurrentHistogram(MAX_MICROS, 3));
  }

  /**
   * The request's {@link Stage#TOTAL} histogram (µs), or null when it has no samples. Reads the
   * live map: no sorted copies (see {@link #byRequest}).
   */
  public Histogram total(String requestName) {
    Map<Stage, Histogram> stages = histograms.get(requestName);
    Histogram h = stages == null ? null : stages.get(Stage.TOTAL);
    return h == null || h.getTotalCount() == 0 ? null : h;
  }

  /** Request names in sorted order with their stage histograms (copies the maps: call once). */
  public Map<String, Map<Stage, Histogram>> byRequest() {
    Map<String, Map<Stage, Histogram>> sorted = new TreeMap<>();
    histograms.forEach((name, stages) -> sorted.put(name, new TreeMap<>(stages)));
    return sorted;
  }

  /** Adds every histogram of {@code other} (another injector's log): exact, as in ClientTimes. */
  public void addAll(ServerTimes other) {
    other.histograms.forEach(
        (name, stages) -> stages.forEach((stage, h) -> histogram(name, stage).add(h)));
  }

  /** True when nothing was recorded. */
  public boolean isEmpty() {
    return histograms.isEmpty();
  }

  /** Writes the log, creating parent folders. */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file);
        PrintStream print = new PrintStream(out, false, "UTF-8")) {
      HistogramLogWriter writer = new HistogramLogWriter(print);
      writer.outputComment("aerobench server times: microseconds, tag = <request name>|<stage>");
      writer.outputLogFormatVersion();
      writer.outputLegend();
      for (var request : byRequest().entrySet()) {
        for (var stage : request.getValue().entrySet()) {
          Histogram h = stage.getValue().copy();
          h.setTag(encodeTag(request.getKey()) + TAG_SEPARATOR + stage.getKey().name());
          h.setStartTimeStamp(0);
          h.setEndTimeStamp(0);
          writer.outputIntervalHistogram(h);
        }
      }
    }
  }

  /**
   * Reads a log written by {@link #write}.
   *
   * @throws IOException when the file is missing, or with a message naming the file and the
   *     expected format when an entry is not of that format
   */
  public static ServerTimes read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          file + " is missing: expected the server-times log written by the simulation");
    }
    ServerTimes times = new ServerTimes();
    try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
      EncodableHistogram next;
      while ((next = reader.nextIntervalHistogram()) != null) {
        String tag = next.getTag();
        int cut = tag == null ? -1 : tag.lastIndexOf(TAG_SEPARATOR);
        if (cut <= 0 || !(next instanceof Histogram histogram)) {
          throw new IOException(
              file + ": entry tagged '" + tag + "' is not '<request name>|<stage>' integers");
        }
        Stage stage;
        try {
          stage = Stage.valueOf(tag.substring(cut + 1));
        } catch (IllegalArgumentException e) {
          throw new IOException(file + ": unknown stage in tag '" + tag + "'", e);
        }
        times.histogram(decodeTag(tag.substring(0, cut)), stage).add(histogram);
      }
    } catch (RuntimeException e) {
      throw new IOException(file + " is not a readable HdrHistogram log: " + e.getMessage(), e);
    }
    return times;
  }

  /** Percent-encodes the characters the log reader would split on ('%', ' ', ',', tab, CR, LF). */
  static String encodeTag(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      switch (c) {
        case '%', ' ', ',', '\t', '\r', '\n' -> out.append(String.format("%%%02X", (int) c));
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Reverses {@link #encodeTag}. */
  static String decodeTag(String tag) {
    StringBuilder out = new StringBuilder(tag.length());
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (c == '%' && i + 2 < tag.length()) {
        out.append((char) Integer.parseInt(tag.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
