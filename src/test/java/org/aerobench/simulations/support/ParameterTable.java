package org.aerobench.simulations.support;

import static org.aerobench.simulations.support.ParameterSpec.single;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aerobench.client.ReadMode;
import org.aerobench.embedded.cluster.FaultSchedule;
import org.aerobench.simulations.support.ParameterSpec.Values;
import org.aerobench.simulations.support.Parameters.DatabasePlace;
import org.aerobench.simulations.support.Parameters.Model;
import org.aerobench.simulations.support.Parameters.Part;

/**
 * Every {@code -D} parameter of the simulations: one entry per component of {@link Parameters},
 * with its default, rule and example, in the order they are read (the rules that read several
 * parameters are in {@link ParameterRules}). A component may depend on one read before it (the load
 * model decides which parameters apply; the embedded stack, whether the database and latency
 * options do), so the order is part of the rules; it is also the order in which problems are
 * listed.
 */
final class ParameterTable {

  private ParameterTable() {}

  static final ParameterSpec<String> BASE_URL =
      new ParameterSpec<>(
          "baseUrl",
          null,
          List.of("baseUrl", "allowRemote"),
          (in, earlier) -> ParameterRules.baseUrl(in),
          Parameters::baseUrl);

  static final ParameterSpec<List<String>> CLIENTS =
      new ParameterSpec<>(
          "clients",
          null,
          List.of("clients"),
          (in, earlier) -> ParameterRules.clients(in, "clients", earlier.defaultClients()),
          Parameters::clients);

  static final ParameterSpec<List<String>> STRESS_CLIENTS =
      single(
          "stressClients",
          Part.STRESS_CLIENTS,
          in -> ParameterRules.clients(in, "stressClients", Parameters.ASYNC_ONLY),
          Parameters::stressClients);

  /** Read before the parameters it rules out: those of the other model then read as absent. */
  static final ParameterSpec<Model> MODEL =
      single("model", null, ParameterRules::modelAndRefuseTheOther, Parameters::model);

  static final ParameterSpec<Integer> USERS =
      single("users", Part.STEADY, in -> in.wholeNumber("users", 10, 1, "10"), Parameters::users);

  static final ParameterSpec<Duration> DURATION =
      single(
          "duration",
          Part.STEADY,
          in -> in.duration("duration", "60s", false),
          Parameters::duration);

  static final ParameterSpec<Duration> PAUSE =
      new ParameterSpec<>(
          "pause",
          Part.CALLS_IN_TURN,
          List.of("pauseMs"),
          (in, earlier) -> Duration.ofMillis(in.wholeNumber("pauseMs", 50, 0, "50")),
          Parameters::pause);

  static final ParameterSpec<Pauses.Distribution> PAUSE_DISTRIBUTION =
      single(
          "pauseDistribution",
          Part.CALLS_IN_TURN,
          in ->
              in.parsed(
                  "pauseDistribution",
                  Pauses.Distribution.CONSTANT,
                  Pauses.Distribution::fromWireName,
                  "allowed: constant (default), exponential or uniform (0 to twice -DpauseMs), e.g."
                      + " -DpauseDistribution=exponential"),
          Parameters::pauseDistribution);

  static final ParameterSpec<CallOrder> ORDER =
      single(
          "order",
          Part.CALLS_IN_TURN,
          in ->
              in.parsed(
                  "order",
                  CallOrder.ROTATE,
                  CallOrder::fromWireName,
                  "allowed: rotate (default: each iteration starts one client further), random (a"
                      + " seeded shuffle per iteration, see -Dseed) or fixed (baseline first, as"
                      + " the reference), e.g. -Dorder=random"),
          Parameters::order);

  /**
   * A fixed default keeps runs that differ in nothing else the same experiment (the gate's
   * calibration and {@code compare --merge} compare every parameter), and a run repeatable from its
   * {@code conditions.json}.
   */
  static final ParameterSpec<Long> SEED =
      single(
          "seed",
          null,
          in ->
              in.parsed(
                  "seed",
                  Parameters.DEFAULT_SEED,
                  Long::parseLong,
                  "must be a whole number (64-bit), e.g. -Dseed=42"),
          Parameters::seed);

  static final ParameterSpec<Duration> WARMUP =
      single("warmup", null, in -> in.duration("warmup", "10s", true), Parameters::warmup);

  /** The longest warm-up: at least {@code -Dwarmup}; three times it by default. */
  static final ParameterSpec<Duration> WARMUP_MAX =
      new ParameterSpec<>(
          "warmupMax",
          null,
          List.of("warmupMax"),
          (in, earlier) -> ParameterRules.warmupMax(in, earlier.get(WARMUP)),
          Parameters::warmupMax);

  static final ParameterSpec<Double> WARMUP_TOLERANCE =
      single(
          "warmupTolerance",
          null,
          in -> in.fraction("warmupTolerance", 0.2, "0.2"),
          Parameters::warmupTolerance);

  static final ParameterSpec<Boolean> INFERENCE =
      single("inference", null, in -> in.bool("inference", true), Parameters::inference);

  static final ParameterSpec<String> READ_MODE =
      new ParameterSpec<>(
          "readMode",
          Part.READ_MODE,
          List.of("mode"),
          (in, earlier) ->
              in.parsed(
                  "mode",
                  ReadMode.SINGLE.wireName(),
                  text -> ReadMode.fromWireName(text.toLowerCase(Locale.ROOT)).wireName(),
                  "unknown read mode; allowed: " + ReadMode.allowedNames()),
          Parameters::readMode);

  static final ParameterSpec<Double> RATE =
      new ParameterSpec<>(
          "rate",
          null,
          List.of("rate"),
          (in, earlier) -> ParameterRules.rate(in, earlier.get(MODEL)),
          Parameters::rate);

  /** The stress ramp: users in the closed model, rates (from {@code -Drate}) in the open one. */
  static final ParameterSpec<Ramp> RAMP =
      new ParameterSpec<>(
          "ramp",
          Part.RAMP,
          List.of(
              "rampUsers1",
              "rampUsers2",
              "rampRate1",
              "rampRate2",
              "rampDuration",
              "rampDuration1",
              "rampDuration2",
              "rampDuration3"),
          (in, earlier) -> ParameterRules.ramp(in, earlier.get(MODEL), earlier.get(RATE)),
          Parameters::ramp);

  static final ParameterSpec<LatencyInjection> LATENCY =
      new ParameterSpec<>(
          "latency",
          null,
          List.of("latencyFixedMs", "latencyMedianMs", "latencyP99Ms"),
          (in, earlier) -> ParameterRules.latency(in, earlier.get(BASE_URL) == null),
          Parameters::latency);

  static final ParameterSpec<DatabasePlace> DATABASE =
      new ParameterSpec<>(
          "database",
          null,
          List.of("database"),
          (in, earlier) -> ParameterRules.database(in, earlier.get(BASE_URL) == null),
          Parameters::database);

  static final ParameterSpec<Integer> BATCH_SIZE =
      single(
          "batchSize", null, in -> in.wholeNumber("batchSize", 0, 0, "200"), Parameters::batchSize);

  static final ParameterSpec<List<String>> APP_JVM_ARGS =
      single("appJvmArgs", null, in -> in.words("appJvmArgs", "-Xmx1g"), Parameters::appJvmArgs);

  static final ParameterSpec<Path> APP_CONFIG =
      single("appConfig", null, in -> in.existingFile("appConfig"), Parameters::appConfig);

  static final ParameterSpec<Duration> READY_TIMEOUT =
      single(
          "readyTimeout",
          null,
          in -> in.duration("readyTimeout", "60s", false),
          Parameters::readyTimeout);

  static final ParameterSpec<Path> ASSERTIONS =
      single("assertions", null, in -> in.existingFile("assertions"), Parameters::assertions);

  static final ParameterSpec<Instant> START_AT =
      single("startAt", null, in -> in.instant("startAt"), Parameters::startAt);

  /**
   * Read after the parameters that decide whether the run starts the database itself (the URL,
   * -Ddatabase, -DappConfig): only then can it emulate a cluster.
   */
  static final ParameterSpec<Integer> NODES =
      new ParameterSpec<>(
          "nodes",
          null,
          List.of("nodes"),
          (in, earlier) -> ParameterRules.nodes(in, ParameterRules.noClusterBecause(in, earlier)),
          Parameters::nodes);

  static final ParameterSpec<Integer> REPLICATION_FACTOR =
      new ParameterSpec<>(
          "replicationFactor",
          null,
          List.of("replicationFactor"),
          (in, earlier) ->
              ParameterRules.replicationFactor(
                  in, earlier.get(NODES), ParameterRules.noClusterBecause(in, earlier)),
          Parameters::replicationFactor);

  static final ParameterSpec<NodeLatencies> NODE_LATENCY =
      new ParameterSpec<>(
          "nodeLatency",
          null,
          List.of("nodeLatency"),
          (in, earlier) ->
              ParameterRules.nodeLatency(
                  in, earlier.get(NODES), ParameterRules.noClusterBecause(in, earlier)),
          Parameters::nodeLatency);

  static final ParameterSpec<FaultSchedule> FAULTS =
      new ParameterSpec<>(
          "faults",
          null,
          List.of("faults"),
          (in, earlier) ->
              ParameterRules.faults(
                  in,
                  earlier.get(NODES),
                  earlier.get(REPLICATION_FACTOR),
                  ParameterRules.noClusterBecause(in, earlier)),
          Parameters::faults);

  /** The table, in reading order. */
  static final List<ParameterSpec<?>> ALL =
      List.of(
          BASE_URL,
          CLIENTS,
          STRESS_CLIENTS,
          MODEL,
          USERS,
          DURATION,
          PAUSE,
          PAUSE_DISTRIBUTION,
          ORDER,
          SEED,
          WARMUP,
          WARMUP_MAX,
          WARMUP_TOLERANCE,
          INFERENCE,
          READ_MODE,
          RATE,
          RAMP,
          LATENCY,
          DATABASE,
          BATCH_SIZE,
          APP_JVM_ARGS,
          APP_CONFIG,
          NODES,
          REPLICATION_FACTOR,
          NODE_LATENCY,
          FAULTS,
          READY_TIMEOUT,
          ASSERTIONS,
          START_AT);

  /** Reads every entry in order. */
  static Values readAll(ParameterReader in, List<String> defaultClients) {
    Values values = new Values(defaultClients);
    for (ParameterSpec<?> spec : ALL) {
      spec.readInto(in, values);
    }
    return values;
  }

  /** The {@code -D} names of a group, in table order. */
  static List<String> namesOf(Part part) {
    List<String> names = new ArrayList<>();
    for (ParameterSpec<?> spec : ALL) {
      if (spec.part() == part) {
        names.addAll(spec.names());
      }
    }
    return names;
  }
}
