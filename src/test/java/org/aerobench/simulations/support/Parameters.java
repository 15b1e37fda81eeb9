package org.aerobench.simulations.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aerobench.client.ReadMode;
import org.aerobench.embedded.Latency;

/**
 * Every {@code -D} parameter of the simulations, read and checked in one place before any load.
 * Defaults follow the reference k6 script (reference-benchmark.md §6.1). Read with {@link
 * #fromSystemProperties}; a bad value throws {@link BadParameterException} naming the parameter,
 * the rule and an example, with every problem listed at once.
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
    DatabasePlace database) {

  /** Client styles the app serves (contracts.md, {@code ClientStyles.names()}). */
  public static final List<String> KNOWN_CLIENTS = List.of("sync", "async", "virtual");

  /** The reference's comparison: the blocking pool first, then the async client. */
  public static final List<String> COMPARED = List.of("sync", "async");

  /** The reference's stress scenario hit the async client only. */
  public static final List<String> ASYNC_ONLY = List.of("async");

  /** The seed of the random call order and pauses when {@code -Dseed} is absent. */
  public static final long DEFAULT_SEED = 1;

  /** Hosts that are this machine. Load never leaves it unless the user says so. */
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

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
            + " FullRun)",
        "users",
        "duration"),
    /** A read mode chosen by the user. */
    READ_MODE(
        "only LookupOnly and Capacity take a read mode; the others' read mode is in their name",
        "mode"),
    /** The stress ramp. */
    RAMP(
        "only StressMode and FullRun have the stress ramp",
        "rampUsers1",
        "rampUsers2",
        "rampRate1",
        "rampRate2",
        "rampDuration",
        "rampDuration1",
        "rampDuration2",
        "rampDuration3"),
    /** FullRun's stress clients. */
    STRESS_CLIENTS(
        "only FullRun has a stress phase with clients of its own; elsewhere use -Dclients",
        "stressClients"),
    /** The closed model's iterations: every client in turn, a pause after each call. */
    CALLS_IN_TURN(
        "this simulation's arrivals each call one client, without a pause",
        "pauseMs",
        "pauseDistribution",
        "order");

    private final String why;
    private final List<String> names;

    Part(String why, String... names) {
      this.why = why;
      this.names = List.of(names);
    }

    /** The {@code -D} names of the group. */
    public List<String> names() {
      return names;
    }
  }

  /** What a simulation reads: every group (the parameter tests, any simulation's view). */
  public static final Set<Part> EVERY_PART = Set.of(Part.values());

  public Parameters {
    clients = List.copyOf(clients);
    stressClients = List.copyOf(stressClients);
    appJvmArgs = List.copyOf(appJvmArgs);
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
    Reader in = new Reader(props);
    in.refuseUnused(simulation, uses);
    String baseUrl = in.baseUrl();
    List<String> clients = in.clients("clients", defaultClients);
    List<String> stressClients = in.clients("stressClients", ASYNC_ONLY);
    Model model = in.model();
    in.refuseOutsideModel(model);
    int users = in.wholeNumber("users", 10, 1, "10");
    Duration duration = in.duration("duration", "60s", false);
    Duration pause = Duration.ofMillis(in.wholeNumber("pauseMs", 50, 0, "50"));
    Pauses.Distribution pauseDistribution = in.pauseDistribution();
    CallOrder order = in.order();
    long seed = in.seed();
    Duration warmup = in.duration("warmup", "10s", true);
    Duration warmupMax = in.warmupMax(warmup);
    double warmupTolerance = in.fraction("warmupTolerance", 0.2, "0.2");
    boolean inference = in.bool("inference", true);
    String readMode = in.mode();
    double rate = in.rate(model);
    Ramp ramp = in.ramp(model, rate);
    LatencyInjection latency = in.latency(baseUrl == null);
    DatabasePlace database = in.database(baseUrl == null);
    int batchSize = in.wholeNumber("batchSize", 0, 0, "200");
    List<String> jvmArgs = in.words("appJvmArgs", "-Xmx1g");
    Path appConfig = in.existingFile("appConfig");
    Duration readyTimeout = in.duration("readyTimeout", "60s", false);
    Path assertions = in.existingFile("assertions");
    Instant startAt = in.instant("startAt");
    in.throwIfAnyProblem();
    return new Parameters(
        baseUrl,
        clients,
        stressClients,
        users,
        duration,
        pause,
        warmup,
        inference,
        readMode,
        ramp,
        latency,
        model,
        rate,
        batchSize,
        jvmArgs,
        appConfig,
        readyTimeout,
        assertions,
        startAt,
        order,
        pauseDistribution,
        seed,
        warmupMax,
        warmupTolerance,
        database);
  }

  /** The pauses of the closed model's iterations. */
  public Pauses pauses() {
    return new Pauses(pauseDistribution, pause, seed);
  }

  /** The same parameters with other compared clients (FullRun's stress phase). */
  public Parameters withClients(List<String> otherClients) {
    return new Parameters(
        baseUrl,
        otherClients,
        stressClients,
        users,
        duration,
        pause,
        warmup,
        inference,
        readMode,
        ramp,
        latency,
        model,
        rate,
        batchSize,
        appJvmArgs,
        appConfig,
        readyTimeout,
        assertions,
        startAt,
        order,
        pauseDistribution,
        seed,
        warmupMax,
        warmupTolerance,
        database);
  }

  /** The same parameters with another latency injection (a capacity profile's). */
  public Parameters withLatency(LatencyInjection other) {
    return new Parameters(
        baseUrl,
        clients,
        stressClients,
        users,
        duration,
        pause,
        warmup,
        inference,
        readMode,
        ramp,
        other,
        model,
        rate,
        batchSize,
        appJvmArgs,
        appConfig,
        readyTimeout,
        assertions,
        startAt,
        order,
        pauseDistribution,
        seed,
        warmupMax,
        warmupTolerance,
        database);
  }

  /** The same parameters with inference on or off (LookupOnly never runs the model). */
  public Parameters withInference(boolean on) {
    return new Parameters(
        baseUrl,
        clients,
        stressClients,
        users,
        duration,
        pause,
        warmup,
        on,
        readMode,
        ramp,
        latency,
        model,
        rate,
        batchSize,
        appJvmArgs,
        appConfig,
        readyTimeout,
        assertions,
        startAt,
        order,
        pauseDistribution,
        seed,
        warmupMax,
        warmupTolerance,
        database);
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

  /**
   * Reads one property at a time, collecting problems instead of stopping at the first. Shared with
   * the simulations' own parameter sets (e.g. {@link CapacityPlan}).
   */
  static final class Reader {

    private final Properties props;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> refused = new java.util.HashSet<>();

    Reader(Properties props) {
      this.props = props;
    }

    void throwIfAnyProblem() {
      if (!problems.isEmpty()) {
        throw new BadParameterException(problems);
      }
    }

    /** Adds a problem in words (-Dname=value: rule, example). */
    void add(String problem) {
      problems.add(problem);
    }

    /**
     * The value given, trimmed; null when absent, blank or already refused (it then reads as
     * absent).
     */
    String raw(String name) {
      String value = props.getProperty(name);
      return value == null || value.isBlank() || refused.contains(name) ? null : value.trim();
    }

    /** Refuses a parameter that was given (once, however many rules it breaks). */
    private void refuse(String name, String rule) {
      String value = raw(name);
      if (value != null) {
        problem(name, value, rule);
        refused.add(name);
      }
    }

    /** Refuses every given parameter of the groups the simulation does not read. */
    void refuseUnused(String simulation, Set<Part> uses) {
      for (Part part : Part.values()) {
        if (!uses.contains(part)) {
          for (String name : part.names) {
            refuse(name, simulation + " does not use it (" + part.why + "); leave it out");
          }
        }
      }
    }

    /** Refuses the parameters of the other load model. */
    void refuseOutsideModel(Model model) {
      if (model == Model.OPEN) {
        String open = "applies to the closed model only; with -Dmodel=open ";
        refuse("users", open + "the load is -Drate=<req/s>");
        for (String name : Part.CALLS_IN_TURN.names) {
          refuse(name, open + "each arrival calls one client, without a pause");
        }
        refuse("rampUsers1", open + "the ramp is -DrampRate1/-DrampRate2 (req/s)");
        refuse("rampUsers2", open + "the ramp is -DrampRate1/-DrampRate2 (req/s)");
      } else {
        refuse("rampRate1", "only applies with -Dmodel=open; the closed ramp is -DrampUsers1");
        refuse("rampRate2", "only applies with -Dmodel=open; the closed ramp is -DrampUsers2");
      }
    }

    DatabasePlace database(boolean embedded) {
      String value = raw("database");
      if (value == null) {
        return DatabasePlace.OWN_JVM;
      }
      if (!embedded) {
        problem(
            "database",
            value,
            "applies when the simulation starts the stack; with -DbaseUrl the app's database is"
                + " wherever that app was pointed. Drop -DbaseUrl or -Ddatabase");
        return DatabasePlace.OWN_JVM;
      }
      for (DatabasePlace place : DatabasePlace.values()) {
        if (place.wireName().equals(value.toLowerCase(Locale.ROOT))) {
          return place;
        }
      }
      problem(
          "database",
          value,
          "allowed: own-jvm (default: embedded-server in a JVM of its own) or app-jvm (inside the"
              + " app's JVM), e.g. -Ddatabase=app-jvm");
      return DatabasePlace.OWN_JVM;
    }

    CallOrder order() {
      String value = raw("order");
      if (value == null) {
        return CallOrder.ROTATE;
      }
      CallOrder order = CallOrder.fromWireName(value);
      if (order == null) {
        problem(
            "order",
            value,
            "allowed: rotate (default: each iteration starts one client further), random (a"
                + " seeded shuffle per iteration, see -Dseed) or fixed (baseline first, as the"
                + " reference), e.g. -Dorder=random");
        return CallOrder.ROTATE;
      }
      return order;
    }

    Pauses.Distribution pauseDistribution() {
      String value = raw("pauseDistribution");
      if (value == null) {
        return Pauses.Distribution.CONSTANT;
      }
      Pauses.Distribution distribution = Pauses.Distribution.fromWireName(value);
      if (distribution == null) {
        problem(
            "pauseDistribution",
            value,
            "allowed: constant (default), exponential or uniform (0 to twice -DpauseMs), e.g."
                + " -DpauseDistribution=exponential");
        return Pauses.Distribution.CONSTANT;
      }
      return distribution;
    }

    /**
     * {@code -Dseed}, else {@link Parameters#DEFAULT_SEED}: a fixed default keeps runs that differ
     * in nothing else the same experiment (the gate's calibration and {@code compare --merge}
     * compare every parameter), and a run repeatable from its {@code conditions.json}.
     */
    long seed() {
      String value = raw("seed");
      if (value == null) {
        return DEFAULT_SEED;
      }
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        problem("seed", value, "must be a whole number (64-bit), e.g. -Dseed=42");
        return 0;
      }
    }

    /** The longest warm-up: at least {@code -Dwarmup}; three times it by default. */
    Duration warmupMax(Duration warmup) {
      Duration defaultMax = warmup.multipliedBy(3);
      String value = raw("warmupMax");
      if (value == null) {
        return defaultMax;
      }
      Duration max = duration("warmupMax", "30s", true);
      if (max.compareTo(warmup) < 0) {
        problem(
            "warmupMax",
            value,
            "must be at least -Dwarmup ("
                + warmup.toMillis()
                + " ms); the warm-up runs -Dwarmup, then on until steady, at most -DwarmupMax");
        return defaultMax;
      }
      return max;
    }

    /** A fraction in (0, 1). */
    double fraction(String name, double defaultValue, String example) {
      String value = raw(name);
      if (value == null) {
        return defaultValue;
      }
      try {
        double parsed = Double.parseDouble(value);
        if (parsed > 0 && parsed < 1) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below, with the rule
      }
      problem(name, value, "must be a fraction between 0 and 1, e.g. -D" + name + "=" + example);
      return defaultValue;
    }

    private void problem(String name, String value, String rule) {
      problems.add("-D" + name + "=" + value + ": " + rule);
    }

    int wholeNumber(String name, int defaultValue, int min, String example) {
      String value = raw(name);
      if (value == null) {
        return defaultValue;
      }
      try {
        int parsed = Integer.parseInt(value);
        if (parsed >= min) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below, with the rule
      }
      problem(name, value, "must be a whole number >= " + min + ", e.g. -D" + name + "=" + example);
      return defaultValue;
    }

    double positiveNumber(String name, String example) {
      String value = raw(name);
      try {
        double parsed = Double.parseDouble(value);
        if (parsed > 0 && Double.isFinite(parsed)) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below, with the rule
      }
      problem(name, value, "must be a number > 0, e.g. -D" + name + "=" + example);
      return 0;
    }

    Duration duration(String name, String defaultValue, boolean zeroAllowed) {
      String value = raw(name);
      if (value == null) {
        return parseDuration(defaultValue);
      }
      try {
        Duration parsed = parseDuration(value);
        if (zeroAllowed || !parsed.isZero()) {
          return parsed;
        }
      } catch (IllegalArgumentException e) {
        // reported below, with the rule
      }
      problem(
          name,
          value,
          "must be a duration"
              + (zeroAllowed ? "" : " > 0")
              + " such as 60 (seconds), 60s, 500ms, 2m; default "
              + defaultValue);
      return parseDuration(defaultValue);
    }

    /** An instant as epoch milliseconds or ISO-8601 ({@code 2026-12-01T10:00:00Z}), or null. */
    Instant instant(String name) {
      String value = raw(name);
      if (value == null) {
        return null;
      }
      try {
        return value.matches("\\d+")
            ? Instant.ofEpochMilli(Long.parseLong(value))
            : Instant.parse(value);
      } catch (NumberFormatException | DateTimeParseException e) {
        problem(
            name,
            value,
            "must be epoch milliseconds or an ISO-8601 instant, e.g. -D"
                + name
                + "=2026-12-01T10:00:00Z");
        return null;
      }
    }

    boolean bool(String name, boolean defaultValue) {
      String value = raw(name);
      if (value == null) {
        return defaultValue;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> {
          problem(name, value, "must be true or false; default " + defaultValue);
          yield defaultValue;
        }
      };
    }

    List<String> words(String name, String defaultValue) {
      String value = raw(name);
      return Arrays.asList((value == null ? defaultValue : value).trim().split("\\s+"));
    }

    Path existingFile(String name) {
      String value = raw(name);
      if (value == null) {
        return null;
      }
      Path file = Path.of(value);
      if (!Files.isRegularFile(file)) {
        problem(
            name,
            value,
            "no such file (relative paths start at "
                + Path.of("").toAbsolutePath()
                + "); leave it out to use the default");
      }
      return file;
    }

    String baseUrl() {
      String value = raw("baseUrl");
      if (value == null) {
        return null;
      }
      URI uri;
      try {
        uri = URI.create(value);
      } catch (IllegalArgumentException e) {
        problem("baseUrl", value, "not a URL; use e.g. -DbaseUrl=http://127.0.0.1:7070");
        return null;
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        problem("baseUrl", value, "must be http(s)://host:port, e.g. http://127.0.0.1:7070");
        return null;
      }
      if (!LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))
          && !bool("allowRemote", false)) {
        problem(
            "baseUrl",
            value,
            "host "
                + uri.getHost()
                + " is not this machine; load goes to loopback only (127.0.0.1, localhost, ::1)"
                + " so that a mistyped URL never load-tests someone else's service. If you own"
                + " that target, add -DallowRemote=true.");
      }
      return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    List<String> clients(String parameter, List<String> defaults) {
      String value = raw(parameter);
      if (value == null) {
        return defaults;
      }
      List<String> names = new ArrayList<>();
      for (String client : value.split(",")) {
        names.add(client.trim().toLowerCase(Locale.ROOT));
      }
      try {
        // A style listed again is an A/A arm: sync,sync = arms sync and sync#2.
        return org.aerobench.client.Arm.arms(names, KNOWN_CLIENTS);
      } catch (IllegalArgumentException e) {
        problem(
            parameter,
            value,
            e.getMessage()
                + " (styles or A/A repeats <style>#<n>, comma-separated, baseline first), e.g."
                + " -Dclients=sync,async,virtual or -Dclients=sync,sync");
        return defaults;
      }
    }

    String mode() {
      String value = raw("mode");
      if (value == null) {
        return ReadMode.SINGLE.wireName();
      }
      try {
        return ReadMode.fromWireName(value.toLowerCase(Locale.ROOT)).wireName();
      } catch (IllegalArgumentException e) {
        problem("mode", value, "unknown read mode; allowed: " + ReadMode.allowedNames());
        return ReadMode.SINGLE.wireName();
      }
    }

    /** The stress ramp: users in the closed model, rates (from {@code -Drate}) in the open one. */
    Ramp ramp(Model model, double rate) {
      int users1 = wholeNumber("rampUsers1", 20, 1, "20");
      int users2 = wholeNumber("rampUsers2", 50, 1, "50");
      Duration all = raw("rampDuration") == null ? null : duration("rampDuration", "30s", false);
      Duration up1 = rampLeg("rampDuration1", "30s", all);
      Duration up2 = rampLeg("rampDuration2", "60s", all);
      Duration down = rampLeg("rampDuration3", "30s", all);
      if (model == Model.CLOSED || rate <= 0) {
        return new Ramp(users1, users2, up1, up2, down);
      }
      double rate1 = raw("rampRate1") == null ? rate : positiveNumber("rampRate1", "100");
      double rate2 =
          raw("rampRate2") == null
              ? rate1 * Ramp.RATE2_PER_RATE
              : positiveNumber("rampRate2", "250");
      return new Ramp(users1, users2, up1, up2, down, rate1, rate2);
    }

    /** One leg of the ramp: its own parameter, else {@code -DrampDuration}, else the default. */
    private Duration rampLeg(String name, String defaultValue, Duration all) {
      return raw(name) == null && all != null ? all : duration(name, defaultValue, false);
    }

    LatencyInjection latency(boolean embedded) {
      boolean fixed = raw("latencyFixedMs") != null;
      boolean median = raw("latencyMedianMs") != null;
      boolean p99 = raw("latencyP99Ms") != null;
      if (!fixed && !median && !p99) {
        return LatencyInjection.OFF;
      }
      if (!embedded) {
        problems.add(
            "-DlatencyFixedMs/-DlatencyMedianMs/-DlatencyP99Ms: latency injection applies to the"
                + " embedded Aerospike the simulation starts itself; drop -DbaseUrl or the latency"
                + " parameters.");
        return LatencyInjection.OFF;
      }
      int problemsBefore = problems.size();
      Double fixedMs = millis("latencyFixedMs");
      Double medianMs = millis("latencyMedianMs");
      Double p99Ms = millis("latencyP99Ms");
      if (problems.size() > problemsBefore) {
        return LatencyInjection.OFF;
      }
      try {
        return new LatencyInjection(Latency.fromMillis(fixedMs, medianMs, p99Ms));
      } catch (IllegalArgumentException e) {
        problems.add(
            "-DlatencyFixedMs/-DlatencyMedianMs/-DlatencyP99Ms: "
                + e.getMessage()
                + " (e.g. -DlatencyFixedMs=2, or -DlatencyMedianMs=1 -DlatencyP99Ms=5)");
        return LatencyInjection.OFF;
      }
    }

    /** A latency in milliseconds (fractions allowed), or null when not given or not a number. */
    private Double millis(String name) {
      String value = raw(name);
      if (value == null) {
        return null;
      }
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        problem(name, value, "must be milliseconds, e.g. 2 or 0.5");
        return null;
      }
    }

    Model model() {
      String value = raw("model");
      if (value == null) {
        return Model.CLOSED;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "closed" -> Model.CLOSED;
        case "open" -> Model.OPEN;
        default -> {
          problem(
              "model",
              value,
              "allowed: closed (concurrent users, default) or open (arrival rate, with -Drate)");
          yield Model.CLOSED;
        }
      };
    }

    double rate(Model model) {
      if (model == Model.CLOSED) {
        if (raw("rate") != null) {
          problem("rate", raw("rate"), "only applies with -Dmodel=open");
        }
        return 0;
      }
      if (raw("rate") == null) {
        problems.add("-Dmodel=open needs -Drate=<requests per second>, e.g. -Drate=100");
        return 0;
      }
      return positiveNumber("rate", "100");
    }
  }
}
