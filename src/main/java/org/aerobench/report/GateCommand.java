package org.aerobench.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.gate.Gate;
import org.aerobench.report.gate.GateConfig;
import org.aerobench.report.gate.Violation;
import org.aerobench.report.stats.Bootstrap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aerobench gate <run> [--baseline <run>] [--config conf/gate.properties]}. */
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
      index = "0",
      arity = "0..1",
      paramLabel = "RUN",
      description = "Gatling run folder (default: the newest under target/gatling/)")
  Path run;

  @Option(names = "--baseline", paramLabel = "RUN", description = "Earlier run to compare with")
  Path baseline;

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
      Path folder = run != null ? run : RunFolders.newest(RunFolders.GATLING_RESULTS);
      RunData data = RunData.load(folder);
      Optional<RunData> base = Optional.ofNullable(baseline).map(RunData::load);
      Gate.Result result = new Gate(gateConfig, Bootstrap.standard()).check(data, base);
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
