package org.aerobench.simulations.support;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import org.aerobench.report.ComparisonReport;

/**
 * Builds a run's comparison report when Gatling's JVM exits (Gatling writes its {@code index.html}
 * after the simulation's {@code after()}, so nothing earlier can read it), and fails the build when
 * it cannot be built: a run whose comparison is missing must not look like a good run. A shutdown
 * hook cannot change the exit code through {@code System.exit}, so a failure halts the JVM with
 * {@link #EXIT_CODE}, which gatling:test reports as a failed build ({@code
 * -Dgatling.failOnError=false} keeps it green, as for failed assertions).
 */
public final class ComparisonOnExit {

  /** Exit code of a Gatling JVM whose comparison report could not be built. */
  public static final int EXIT_CODE = 3;

  private ComparisonOnExit() {}

  /**
   * Registers the hook for a run folder ({@code null}: the run folder was not found, which fails
   * the same way).
   */
  public static void register(Path gatlingRun, Path outDir, ComparisonReport.Options options) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> build(gatlingRun, outDir, options, System.out, Runtime.getRuntime()::halt),
                "aerobench-comparison"));
  }

  /**
   * Builds the report and prints one line: where it is, or why there is none, after which {@code
   * fail} is given {@link #EXIT_CODE}.
   *
   * @return true when the report was written
   */
  static boolean build(
      Path gatlingRun,
      Path outDir,
      ComparisonReport.Options options,
      PrintStream out,
      IntConsumer fail) {
    String problem;
    try {
      if (gatlingRun == null) {
        problem = "Gatling's run folder was not found";
      } else {
        ComparisonReport.Written written = ComparisonReport.generate(gatlingRun, outDir, options);
        out.println("aerobench comparison: " + written.html().toAbsolutePath());
        return true;
      }
    } catch (Exception e) { // report input, I/O, or a bug in the report: all mean no comparison
      problem = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    out.println(
        "aerobench comparison FAILED, exit code "
            + EXIT_CODE
            + ": "
            + problem
            + (gatlingRun == null ? "" : " (run folder " + gatlingRun + ")"));
    out.flush();
    fail.accept(EXIT_CODE);
    return false;
  }
}
