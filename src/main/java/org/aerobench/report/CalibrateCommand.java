package org.aerobench.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.gate.NoiseCalibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aerobench calibrate <run> <run> <run>... [--out conf/noise.properties]}. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the between-run spread of client-side p50 and p95 over 3+ runs of one experiment"
          + " on this machine and writes it for the gate (one run a side is then judged against"
          + " it).",
      "Exit codes: 0 written; 2 fewer than 3 runs, runs of different experiments, unusable input."
    })
public final class CalibrateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "RUN", description = "Runs of the same experiment")
  List<Path> runs;

  @Option(
      names = "--out",
      defaultValue = "conf/noise.properties",
      description = "File to write (default: ${DEFAULT-VALUE})")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      NoiseCalibration c = NoiseCalibration.measure(runs.stream().map(RunData::load).toList(), out);
      c.write();
      stdout.println(
          String.format(
              Locale.ROOT,
              "wrote %s: %d runs, %d samples, ln p50 sd %.4f, ln p95 sd %.4f, relative %s",
              out,
              c.runs(),
              c.samples(),
              c.p50LogSd(),
              c.p95LogSd(),
              Double.isNaN(c.relativeP95LogSd())
                  ? "none (one arm per mode)"
                  : String.format(Locale.ROOT, "%.4f", c.relativeP95LogSd())));
      stdout.flush();
      return 0;
    } catch (ReportInputException | IOException e) {
      err.println("calibrate: " + e.getMessage());
      err.flush();
      return 2;
    }
  }
}
