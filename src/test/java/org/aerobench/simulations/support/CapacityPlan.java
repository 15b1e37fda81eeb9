package org.aerobench.simulations.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.LatencyProfiles;

/**
 * The Capacity simulation's own parameters, checked before any load: the offered rate of each level
 * (per client), how long each level lasts and how much of its start is left out of its statistics,
 * and the cluster latency profiles to climb under.
 *
 * @param rates offered requests per second per client, one per level, increasing
 * @param step length of a level
 * @param settle the start of each level that its statistics leave out
 * @param profiles latency profiles, each climbed through every rate in turn
 */
public record CapacityPlan(
    List<Double> rates, Duration step, Duration settle, List<Profile> profiles) {

  /** A named latency profile. */
  public record Profile(String name, Latency latency) {}

  /**
   * The most requests per second (all clients together) this generator is asked to offer: the
   * streaming reply check costs Gatling about 0.13 ms of CPU per request (README, "Honest load"),
   * so 3,000 req/s already takes ~40 % of a core on the machine the app shares; beyond that the
   * generator, not the app, would set the numbers.
   */
  public static final double GENERATOR_LIMIT_PER_SECOND = 3_000;

  public CapacityPlan {
    rates = List.copyOf(rates);
    profiles = List.copyOf(profiles);
  }

  /** A level's phase label: {@code <profile>@<rate>}, e.g. {@code reference@40}. */
  public static String label(String profile, double rate) {
    return profile + "@" + format(rate);
  }

  /** Every level's label in run order (profile by profile, rates increasing). */
  public List<String> labels() {
    List<String> labels = new ArrayList<>();
    for (Profile profile : profiles) {
      for (double rate : rates) {
        labels.add(label(profile.name(), rate));
      }
    }
    return labels;
  }

  /** The longest the levels can take (every client holding to the last level). */
  public Duration maxDuration() {
    return step.multipliedBy((long) rates.size() * profiles.size());
  }

  /** Reads the JVM's system properties, with the shared parameters already read. */
  public static CapacityPlan fromSystemProperties(Parameters params) {
    return read(System.getProperties(), params, LatencyProfiles.DEFAULT_FILE);
  }

  /**
   * Reads and checks the capacity parameters.
   *
   * @throws BadParameterException listing every bad parameter
   */
  public static CapacityPlan read(Properties props, Parameters params, java.nio.file.Path file) {
    Reader in = new Reader(props);
    if (params.model() == Parameters.Model.OPEN || in.raw("rate") != null) {
      in.add(
          "-Dmodel/-Drate: Capacity always offers an open-model rate per client, level by level;"
              + " set the levels with -DrateStart, -DrateMax, -DrateSteps or -Drates instead");
    }
    List<Double> rates = in.rates();
    Duration step = in.duration("stepDuration", "20s", false);
    Duration settle = in.duration("settle", "5s", true);
    if (step.compareTo(settle) <= 0) {
      in.add(
          "-DstepDuration="
              + in.raw("stepDuration")
              + " / -Dsettle="
              + in.raw("settle")
              + ": a level must last longer than its settle window ("
              + step.toMillis()
              + " ms <= "
              + settle.toMillis()
              + " ms), e.g. -DstepDuration=20s -Dsettle=5s");
    }
    List<Profile> profiles = in.profiles(params, file);
    if (!rates.isEmpty()) {
      double top = rates.get(rates.size() - 1) * params.clients().size();
      if (top > GENERATOR_LIMIT_PER_SECOND) {
        in.add(
            String.format(
                Locale.ROOT,
                "-DrateMax=%s: %s req/s per client x %d clients = %s req/s, more than this load"
                    + " generator offers honestly (%s req/s in all); lower -DrateMax or compare"
                    + " fewer clients",
                format(rates.get(rates.size() - 1)),
                format(rates.get(rates.size() - 1)),
                params.clients().size(),
                format(top),
                format(GENERATOR_LIMIT_PER_SECOND)));
      }
    }
    in.throwIfAnyProblem();
    return new CapacityPlan(rates, step, settle, profiles);
  }

  static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** The capacity parameters over the simulations' shared {@link ParameterReader}. */
  private static final class Reader {
    private final ParameterReader in;

    Reader(Properties props) {
      this.in = new ParameterReader(props);
    }

    void add(String problem) {
      in.add(problem);
    }

    String raw(String name) {
      return in.raw(name);
    }

    Duration duration(String name, String defaultValue, boolean zeroAllowed) {
      return in.duration(name, defaultValue, zeroAllowed);
    }

    void throwIfAnyProblem() {
      in.throwIfAnyProblem();
    }

    Double positive(String name, String defaultValue) {
      String value = raw(name) == null ? defaultValue : raw(name);
      try {
        double parsed = Double.parseDouble(value);
        if (parsed > 0 && Double.isFinite(parsed)) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      add("-D" + name + "=" + value + ": must be a number > 0, e.g. -D" + name + "=10");
      return null;
    }

    List<Double> rates() {
      String list = raw("rates");
      if (list != null) {
        if (raw("rateStart") != null || raw("rateMax") != null || raw("rateSteps") != null) {
          add(
              "-Drates="
                  + list
                  + ": give either -Drates=<a,b,c> or -DrateStart/-DrateMax/-DrateSteps, not both");
        }
        List<Double> rates = new ArrayList<>();
        for (String part : list.split(",")) {
          try {
            rates.add(Double.parseDouble(part.trim()));
          } catch (NumberFormatException e) {
            add(
                "-Drates="
                    + list
                    + ": '"
                    + part.trim()
                    + "' is not a number, e.g. -Drates=10,20,40");
            return List.of();
          }
        }
        for (int i = 0; i < rates.size(); i++) {
          if (!(rates.get(i) > 0) || i > 0 && rates.get(i) <= rates.get(i - 1)) {
            add(
                "-Drates="
                    + list
                    + ": levels must be positive and strictly increasing, e.g. -Drates=10,20,40");
            return List.of();
          }
        }
        return rates;
      }
      Double start = positive("rateStart", "10");
      Double max = positive("rateMax", "640");
      String stepsText = raw("rateSteps") == null ? "13" : raw("rateSteps");
      int steps;
      try {
        steps = Integer.parseInt(stepsText);
      } catch (NumberFormatException e) {
        steps = 0;
      }
      if (steps < 1) {
        add("-DrateSteps=" + stepsText + ": must be a whole number >= 1, e.g. -DrateSteps=13");
        return List.of();
      }
      if (start == null || max == null) {
        return List.of();
      }
      if (max < start || max.equals(start) && steps > 1) {
        add(
            "-DrateMax="
                + format(max)
                + ": levels must increase from -DrateStart="
                + format(start)
                + "; give a larger -DrateMax (or -DrateSteps=1 for one level)");
        return List.of();
      }
      // Geometric steps: equal ratios between levels, as a capacity search wants.
      List<Double> rates = new ArrayList<>();
      for (int i = 0; i < steps; i++) {
        double rate = steps == 1 ? start : start * Math.pow(max / start, (double) i / (steps - 1));
        rates.add(Math.round(rate * 10) / 10.0);
      }
      return rates;
    }

    List<Profile> profiles(Parameters params, java.nio.file.Path file) {
      String one = raw("profile");
      String many = raw("profiles");
      if (one != null && many != null) {
        add("-Dprofile=" + one + " / -Dprofiles=" + many + ": give one of them, not both");
        return List.of();
      }
      if (!params.selfContained() && (one != null || many != null)) {
        add(
            "-Dprofile(s)="
                + (one != null ? one : many)
                + ": a latency profile is injected into the embedded Aerospike the run starts; an"
                + " external app (-DbaseUrl) cannot be given one. Drop -DbaseUrl or the profile.");
        return List.of();
      }
      if (!params.latency().isOff()) {
        if (one != null || many != null) {
          add(
              "-Dprofile(s) with -DlatencyFixedMs/-DlatencyMedianMs/-DlatencyP99Ms: choose a named"
                  + " profile or explicit latency, not both");
          return List.of();
        }
        return List.of(new Profile("custom", params.latency().latency()));
      }
      if (!params.selfContained()) {
        return List.of(new Profile("external", Latency.NONE));
      }
      LatencyProfiles known;
      try {
        known = LatencyProfiles.read(file);
      } catch (IllegalArgumentException e) {
        add("-Dprofile: " + e.getMessage());
        return List.of();
      }
      List<Profile> profiles = new ArrayList<>();
      String names = many != null ? many : one != null ? one : "reference";
      for (String name : names.split(",")) {
        String trimmed = name.trim();
        var latency = known.get(trimmed);
        if (latency.isEmpty()) {
          add(
              "-Dprofile"
                  + (many != null ? "s=" + many : "=" + names)
                  + ": unknown profile '"
                  + trimmed
                  + "'; known in "
                  + file
                  + ": "
                  + String.join(", ", known.names())
                  + ", e.g. -Dprofile=reference");
          return List.of();
        }
        if (profiles.stream().anyMatch(p -> p.name().equals(trimmed))) {
          add("-Dprofiles=" + many + ": profile '" + trimmed + "' is listed twice");
          return List.of();
        }
        profiles.add(new Profile(trimmed, latency.get()));
      }
      return profiles;
    }
  }
}
