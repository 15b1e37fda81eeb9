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
 * @param callOrder closed model: the order of the compared clients in each iteration and the seed
 *     of any randomness (order and pauses); null in files written before it existed
 * @param loadModel closed (users, pauses) or open (arrival rate) and its numbers; null in files
 *     written before it existed
 * @param warmup how long the warm-up ran and whether it reached a steady state; null in files
 *     written before it existed
 * @param database where the Aerospike the app read from ran; null in files written before it
 *     existed
 * @param cluster the emulated cluster the run started and the faults played on it; null for a
 *     single node without faults, an external cluster and files written before it existed
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
    Map<String, Object> app,
    CallOrder callOrder,
    LoadModel loadModel,
    Warmup warmup,
    Database database,
    Cluster cluster) {

  /**
   * The order in which a closed-model iteration called the clients.
   *
   * @param policy {@code rotate} (iteration k starts at client k mod n), {@code random} (a seeded
   *     shuffle per iteration) or {@code fixed} (baseline first, the reference's order)
   * @param seed the seed of the random order and pauses ({@code -Dseed}, default 1)
   */
  public record CallOrder(String policy, long seed) {}

  /**
   * The load model of the measured phases.
   *
   * @param kind {@code closed} (concurrent users, each calling every client in turn with a pause
   *     after each: percentiles subject to coordinated omission) or {@code open} (arrivals at a
   *     rate, one client per arrival: every client its own arrival process) or {@code open-levels}
   *     (the capacity study's rate levels, see capacity.json)
   * @param users closed: concurrent users of the steady phases (0 for open)
   * @param ratePerSecond open: requests per second over all clients (open-levels: the highest
   *     level's; 0 for closed)
   * @param pauseMs closed: mean pause after each call (0 for open)
   * @param pauseDistribution closed: {@code constant}, {@code exponential} or {@code uniform}
   *     ({@code none} for open)
   */
  public record LoadModel(
      String kind, int users, double ratePerSecond, long pauseMs, String pauseDistribution) {}

  /**
   * The warm-up before the measured phases, in their read modes, clients and inference.
   *
   * @param ran false when {@code -Dwarmup=0} skipped it
   * @param steady true when the last two warm-up windows' p50 agreed within {@code tolerance} for
   *     every client before the warm-up ended
   * @param seconds how long it ran
   * @param windowSeconds length of each window compared
   * @param tolerance largest relative difference of the two p50s that counts as steady
   * @param readModes the read modes it called
   * @param lastWindowsP50Ms per client, the p50 (ms, client-side) of the last two complete windows
   */
  public record Warmup(
      boolean ran,
      boolean steady,
      double seconds,
      double windowSeconds,
      double tolerance,
      List<String> readModes,
      Map<String, List<Double>> lastWindowsP50Ms) {}

  /**
   * Where the Aerospike the app read from ran.
   *
   * @param where {@code app-jvm} (the embedded server inside the app's JVM), {@code own-jvm} (the
   *     embedded server in a JVM of its own), {@code external} (a real cluster) or {@code unknown}
   * @param address host:port the app connected to, when known
   * @param cpuSeconds CPU time of the database's own JVM during the run ({@code own-jvm}); -1 when
   *     it is not counted apart (inside the app's JVM: in {@code targetCpuSeconds}; external)
   */
  public record Database(String where, String address, double cpuSeconds) {}

  /**
   * The emulated cluster ({@code embedded-server --nodes}) and what the run did to it.
   *
   * @param nodes how many nodes
   * @param replicationFactor copies of each partition
   * @param ports node i's loopback port at index i - 1
   * @param nodeLatency latency of single nodes instead of everyone's, or {@code off}
   * @param faultSchedule {@code -Dfaults} as given, or {@code none}
   * @param faults the faults as played, in order, each with its reply
   */
  public record Cluster(
      int nodes,
      int replicationFactor,
      List<Integer> ports,
      String nodeLatency,
      String faultSchedule,
      List<FaultEvent> faults) {

    public Cluster {
      ports = ports == null ? List.of() : List.copyOf(ports);
      faults = faults == null ? List.of() : List.copyOf(faults);
    }
  }

  /** The faults played on the emulated cluster, in order; empty without. */
  public List<FaultEvent> faults() {
    return cluster == null ? List.of() : cluster.faults();
  }

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
