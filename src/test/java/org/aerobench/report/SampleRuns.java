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

  /**
   * Writes a synthetic {@code aerobench/client-times.hlog} into a copied run: for each of its
   * request names, 30 s × 20 log-normal samples a second around 5 ms, multiplied by {@code
   * slowdown} for the names it matches (e.g. {@code n -> n.endsWith("async") ? 1.5 : 1}).
   */
  public static void clientTimes(
      Path run, long seed, java.util.function.ToDoubleFunction<String> slowdown) {
    var times = new org.aerobench.report.run.ClientTimes();
    java.util.Random random = new java.util.Random(seed);
    double runEffect = 0.02 * random.nextGaussian();
    for (var request : org.aerobench.report.compare.RunData.load(run).gatling().requests()) {
      double factor = slowdown.applyAsDouble(request.name());
      for (int s = 0; s < 30; s++) {
        for (int i = 0; i < 20; i++) {
          double micros = Math.exp(Math.log(5_000) + runEffect + 0.3 * random.nextGaussian());
          times.record(
              request.name(), 1_800_000_000_000L + s * 1000L + i, Math.round(micros * factor));
        }
      }
    }
    try {
      times.write(run.resolve("aerobench/client-times.hlog"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
