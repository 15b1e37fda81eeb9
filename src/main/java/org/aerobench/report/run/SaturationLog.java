package org.aerobench.report.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's 1 Hz saturation samples, {@code aerobench/saturation.csv}, as the simulations'
 * SaturationSampler writes it: a header {@code epoch_ms,series,value}, then one line per sample and
 * series, the series quoted as the exposition prints it ({@code "name{label=""v""}"}, quotes
 * doubled).
 *
 * @param samples in file order
 */
public record SaturationLog(List<Sample> samples) {

  public static final String HEADER = "epoch_ms,series,value";

  /** One series' value in one sample. */
  public record Sample(long epochMillis, String series, double value) {}

  public SaturationLog {
    samples = List.copyOf(samples);
  }

  /**
   * Reads the file.
   *
   * @throws IOException naming the file and line when it is not of that format
   */
  public static SaturationLog read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + ": the first line should be '" + HEADER + "'");
    }
    List<Sample> samples = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        samples.add(parse(line));
      } catch (IllegalArgumentException e) {
        throw new IOException(
            file + " line " + (i + 1) + ": expected epoch_ms,\"series\",value, got: " + line, e);
      }
    }
    return new SaturationLog(samples);
  }

  private static Sample parse(String line) {
    int comma = line.indexOf(',');
    if (comma < 0 || comma + 1 >= line.length() || line.charAt(comma + 1) != '"') {
      throw new IllegalArgumentException("no quoted series");
    }
    StringBuilder series = new StringBuilder();
    int i = comma + 2;
    while (true) {
      if (i >= line.length()) {
        throw new IllegalArgumentException("unclosed series");
      }
      char c = line.charAt(i);
      if (c == '"') {
        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          series.append('"');
          i += 2;
          continue;
        }
        break;
      }
      series.append(c);
      i++;
    }
    if (i + 1 >= line.length() || line.charAt(i + 1) != ',') {
      throw new IllegalArgumentException("no value");
    }
    return new Sample(
        Long.parseLong(line.substring(0, comma)),
        series.toString(),
        Double.parseDouble(line.substring(i + 2)));
  }
}
