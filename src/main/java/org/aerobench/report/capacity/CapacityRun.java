package org.aerobench.report.capacity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the Capacity simulation measured, written beside Gatling's report ({@code
 * aerobench/capacity.json}) and read by the comparison report, which turns it into the verdict
 * ({@link CapacityVerdict}).
 *
 * @param clients compared clients, baseline first
 * @param profiles latency profiles in run order
 * @param levels every (level, client) that ran, in run order
 */
public record CapacityRun(
    String mode,
    boolean inference,
    double stepSeconds,
    double settleSeconds,
    List<String> clients,
    List<Profile> profiles,
    BreakRules rules,
    List<Level> levels) {

  /** A latency profile and what it injects, e.g. {@code reference}, {@code log-normal ...}. */
  public record Profile(String name, String latency) {}

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public CapacityRun {
    clients = List.copyOf(clients);
    profiles = List.copyOf(profiles);
    levels = List.copyOf(levels);
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), this);
  }

  /** Reads a file written by {@link #write}, naming it on any failure. */
  public static CapacityRun read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), CapacityRun.class);
    } catch (IOException e) {
      throw new IOException(file + " is not a capacity-run JSON file: " + e.getMessage(), e);
    }
  }
}
