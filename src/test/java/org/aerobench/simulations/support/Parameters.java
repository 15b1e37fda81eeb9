package org.aerobench.simulations.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aerobench.embedded.cluster.FaultSchedule;
import org.aerobench.simulations.support.ParameterSpec.Values;

/**
 * Every {@code -D} parameter of the simulations, read and checked in one place before any load.
 * Defaults follow the reference k6 script (reference-benchmark.md §6.1). Read with {@link
 * #fromSystemProperties}; a bad value throws {@link BadParameterException} naming the parameter,
 * the rule and an example, with every problem listed at once. Each component's name, default, rule
 * and group are one entry of {@link ParameterTable}, read in order by one loop.
 *
 * @param baseUrl the target, without a trailing slash; {@code null} = start the embedded stack
 * @param clients compared client styles in call order, baseline first
 * @param stressClients clients of {@code FullRun}'s stress phase (async, like the reference)
 * @param users concurrent users of the steady scenarios (closed model)
 * @param duration length of each steady scenario
 * @param pause closed model: mean pause after every call (the reference's 50 ms)
 * @param warmup shortest warm-up (2 users, the measured phases' read modes and clients); zero skips
 *     it
 * @param inference false sends {@code skip_inference=true} (env B)
 * @param readMode read mode ({@code -Dmode}) of {@code LookupOnly} and {@code Capacity} (the others
 *     refuse {@code -Dmode}: their read mode is in their name)
 * @param ramp the stress ramp (users in the closed model, rates in the open one)
 * @param latency latency injection of the embedded Aerospike
 * @param model closed (concurrent users) or open (arrival rate) steady load
 * @param rate open model only: requests per second over all compared clients
 * @param batchSize {@code batch_size} query parameter, or 0 to use the app's default (200)
 * @param appJvmArgs JVM flags of the target app's JVM
 * @param appConfig {@code serve --config} file, or {@code null} for the app's default
 * @param readyTimeout how long to wait for the started app's {@code /ready}
 * @param assertions thresholds file (gate.properties format), or {@code null} for
 *     conf/gate.properties
 * @param startAt when the load starts (epoch ms or ISO-8601 instant), or {@code null} for as soon
 *     as the target is ready: several injectors given the same instant start together, and {@code
 *     compare --merge} checks that they did
 * @param order closed model: the order of the compared clients in each iteration ({@code -Dorder},
 *     rotate)
 * @param pauseDistribution closed model: how the pauses vary around {@code -DpauseMs} (constant)
 * @param seed seeds the random call order and pauses ({@code -Dseed}, default {@link
 *     #DEFAULT_SEED}), recorded in {@code conditions.json} so a run can be repeated
 * @param warmupMax the warm-up goes on past {@code -Dwarmup} until it is steady, at most this long
 * @param warmupTolerance steady = the last two warm-up windows' p50 differ by at most this fraction
 * @param database where the embedded Aerospike runs when the simulation starts the stack ({@code
 *     -Ddatabase}: a JVM of its own by default, or inside the app's)
 * @param nodes nodes of the emulated cluster the simulation starts ({@code -Dnodes}, 1..8, 1)
 * @param replicationFactor copies of each partition in it ({@code -DreplicationFactor}, 1..nodes,
 *     min(2, nodes))
 * @param nodeLatency latency of single nodes instead of everyone's ({@code -DnodeLatency})
 * @param faults the faults played on it during the load ({@code -Dfaults})
 */
public record Parameters(
    String baseUrl,
    List<String> clients,
    List<String> stressClients,
    int users,
    Duration duration,
    Duration pause,
    Duration warmup,
    boolean inference,
    String readMode,
    Ramp ramp,
    LatencyInjection latency,
    Model model,
    double rate,
    int batchSize,
    List<String> appJvmArgs,
    Path appConfig,
    Duration readyTimeout,
    Path assertions,
    Instant startAt,
    CallOrder order,
    Pauses.Distribution pauseDistribution,
    long seed,
    Duration warmupMax,
    double warmupTolerance,
    DatabasePlace database,
    int nodes,
    int replicationFactor,
    NodeLatencies nodeLatency,
    FaultSchedule faults) {

  /** Client styles the app serves (contracts.md, {@code ClientStyles.names()}). */
  public static final List<String> KNOWN_CLIENTS = List.of("sync", "async", "virtual");

  /** The reference's comparison: the blocking pool first, then the async client. */
  public static final List<String> COMPARED = List.of("sync", "async");

  /** The reference's stress scenario hit the async client only. */
  public static final List<String> ASYNC_ONLY = List.of("async");

  /** The seed of the random call order and pauses when {@code -Dseed} is absent. */
  public static final long DEFAULT_SEED = 1;

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

  /** Where the embedded Aerospike runs when the simulation starts the stack. */
  public enum DatabasePlace {
    /** {@code embedded-server} in a JVM of its own: the app's GC and CPU stay out of it. */
    OWN_JVM,
    /** Inside the app's JVM, started by {@code serve} (as {@code serve} alone does). */
    APP_JVM;

    /** The name in {@code -Ddatabase} and {@code conditions.json}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Steady load shape. */
  public enum Model {
    CLOSED,
    OPEN
  }

  /**
   * Groups of parameters that only some simulations read. A simulation names the groups it reads; a
   * parameter of another group is refused before any load, so that a value the run would ignore
   * (e.g. {@code -Dmode=gather} on SingleMode) never looks as if it had been measured.
   */
  public enum Part {
    /** Concurrent users and length of the steady phases. */
    STEADY(
        "only the steady phases read it (SingleMode, GatherMode, MergeGatherMode, LookupOnly,"
            + " FullRun)"),
    /** A read mode chosen by the user. */
    READ_MODE(
        "only LookupOnly and Capacity take a read mode; the others' read mode is in their name"),
    /** The stress ramp. */
    RAMP("only StressMode and FullRun have the stress ramp"),
    /** FullRun's stress clients. */
    STRESS_CLIENTS(
        "only FullRun has a stress phase with clients of its own; elsewhere use -Dclients"),
    /** The closed model's iterations: every client in turn, a pause after each call. */
    CALLS_IN_TURN("this simulation's arrivals each call one client, without a pause");

    private final String why;

    Part(String why) {
      this.why = why;
    }

    /** The {@code -D} names of the group: the table's entries of this group. */
    public List<String> names() {
      return ParameterTable.namesOf(this);
    }

    /** Why a simulation outside the group refuses its parameters. */
    String why() {
      return why;
    }
  }

  /** What a simulation reads: every group (the parameter tests, any simulation's view). */
  public static final Set<Part> EVERY_PART = Set.of(Part.values());

  public Parameters {
    clients = List.copyOf(clients);
    stressClients = List.copyOf(stressClients);
    appJvmArgs = List.copyOf(appJvmArgs);
  }

  /** True when the run starts a cluster of several nodes, per-node latency or faults. */
  public boolean emulatesCluster() {
    return nodes > 1 || !nodeLatency.isOff() || !faults.isEmpty();
  }

  /** True when the simulation starts the embedded Aerospike and the app itself. */
  public boolean selfContained() {
    return baseUrl == null;
  }

  /**
   * Reads the JVM's system properties ({@code -D} given to mvn reach Gatling's JVM).
   *
   * @param simulation the simulation's name, for the messages
   * @param uses the groups of parameters the simulation reads; the others are refused
   */
  public static Parameters fromSystemProperties(
      String simulation, List<String> defaultClients, Set<Part> uses) {
    return read(System.getProperties(), simulation, defaultClients, uses);
  }

  /** {@link #read(Properties, String, List, Set)} for a simulation that reads every group. */
  public static Parameters read(Properties props, List<String> defaultClients) {
    return read(props, "this simulation", defaultClients, EVERY_PART);
  }

  /**
   * Reads and checks the parameters.
   *
   * @param defaultClients clients when {@code -Dclients} is absent
   * @throws BadParameterException listing every bad parameter
   */
  public static Parameters read(
      Properties props, String simulation, List<String> defaultClients, Set<Part> uses) {
    return read(new ParameterReader(props), simulation, defaultClients, uses);
  }

  /** {@link #read(Properties, List)} as an app started with {@code env} would see it (tests). */
  static Parameters read(
      Properties props, java.util.Map<String, String> env, List<String> defaultClients) {
    return read(new ParameterReader(props, env), "this simulation", defaultClients, EVERY_PART);
  }

  private static Parameters read(
      ParameterReader in, String simulation, List<String> defaultClients, Set<Part> uses) {
    in.refuseUnused(simulation, uses);
    Values values = ParameterTable.readAll(in, defaultClients);
    in.throwIfAnyProblem();
    return of(values);
  }

  /** The pauses of the closed model's iterations. */
  public Pauses pauses() {
    return new Pauses(pauseDistribution, pause, seed);
  }

  /** The same parameters with other compared clients (FullRun's stress phase). */
  public Parameters withClients(List<String> otherClients) {
    return with(ParameterTable.CLIENTS, otherClients);
  }

  /** The same parameters with another latency injection (a capacity profile's). */
  public Parameters withLatency(LatencyInjection other) {
    return with(ParameterTable.LATENCY, other);
  }

  /** The same parameters with inference on or off (LookupOnly never runs the model). */
  public Parameters withInference(boolean on) {
    return with(ParameterTable.INFERENCE, on);
  }

  /** A copy with one component changed: every other one is copied through the table. */
  private <T> Parameters with(ParameterSpec<T> changed, T value) {
    Values values = new Values(clients);
    for (ParameterSpec<?> spec : ParameterTable.ALL) {
      spec.copyInto(values, this);
    }
    return of(values.put(changed, value));
  }

  /** The one place that lists the components in record order. */
  private static Parameters of(Values v) {
    return new Parameters(
        v.get(ParameterTable.BASE_URL),
        v.get(ParameterTable.CLIENTS),
        v.get(ParameterTable.STRESS_CLIENTS),
        v.get(ParameterTable.USERS),
        v.get(ParameterTable.DURATION),
        v.get(ParameterTable.PAUSE),
        v.get(ParameterTable.WARMUP),
        v.get(ParameterTable.INFERENCE),
        v.get(ParameterTable.READ_MODE),
        v.get(ParameterTable.RAMP),
        v.get(ParameterTable.LATENCY),
        v.get(ParameterTable.MODEL),
        v.get(ParameterTable.RATE),
        v.get(ParameterTable.BATCH_SIZE),
        v.get(ParameterTable.APP_JVM_ARGS),
        v.get(ParameterTable.APP_CONFIG),
        v.get(ParameterTable.READY_TIMEOUT),
        v.get(ParameterTable.ASSERTIONS),
        v.get(ParameterTable.START_AT),
        v.get(ParameterTable.ORDER),
        v.get(ParameterTable.PAUSE_DISTRIBUTION),
        v.get(ParameterTable.SEED),
        v.get(ParameterTable.WARMUP_MAX),
        v.get(ParameterTable.WARMUP_TOLERANCE),
        v.get(ParameterTable.DATABASE),
        v.get(ParameterTable.NODES),
        v.get(ParameterTable.REPLICATION_FACTOR),
        v.get(ParameterTable.NODE_LATENCY),
        v.get(ParameterTable.FAULTS));
  }

  /**
   * Parses {@code 60}, {@code 60s}, {@code 500ms}, {@code 2m}, {@code 1h}; a bare number is
   * seconds.
   *
   * @throws IllegalArgumentException on anything else
   */
  public static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
