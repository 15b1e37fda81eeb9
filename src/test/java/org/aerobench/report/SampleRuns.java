package org.aerobench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.aerobench.report.run.PhaseWindow;

/**
 * Real Gatling 3.15.1 run folders kept as test resources (made with {@code
 * fixtures.ReportFixtureSimulation}): copied to a temp folder so tests can damage them.
 */
public final class SampleRuns {

  /** A healthy run: sync slower than async and virtual. */
  public static final String HEALTHY = "gatling-3.15.1-sample";

  /**
   * The same simulation with async six times slower and 5% of virtual requests failing: breaks the
   * gate's relative rule and error-rate rule.
   */
  public static final String SLOW_ASYNC = "gatling-3.15.1-slow-async";

  private SampleRuns() {}

  /** Copies the named sample into {@code into}, returning the copy's folder. */
  public static Path copy(String name, Path into) {
    try {
      Path source = Path.of(SampleRuns.class.getResource("/" + name).toURI());
      Path target = into.resolve(name);
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.toList()) {
          Path copy = target.resolve(source.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(copy);
          } else {
            Files.copy(file, copy);
          }
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes {@code phases} into a copied run's {@code aerobench/conditions.json} (the samples were
   * recorded before phase windows were), so a test chooses the phases' lengths.
   */
  public static void phases(Path run, PhaseWindow... phases) {
    Path file = run.resolve("aerobench/conditions.json");
    try {
      ObjectMapper json = new ObjectMapper();
      ObjectNode conditions = (ObjectNode) json.readTree(file.toFile());
      ArrayNode array = conditions.putArray("phases");
      for (PhaseWindow phase : phases) {
        array.add(json.valueToTree(phase));
      }
      json.writeValue(file.toFile(), conditions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
