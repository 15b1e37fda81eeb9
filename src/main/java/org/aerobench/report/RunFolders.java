package org.aerobench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finding Gatling run folders: for the commands and for a simulation finding its own. */
public final class RunFolders {

  /** Where the Gatling plugin writes runs (its default resultsFolder, from the project folder). */
  public static final Path GATLING_RESULTS = Path.of("target", "gatling");

  /** Gatling's run folder suffix: {@code -yyyyMMddHHmmssSSS}. */
  private static final String RUN_SUFFIX = "-\\d{17}";

  private RunFolders() {}

  /**
   * The newest run folder under {@code results}: by the {@code -yyyyMMddHHmmssSSS} suffix Gatling
   * gives its folders, so copies keep their order.
   *
   * @throws ReportInputException when there is none
   */
  public static Path newest(Path results) {
    if (!Files.isDirectory(results)) {
      throw new ReportInputException(
          results
              + " does not exist: run a simulation first (bin/mvn gatling:test) or name a"
              + " run folder");
    }
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches(".+" + RUN_SUFFIX))
          .max(Comparator.comparing(p -> p.getFileName().toString().replaceAll(".*-", "")))
          .orElseThrow(
              () ->
                  new ReportInputException(
                      results
                          + " holds no Gatling run folder (<simulation>-<yyyyMMddHHmmssSSS>):"
                          + " run a simulation first or name a run folder"));
    } catch (IOException e) {
      throw new ReportInputException(results + " cannot be listed: " + e.getMessage(), e);
    }
  }

  /**
   * The run folders a path names: itself when it is one (it holds Gatling's {@code index.html} or
   * the project's files), else every run folder one or two levels below it, sorted (the injector
   * Job's shared volume holds {@code injector-<i>/<run>/}).
   */
  public static java.util.List<Path> runsUnder(Path given) {
    if (!Files.isDirectory(given) || isRun(given)) {
      return java.util.List.of(given); // RunData.load names what is wrong with it
    }
    try (Stream<Path> below = Files.walk(given, 2)) {
      java.util.List<Path> runs = below.filter(p -> !p.equals(given) && isRun(p)).sorted().toList();
      if (runs.isEmpty()) {
        throw new ReportInputException(given + " holds no run folder (with index.html)");
      }
      return runs;
    } catch (IOException e) {
      throw new ReportInputException(given + " cannot be listed: " + e.getMessage(), e);
    }
  }

  private static boolean isRun(Path dir) {
    return Files.isRegularFile(dir.resolve("index.html"))
        || Files.isDirectory(dir.resolve(org.aerobench.report.run.RunFolder.SUBFOLDER));
  }

  /**
   * The folder Gatling writes the current run of {@code simulation} into, from inside the
   * simulation (e.g. its {@code after()}): the newest {@code <simple name lowercased>-<timestamp>}
   * folder under {@code results} modified at or after {@code notBefore}. Gatling creates it after
   * the simulation's {@code before()} and writes {@code index.html} into it only after {@code
   * after()} (Gatling 3.15.1); its name is not exposed to the simulation, hence name and time.
   *
   * @return empty when there is none (or {@code results} cannot be listed)
   */
  public static Optional<Path> newest(Path results, String simulation, Instant notBefore) {
    String prefix = Pattern.quote(simulation.toLowerCase(Locale.ROOT));
    if (!Files.isDirectory(results)) {
      return Optional.empty();
    }
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches(prefix + RUN_SUFFIX))
          .filter(p -> modifiedSince(p, notBefore))
          .max(Comparator.comparing(p -> p.getFileName().toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean modifiedSince(Path folder, Instant notBefore) {
    try {
      return !Files.getLastModifiedTime(folder).toInstant().isBefore(notBefore);
    } catch (IOException e) {
      return false;
    }
  }
}
