package org.aerobench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Finding run folders for the commands. */
public final class RunFolders {

  /** Where the Gatling plugin writes runs. */
  public static final Path GATLING_RESULTS = Path.of("target", "gatling");

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
          .filter(p -> p.getFileName().toString().matches(".+-\\d{17}"))
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
}
