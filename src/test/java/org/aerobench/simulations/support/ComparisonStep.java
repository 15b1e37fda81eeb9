package org.aerobench.simulations.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aerobench.report.ComparisonReport;

/**
 * Builds the comparison report of a finished run into {@code reports/<run folder name>/}. It needs
 * Gatling's {@code index.html}, which Gatling writes after the simulation's {@code after()}, so it
 * runs from a JVM shutdown hook: Gatling's forked JVM exits right after writing its report.
 */
final class ComparisonStep {

  /** Where comparison reports go, relative to the project folder. */
  static final Path REPORTS = Path.of("reports");

  private ComparisonStep() {}

  /** Builds the report when this JVM exits, the first client as the baseline. */
  static void scheduleAfterGatlingReport(Path gatlingRun, String baselineClient) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> run(gatlingRun, baselineClient), "aerobench-comparison-report"));
  }

  static void run(Path gatlingRun, String baselineClient) {
    if (!Files.isRegularFile(gatlingRun.resolve("index.html"))) {
      RunHarness.say(
          "no comparison report: Gatling wrote no index.html in "
              + gatlingRun
              + " (run crashed, or -Dgatling.noReports=true)");
      return;
    }
    // A report failure must not hide the run: say what happened and how to retry.
    try {
      var options =
          new ComparisonReport.Options(
              baselineClient, ComparisonReport.Options.defaults().resamples());
      ComparisonReport.Written written = ComparisonReport.generate(gatlingRun, REPORTS, options);
      RunHarness.say("comparison report: " + written.markdown().toAbsolutePath());
      RunHarness.say("                   " + written.html().toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      RunHarness.say(
          "comparison report failed: "
              + e.getMessage()
              + " (retry: aerobench compare "
              + gatlingRun
              + ")");
    }
  }
}
