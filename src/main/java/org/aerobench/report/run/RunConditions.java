package org.aerobench.report.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The conditions of one simulation run, written by the simulation beside Gatling's report and
 * printed by the comparison report.
 *
 * @param simulation simple class name, e.g. {@code SingleMode}
 * @param startedAt ISO-8601 instant
 * @param durationSeconds measured wall time of the load
 * @param users concurrent users (closed model) or the peak of a ramp; 0 for an open model
 * @param clients compared client styles, baseline first
 * @param modes read modes exercised
 * @param inference false for env B (skip_inference=true)
 * @param baseUrl the target's URL
 * @param embedded true when the app runs against an embedded Aerospike: what the app's {@code GET
 *     /info} reported, or (files and apps without /info) whether the simulation started the app
 * @param latencyInjection the embedded server's latency injection, or "off"
 * @param gitCommit the project's commit, or "unknown"
 * @param jvm java.vm.name and version of the load generator
 * @param cores available processors
 * @param loadGeneratorCpuSeconds CPU time of Gatling's JVM during the run
 * @param targetCpuSeconds CPU time of the target app's JVM during the run, or -1 when unknown
 * @param arrivalRatePerSecond open model: requests per second over all clients; 0 for a closed
 *     model (absent in files written before it existed, which read as 0)
 * @param phases when each phase ran, in run order, the warm-up included (empty in files written
 *     before it existed: their throughput can only be divided by the whole run)
 * @param app the app's own {@code GET /info} at the start of the run (what it is connected to:
 *     embedded or external, seed hosts, nodes, server build and edition, styles, model), or null
 *     when the target did not answer it (older apps, files written before it existed)
 */
public record RunConditions(
    String simulation,
    String startedAt,
    double durationSeconds,
    int users,
    List<String> clients,
    List<String> modes,
    boolean inference,
    String baseUrl,
    boolean embedded,
    String latencyInjection,
    String gitCommit,
    String jvm,
    int cores,
    double loadGeneratorCpuSeconds,
    double targetCpuSeconds,
    double arrivalRatePerSecond,
    List<PhaseWindow> phases,
    Map<String, Object> app) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public RunConditions {
    clients = List.copyOf(clients);
    // (an absent arrivalRatePerSecond deserialises as 0: a closed model)
    modes = List.copyOf(modes);
    phases = phases == null ? List.of() : List.copyOf(phases);
  }

  /** The Aerospike server's build as the app reported it ({@code app.aerospike.build}), if any. */
  public java.util.Optional<String> aerospikeBuild() {
    return app != null && app.get("aerospike") instanceof Map<?, ?> aerospike
        ? java.util.Optional.ofNullable(aerospike.get("build")).map(String::valueOf)
        : java.util.Optional.empty();
  }

  /** The window of a phase by label, if it was recorded. */
  public java.util.Optional<PhaseWindow> phase(String label) {
    return phases.stream().filter(p -> p.label().equals(label)).findFirst();
  }

  /** Writes the conditions as JSON, creating parent folders. */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), this);
  }

  /** Reads conditions written by {@link #write}, naming the file on any failure. */
  public static RunConditions read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " is missing: expected the run conditions of the simulation");
    }
    try {
      return JSON.readValue(file.toFile(), RunConditions.class);
    } catch (IOException e) {
      throw new IOException(file + " is not valid run-conditions JSON: " + e.getMessage(), e);
    }
  }
}
