package org.aerobench.embedded;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named cluster latency profiles ({@code conf/latency-profiles.properties}): {@code name=off},
 * {@code name=fixed <ms>} or {@code name=median <ms> p99 <ms>}, each checked by {@link
 * Latency#fromMillis}.
 */
public final class LatencyProfiles {

  public static final Path DEFAULT_FILE = Path.of("conf", "latency-profiles.properties");

  private static final Pattern FIXED = Pattern.compile("fixed\\s+(\\S+)");
  private static final Pattern LOG_NORMAL = Pattern.compile("median\\s+(\\S+)\\s+p99\\s+(\\S+)");

  private final Map<String, Latency> profiles;
  private final Path file;

  private LatencyProfiles(Map<String, Latency> profiles, Path file) {
    this.profiles = Collections.unmodifiableMap(profiles);
    this.file = file;
  }

  /**
   * Reads a profiles file.
   *
   * @throws IllegalArgumentException naming the file, the profile and the rule
   */
  public static LatencyProfiles read(Path file) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      props.load(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + ": cannot read the latency profiles (" + e.getMessage() + ")", e);
    }
    Map<String, Latency> profiles = new LinkedHashMap<>();
    // Properties forgets the file's order; names sort for a stable listing.
    for (String name : props.stringPropertyNames().stream().sorted().toList()) {
      profiles.put(name, parse(file, name, props.getProperty(name).trim()));
    }
    return new LatencyProfiles(profiles, file);
  }

  private static Latency parse(Path file, String name, String value) {
    try {
      if (value.equals("off")) {
        return Latency.NONE;
      }
      Matcher fixed = FIXED.matcher(value);
      if (fixed.matches()) {
        return Latency.fromMillis(Double.parseDouble(fixed.group(1)), null, null);
      }
      Matcher logNormal = LOG_NORMAL.matcher(value);
      if (logNormal.matches()) {
        return Latency.fromMillis(
            null, Double.parseDouble(logNormal.group(1)), Double.parseDouble(logNormal.group(2)));
      }
    } catch (NumberFormatException e) {
      // reported below, with the rule
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          file + ": profile " + name + "=" + value + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        file
            + ": profile "
            + name
            + "="
            + value
            + ": must be off, fixed <ms> or median <ms> p99 <ms>, e.g. "
            + name
            + "=median 2 p99 10");
  }

  /** The profile's latency, or empty when no such profile exists. */
  public java.util.Optional<Latency> get(String name) {
    return java.util.Optional.ofNullable(profiles.get(name));
  }

  public List<String> names() {
    return List.copyOf(profiles.keySet());
  }

  public Path file() {
    return file;
  }
}
