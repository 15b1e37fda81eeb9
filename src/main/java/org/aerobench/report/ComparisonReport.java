package org.aerobench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aerobench.report.compare.Comparison;
import org.aerobench.report.compare.ComparisonBuilder;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.compare.RunDiff;
import org.aerobench.report.render.HtmlRenderer;
import org.aerobench.report.render.MarkdownRenderer;
import org.aerobench.report.render.RunDiffRenderer;
import org.aerobench.report.stats.Bootstrap;

/**
 * The comparison report's Java API, for the simulations' end-of-run hook and for the {@code
 * compare} command: reads a Gatling run folder, writes {@code <outDir>/<run>/comparison.md}, {@code
 * comparison.json} and {@code comparison.html}. No side effects but those files.
 */
public final class ComparisonReport {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * @param baselineClient the client challengers are compared with; null = the run's first client
   *     ({@link ComparisonBuilder#firstClient})
   * @param resamples bootstrap resamples for the noise intervals
   */
  public record Options(String baselineClient, int resamples) {

    /** The run's first client as the baseline, the standard resamples. */
    public static Options defaults() {
      return new Options(null, Bootstrap.DEFAULT_RESAMPLES);
    }

    Bootstrap bootstrap() {
      return new Bootstrap(resamples, 0.95, Bootstrap.DEFAULT_SEED);
    }
  }

  /** What was written. */
  public record Written(Path dir, Path markdown, Path json, Path html, Comparison comparison) {}

  private ComparisonReport() {}

  /**
   * Generates the three files.
   *
   * @throws ReportInputException when the run folder is missing, half-written or from another
   *     Gatling version (the message names the file and what was expected)
   * @throws IOException when the files cannot be written
   */
  public static Written generate(Path gatlingRun, Path outDir, Options options) throws IOException {
    return generate(RunData.load(gatlingRun), outDir, options);
  }

  /** Generates the three files from a run already loaded (e.g. shared with {@link #against}). */
  public static Written generate(RunData run, Path outDir, Options options) throws IOException {
    String baseline =
        options.baselineClient() != null
            ? options.baselineClient()
            : ComparisonBuilder.firstClient(run);
    return write(new ComparisonBuilder(baseline, options.bootstrap()).build(run), outDir);
  }

  /**
   * Writes the three files of a comparison already built, e.g. one a capacity study was added to
   * ({@link Comparison#withCapacity}).
   */
  public static Written write(Comparison comparison, Path outDir) throws IOException {
    Path dir = outDir.resolve(comparison.run());
    Files.createDirectories(dir);
    Path md =
        Files.writeString(dir.resolve("comparison.md"), MarkdownRenderer.comparison(comparison));
    Path json = dir.resolve("comparison.json");
    JSON.writeValue(json.toFile(), comparison);
    Path html =
        Files.writeString(dir.resolve("comparison.html"), HtmlRenderer.comparison(comparison, dir));
    return new Written(dir, md, json, html, comparison);
  }

  /** Writes {@code <outDir>/<run>/against-<earlier>.md} and {@code .json}; returns the diff. */
  public static RunDiff against(Path gatlingRun, Path earlierRun, Path outDir, Options options)
      throws IOException {
    return against(RunData.load(gatlingRun), earlierRun, outDir, options);
  }

  /** {@link #against(Path, Path, Path, Options)} for a run already loaded. */
  public static RunDiff against(RunData run, Path earlierRun, Path outDir, Options options)
      throws IOException {
    RunDiff diff = RunDiff.of(run, RunData.load(earlierRun), options.bootstrap());
    Path dir = outDir.resolve(diff.run());
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("against-" + diff.against() + ".md"), RunDiffRenderer.markdown(diff));
    JSON.writeValue(dir.resolve("against-" + diff.against() + ".json").toFile(), diff);
    return diff;
  }

  /**
   * Registers a JVM shutdown hook that writes the comparison once Gatling has generated its report
   * (Gatling writes index.html after the simulation's {@code after()} and before its JVM exits).
   * The hook prints one line (the written path, or why nothing was written) and never throws, so a
   * report problem cannot change the load test's exit code.
   */
  public static void compareOnExit(Path gatlingRun, Path outDir, Options options) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Written written = generate(gatlingRun, outDir, options);
                    System.out.println("aerobench comparison: " + written.html().toAbsolutePath());
                  } catch (ReportInputException | IOException e) {
                    System.out.println("aerobench comparison not written: " + e.getMessage());
                  } catch (RuntimeException e) {
                    System.out.println("aerobench comparison failed: " + e);
                  }
                },
                "aerobench-comparison"));
  }
}
