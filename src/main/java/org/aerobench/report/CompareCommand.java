package org.aerobench.report;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.compare.RunDiff;
import org.aerobench.report.compare.RunMerge;
import org.aerobench.report.render.MarkdownRenderer;
import org.aerobench.report.render.RunDiffRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aerobench compare [run] [--baseline-client <client>] [--out reports] [--against earlier]},
 * and {@code aerobench compare --merge <run>... [--out reports]} for several injectors' runs.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Writes reports/<run>/comparison.{md,json,html} from a Gatling run folder: client-side and"
          + " server-side latency per client, advantages over the baseline client with bootstrap"
          + " noise intervals, the pipeline decomposition.",
      "With --against, also compares the run with an earlier run of the same simulation.",
      "With --merge, merges several injectors' runs of one load (same simulation and"
          + " parameters, started together) into <out>/<simulation>-merged-<timestamp>/: counts"
          + " summed, histogram logs merged exactly, phases aligned by wall clock; that folder"
          + " holds the comparison and is a run the gate accepts.",
      "Exit codes: 0 written, 2 unusable input (one line saying which file and why)."
    })
public final class CompareCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "RUN",
      description =
          "Gatling run folder (default: the newest under target/gatling/); with --merge, the"
              + " injectors' run folders, or folders holding them (e.g. the shared volume of"
              + " the Kubernetes injector Job)")
  List<Path> runs = new ArrayList<>();

  @Option(names = "--merge", description = "Merge the runs of several injectors into one")
  boolean merge;

  @Option(
      names = "--name",
      description =
          "With --merge: the merged run's folder name under --out (default:"
              + " <simulation>-merged-<timestamp>)")
  String mergedName;

  @Option(
      names = "--max-skew-ms",
      defaultValue = "2000",
      description =
          "With --merge: refuse injectors whose phase starts differ by more (default:"
              + " ${DEFAULT-VALUE})")
  long maxSkewMillis;

  @Option(
      names = "--baseline-client",
      description =
          "Client the others are compared with (default: the run's first client, as its"
              + " conditions.json lists them, else the first in Gatling's table)")
  String baselineClient;

  @Option(
      names = "--out",
      defaultValue = "reports",
      description = "Output root; files go to <out>/<run folder name>/ (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(
      names = "--against",
      paramLabel = "EARLIER_RUN",
      description = "An earlier run folder of the same simulation to compare with")
  Path against;

  @Option(
      names = "--resamples",
      defaultValue = "1000",
      description = "Bootstrap resamples for noise intervals (default: ${DEFAULT-VALUE})")
  int resamples;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (resamples < 100) {
        throw new ReportInputException(
            "--resamples " + resamples + " is too few: use 100 or more (default 1000)");
      }
      Path folder = runFolder();
      var options = new ComparisonReport.Options(baselineClient, resamples);
      // Loaded once (Gatling's page and the server-times log) for both reports.
      RunData data = RunData.load(folder);
      // The run diff first: a wrong --against fails before any file is written.
      RunDiff diff =
          against == null ? null : ComparisonReport.against(data, against, this.out, options);
      var written = ComparisonReport.generate(data, this.out, options);
      out.println(MarkdownRenderer.comparison(written.comparison()));
      out.println("Wrote " + written.markdown() + ", " + written.json() + ", " + written.html());
      if (diff != null) {
        out.println(RunDiffRenderer.markdown(diff));
      }
      out.flush();
      return 0;
    } catch (ReportInputException e) {
      err.println("compare: " + e.getMessage());
      err.flush();
      return 2;
    } catch (java.io.IOException e) {
      err.println("compare: cannot write the report: " + e.getMessage());
      err.flush();
      return 2;
    }
  }

  /** The run to compare: the one named, the merge of those named, or the newest. */
  private Path runFolder() throws java.io.IOException {
    if (merge) {
      if (runs.isEmpty()) {
        throw new ReportInputException("--merge needs the injectors' run folders");
      }
      if (against != null) {
        throw new ReportInputException("--merge and --against: compare the merged run after");
      }
      if (maxSkewMillis < 0) {
        throw new ReportInputException("--max-skew-ms " + maxSkewMillis + " must be 0 or more");
      }
      List<Path> folders = new ArrayList<>();
      for (Path given : runs) {
        folders.addAll(RunFolders.runsUnder(given));
      }
      Path merged = new RunMerge(maxSkewMillis).merge(folders, this.out, mergedName);
      spec.commandLine().getOut().println("Merged " + folders.size() + " runs into " + merged);
      return merged;
    }
    if (runs.size() > 1) {
      throw new ReportInputException(
          runs.size() + " run folders given: name one, or add --merge for several injectors");
    }
    return runs.isEmpty() ? RunFolders.newest(RunFolders.GATLING_RESULTS) : runs.get(0);
  }
}
