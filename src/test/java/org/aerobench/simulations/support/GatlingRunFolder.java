package org.aerobench.simulations.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the folder Gatling writes the current run's report into: {@code target/gatling/<simulation
 * lowercased>-<yyyyMMddHHmmssSSS>/}. Gatling creates it after the simulation's {@code before()} and
 * before its {@code after()} (checked with Gatling 3.15.1), and writes {@code index.html} into it
 * after {@code after()}; its name is not exposed to the simulation, so it is found by simulation
 * name and time.
 */
public final class GatlingRunFolder {

  /** The gatling-maven-plugin's default {@code resultsFolder}, relative to the project folder. */
  public static final Path RESULTS = Path.of("target", "gatling");

  private GatlingRunFolder() {}

  /**
   * The newest run folder of {@code simulation} under {@code results} modified at or after {@code
   * notBefore}.
   */
  public static Optional<Path> find(Path results, String simulation, Instant notBefore) {
    String prefix = simulation.toLowerCase(Locale.ROOT) + "-";
    if (!Files.isDirectory(results)) {
      return Optional.empty();
    }
    try (Stream<Path> folders = Files.list(results)) {
      return folders
          .filter(Files::isDirectory)
          .filter(f -> isRunOf(f.getFileName().toString(), prefix))
          .filter(f -> modifiedSince(f, notBefore))
          .max(Comparator.comparing(f -> f.getFileName().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean isRunOf(String name, String prefix) {
    return name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d{17}");
  }

  private static boolean modifiedSince(Path folder, Instant notBefore) {
    try {
      return !Files.getLastModifiedTime(folder).toInstant().isBefore(notBefore);
    } catch (IOException e) {
      return false;
    }
  }
}
