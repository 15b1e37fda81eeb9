package org.aerobench.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.gate.Gate;
import org.aerobench.report.gate.GateConfig;
import org.aerobench.report.gate.NoiseCalibration;
import org.aerobench.report.gate.Violation;
import org.aerobench.report.stats.Bootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aerobench gate <run>... [--baseline <run>...] [--config conf/gate.properties] [--noise
 * conf/noise.properties] [--allow-different-conditions]}.
 */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks a Gatling run against the thresholds in conf/gate.properties (SLOs per client,"
          + " error rate, relative rules, regression vs a baseline run).",
      "Exit codes: 0 all rules hold; 1 one line per broken rule; 2 unusable input or config."
    })
public final class GateCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "RUN",
      description =
          "Gatling run folder(s) of the candidate (default: the newest under target/gatling/)")
  List<Path> runs;

  @Option(
      names = "--baseline",
      arity = "1..*",
      paramLabel = "RUN",
      description =
          "Earlier run(s) of the same experiment to compare with; a p95 regression is judged on"
              + " run-level noise (2+ runs a side, or one run a side with conf/noise.properties)")
  List<Path> baselines;

  @Option(
      names = "--allow-different-conditions",
      description = "Compare with a baseline whose conditions.json or parameters differ")
  boolean allowDifferentConditions;

  @Option(
      names = "--noise",
      defaultValue = "conf/noise.properties",
      description =
          "Between-run calibration written by `aerobench calibrate` (default: ${DEFAULT-VALUE})")
  Path noise;

  @Option(
      names = "--config",
      defaultValue = "conf/gate.properties",
      description = "Gate thresholds (default: ${DEFAULT-VALUE})")
  Path config;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      GateConfig gateConfig = GateConfig.read(config);
      List<Path> folders =
          runs != null && !runs.isEmpty()
              ? runs
              : List.of(RunFolders.newest(RunFolders.GATLING_RESULTS));
      List<RunData> candidates = folders.stream().map(RunData::load).toList();
      RunData data = candidates.get(0);
      List<RunData> base =
          baselines == null ? List.of() : baselines.stream().map(RunData::load).toList();
      Gate.Result result =
          new Gate(gateConfig, Bootstrap.standard(), NoiseCalibration.read(noise))
              .check(candidates, base, allowDifferentConditions);
      result.warnings().forEach(w -> out.println("WARNING: " + w));
      result.notes().forEach(n -> out.println("note: " + n));
      if (result.passed()) {
        out.println(
            "PASS " + data.name() + ": all " + result.checks() + " checks hold (" + config + ")");
        out.flush();
        return 0;
      }
      for (Violation v : result.violations()) {
        out.println(v.line());
      }
      out.flush();
      return 1;
    } catch (ReportInputException e) {
      err.println("gate: " + e.getMessage());
      err.flush();
      return 2;
    }
  }
}
