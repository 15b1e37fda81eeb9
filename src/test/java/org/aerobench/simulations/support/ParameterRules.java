package org.aerobench.simulations.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aerobench.client.Arm;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.cluster.FaultSchedule;
import org.aerobench.simulations.support.Parameters.DatabasePlace;
import org.aerobench.simulations.support.Parameters.Model;
import org.aerobench.simulations.support.Parameters.Part;

/**
 * The entries of {@link ParameterTable} whose rule is more than a parse and a bound: one value from
 * several parameters (the ramp, the latency), or a parameter that depends on one read before it
 * (the load model rules out the other model's parameters; the embedded stack decides whether the
 * database and latency options apply). Each keeps its own wording of the rule and the fix.
 */
final class ParameterRules {

  private ParameterRules() {}

  /** Hosts that are this machine. Load never leaves it unless the user says so. */
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

  static String baseUrl(ParameterReader in) {
    String value = in.raw("baseUrl");
    if (value == null) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      in.problem("baseUrl", value, "not a URL; use e.g. -DbaseUrl=http://127.0.0.1:7070");
      return null;
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      in.problem("baseUrl", value, "must be http(s)://host:port, e.g. http://127.0.0.1:7070");
      return null;
    }
    // -DallowRemote is read only for a remote host: elsewhere it has no meaning to check.
    if (!LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))
        && !in.bool("allowRemote", false)) {
      in.problem(
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

  static List<String> clients(ParameterReader in, String parameter, List<String> defaults) {
    String value = in.raw(parameter);
    if (value == null) {
      return defaults;
    }
    List<String> names = new ArrayList<>();
    for (String client : value.split(",")) {
      names.add(client.trim().toLowerCase(Locale.ROOT));
    }
    try {
      // A style listed again is an A/A arm: sync,sync = arms sync and sync#2.
      return Arm.arms(names, Parameters.KNOWN_CLIENTS);
    } catch (IllegalArgumentException e) {
      in.problem(
          parameter,
          value,
          e.getMessage()
              + " (styles or A/A repeats <style>#<n>, comma-separated, baseline first), e.g."
              + " -Dclients=sync,async,virtual or -Dclients=sync,sync");
      return defaults;
    }
  }

  static Model modelAndRefuseTheOther(ParameterReader in) {
    Model model =
        in.parsed(
            "model",
            Model.CLOSED,
            text ->
                switch (text.toLowerCase(Locale.ROOT)) {
                  case "closed" -> Model.CLOSED;
                  case "open" -> Model.OPEN;
                  default -> null;
                },
            "allowed: closed (concurrent users, default) or open (arrival rate, with -Drate)");
    if (model == Model.OPEN) {
      String open = "applies to the closed model only; with -Dmodel=open ";
      in.refuse("users", open + "the load is -Drate=<req/s>");
      for (String name : Part.CALLS_IN_TURN.names()) {
        in.refuse(name, open + "each arrival calls one client, without a pause");
      }
      in.refuse("rampUsers1", open + "the ramp is -DrampRate1/-DrampRate2 (req/s)");
      in.refuse("rampUsers2", open + "the ramp is -DrampRate1/-DrampRate2 (req/s)");
    } else {
      in.refuse("rampRate1", "only applies with -Dmodel=open; the closed ramp is -DrampUsers1");
      in.refuse("rampRate2", "only applies with -Dmodel=open; the closed ramp is -DrampUsers2");
    }
    return model;
  }

  static Duration warmupMax(ParameterReader in, Duration warmup) {
    Duration defaultMax = warmup.multipliedBy(3);
    String value = in.raw("warmupMax");
    if (value == null) {
      return defaultMax;
    }
    Duration max = in.duration("warmupMax", "30s", true);
    if (max.compareTo(warmup) < 0) {
      in.problem(
          "warmupMax",
          value,
          "must be at least -Dwarmup ("
              + warmup.toMillis()
              + " ms); the warm-up runs -Dwarmup, then on until steady, at most -DwarmupMax");
      return defaultMax;
    }
    return max;
  }

  static double rate(ParameterReader in, Model model) {
    if (model == Model.CLOSED) {
      if (in.raw("rate") != null) {
        in.problem("rate", in.raw("rate"), "only applies with -Dmodel=open");
      }
      return 0;
    }
    if (in.raw("rate") == null) {
      in.add("-Dmodel=open needs -Drate=<requests per second>, e.g. -Drate=100");
      return 0;
    }
    return in.positiveNumber("rate", "100");
  }

  static Ramp ramp(ParameterReader in, Model model, double rate) {
    int users1 = in.wholeNumber("rampUsers1", 20, 1, "20");
    int users2 = in.wholeNumber("rampUsers2", 50, 1, "50");
    Duration all =
        in.raw("rampDuration") == null ? null : in.duration("rampDuration", "30s", false);
    Duration up1 = rampLeg(in, "rampDuration1", "30s", all);
    Duration up2 = rampLeg(in, "rampDuration2", "60s", all);
    Duration down = rampLeg(in, "rampDuration3", "30s", all);
    if (model == Model.CLOSED || rate <= 0) {
      return new Ramp(users1, users2, up1, up2, down);
    }
    double rate1 = in.raw("rampRate1") == null ? rate : in.positiveNumber("rampRate1", "100");
    double rate2 =
        in.raw("rampRate2") == null
            ? rate1 * Ramp.RATE2_PER_RATE
            : in.positiveNumber("rampRate2", "250");
    return new Ramp(users1, users2, up1, up2, down, rate1, rate2);
  }

  /** One leg of the ramp: its own parameter, else {@code -DrampDuration}, else the default. */
  static Duration rampLeg(ParameterReader in, String name, String defaultValue, Duration all) {
    return in.raw(name) == null && all != null ? all : in.duration(name, defaultValue, false);
  }

  static LatencyInjection latency(ParameterReader in, boolean embedded) {
    String names = "-DlatencyFixedMs/-DlatencyMedianMs/-DlatencyP99Ms: ";
    if (in.raw("latencyFixedMs") == null
        && in.raw("latencyMedianMs") == null
        && in.raw("latencyP99Ms") == null) {
      return LatencyInjection.OFF;
    }
    if (!embedded) {
      in.add(
          names
              + "latency injection applies to the embedded Aerospike the simulation starts itself;"
              + " drop -DbaseUrl or the latency parameters.");
      return LatencyInjection.OFF;
    }
    int problemsBefore = in.problemCount();
    Double fixedMs = millis(in, "latencyFixedMs");
    Double medianMs = millis(in, "latencyMedianMs");
    Double p99Ms = millis(in, "latencyP99Ms");
    if (in.problemCount() > problemsBefore) {
      return LatencyInjection.OFF;
    }
    try {
      return new LatencyInjection(Latency.fromMillis(fixedMs, medianMs, p99Ms));
    } catch (IllegalArgumentException e) {
      in.add(
          names
              + e.getMessage()
              + " (e.g. -DlatencyFixedMs=2, or -DlatencyMedianMs=1 -DlatencyP99Ms=5)");
      return LatencyInjection.OFF;
    }
  }

  /** A latency in milliseconds (fractions allowed), or null when not given or not a number. */
  static Double millis(ParameterReader in, String name) {
    return in.parsed(name, null, Double::parseDouble, "must be milliseconds, e.g. 2 or 0.5");
  }

  static DatabasePlace database(ParameterReader in, boolean embedded) {
    if (in.raw("database") != null && !embedded) {
      in.problem(
          "database",
          in.raw("database"),
          "applies when the simulation starts the stack; with -DbaseUrl the app's database is"
              + " wherever that app was pointed. Drop -DbaseUrl or -Ddatabase");
      return DatabasePlace.OWN_JVM;
    }
    return in.parsed(
        "database",
        DatabasePlace.OWN_JVM,
        text -> {
          for (DatabasePlace place : DatabasePlace.values()) {
            if (place.wireName().equals(text.toLowerCase(Locale.ROOT))) {
              return place;
            }
          }
          return null;
        },
        "allowed: own-jvm (default: embedded-server in a JVM of its own) or app-jvm (inside the"
            + " app's JVM), e.g. -Ddatabase=app-jvm");
  }

  /** The largest emulated cluster: 2 shared cores run every node, the app and Gatling. */
  static final int MAX_NODES = 8;

  /**
   * Why this run cannot emulate a cluster, or null when it can: only the embedded server the
   * simulation starts in a JVM of its own can have several nodes, per-node latency and faults.
   */
  static String noClusterBecause(ParameterReader in, ParameterSpec.Values earlier) {
    if (earlier.get(ParameterTable.BASE_URL) != null) {
      return "with -DbaseUrl the app's database is wherever that app was pointed; drop -DbaseUrl";
    }
    String external =
        AppProcess.externalAerospike(
            earlier.get(ParameterTable.APP_CONFIG), Path.of("").toAbsolutePath(), in.env());
    if (external != null) {
      return "the app is pointed at a real Aerospike ("
          + external
          + "); empty it to emulate a cluster";
    }
    if (earlier.get(ParameterTable.DATABASE) == DatabasePlace.APP_JVM) {
      return "with -Ddatabase=app-jvm the app runs a one-node embedded server itself; the emulated"
          + " cluster runs in the database's own JVM (-Ddatabase=own-jvm, the default)";
    }
    return null;
  }

  /** The refusal of a cluster parameter on a run that cannot emulate a cluster. */
  private static String notHere(String why) {
    return "the harness cannot stop someone's real nodes: -Dnodes, -DreplicationFactor,"
        + " -DnodeLatency and -Dfaults apply to the emulated cluster the simulation starts"
        + " itself; "
        + why;
  }

  static int nodes(ParameterReader in, String noCluster) {
    int nodes =
        in.parsed(
            "nodes",
            1,
            text -> {
              int n = Integer.parseInt(text);
              return n >= 1 && n <= MAX_NODES ? n : null;
            },
            "must be a whole number from 1 to "
                + MAX_NODES
                + " (nodes of the emulated cluster, all in the database's JVM), e.g. -Dnodes=3");
    if (nodes > 1 && noCluster != null) {
      in.problem("nodes", in.raw("nodes"), notHere(noCluster));
      return 1;
    }
    return nodes;
  }

  static int replicationFactor(ParameterReader in, int nodes, String noCluster) {
    int defaultFactor = Math.min(2, nodes);
    String value = in.raw("replicationFactor");
    if (value == null) {
      return defaultFactor;
    }
    if (noCluster != null) {
      in.problem("replicationFactor", value, notHere(noCluster));
      return defaultFactor;
    }
    return in.parsed(
        "replicationFactor",
        defaultFactor,
        text -> {
          int r = Integer.parseInt(text);
          return r >= 1 && r <= nodes ? r : null;
        },
        "must be a whole number from 1 to -Dnodes ("
            + nodes
            + "): a partition has at most one copy per node, e.g. -DreplicationFactor="
            + defaultFactor
            + (nodes < MAX_NODES
                ? " (or more nodes: -Dnodes=" + Math.max(2, nodes + 1) + ")"
                : ""));
  }

  static NodeLatencies nodeLatency(ParameterReader in, int nodes, String noCluster) {
    String value = in.raw("nodeLatency");
    if (value == null) {
      return NodeLatencies.OFF;
    }
    if (noCluster != null) {
      in.problem("nodeLatency", value, notHere(noCluster));
      return NodeLatencies.OFF;
    }
    try {
      return NodeLatencies.parse(value, nodes);
    } catch (IllegalArgumentException e) {
      in.add(e.getMessage() + " (nodes 1..-Dnodes, " + nodes + " here)");
      return NodeLatencies.OFF;
    }
  }

  static FaultSchedule faults(
      ParameterReader in, int nodes, int replicationFactor, String noCluster) {
    FaultSchedule none = FaultSchedule.none(nodes, Math.min(replicationFactor, nodes));
    String value = in.raw("faults");
    if (value == null) {
      return none;
    }
    if (noCluster != null) {
      in.problem("faults", value, notHere(noCluster));
      return none;
    }
    try {
      return FaultSchedule.parse(value, nodes, Math.min(replicationFactor, nodes));
    } catch (IllegalArgumentException e) {
      in.add(e.getMessage()); // names -Dfaults, the value, the event, the rule and a fix
      return none;
    }
  }
}
