package org.aerobench.report.gate;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.aerobench.report.ReportInputException;
import org.aerobench.report.compare.RequestName;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.stats.Percentiles;
import org.aerobench.report.stats.SecondSeries;
import org.aerobench.report.stats.StudentT;

/**
 * The between-run spread of one experiment on one machine ({@code conf/noise.properties}, written
 * by {@code aerobench calibrate}): the standard deviation across runs of the natural log of each
 * request's client-side p50 and p95, pooled over request names. A gate with one run per side widens
 * its interval by it; without it, one run per side cannot support a regression claim.
 *
 * @param relativeP95LogSd spread of log(p95 of an arm / p95 of the run's first arm in the same
 *     mode), for {@code regression.relative.to}; NaN when the runs had one arm per mode
 */
public record NoiseCalibration(
    int format,
    String host,
    int cores,
    String experiment,
    String date,
    int runs,
    long samples,
    double p50LogSd,
    double p95LogSd,
    double relativeP95LogSd,
    Path file) {

  public static final int FORMAT = 1;
  public static final int MIN_RUNS = 3;

  /**
   * Measures the spread over runs of one experiment.
   *
   * @throws ReportInputException with fewer than 3 runs, runs of different experiments, or runs
   *     without a client-times log
   */
  public static NoiseCalibration measure(List<RunData> runs, Path file) {
    if (runs.size() < MIN_RUNS) {
      throw new ReportInputException(
          "calibrate needs at least "
              + MIN_RUNS
              + " runs of the same experiment, got "
              + runs.size());
    }
    Experiment.requireSame(runs, false, "(calibrate allows no difference)", new ArrayList<>());
    Map<String, double[][]> logs = new LinkedHashMap<>(); // request -> [run][p50, p95]
    Map<String, double[]> relative = new LinkedHashMap<>();
    long samples = 0;
    for (int r = 0; r < runs.size(); r++) {
      RunData run = runs.get(r);
      Map<String, String> firstArm = new LinkedHashMap<>();
      for (RequestStats request : runs.get(0).gatling().requests()) {
        RequestName name = RequestName.parse(request.name());
        if (name.mode().equals("warmup")) {
          continue;
        }
        SecondSeries series =
            run.clientSeries(request.name())
                .orElseThrow(
                    () ->
                        new ReportInputException(
                            run.folder()
                                + " has no client times for '"
                                + request.name()
                                + "': calibrate needs aerobench/client-times.hlog"));
        samples += series.samples(0);
        double p95 = series.quantile(0, 0.95);
        logs.computeIfAbsent(request.name(), n -> new double[runs.size()][])[r] =
            new double[] {Math.log(series.quantile(0, 0.50)), Math.log(p95)};
        String first = firstArm.putIfAbsent(name.mode(), request.name());
        if (first != null) {
          double base = run.clientSeries(first).orElseThrow().quantile(0, 0.95);
          relative.computeIfAbsent(request.name(), n -> new double[runs.size()])[r] =
              Math.log(p95 / base);
        }
      }
    }
    double p50 = pooled(logs.values().stream().map(v -> column(v, 0)).toList());
    double p95 = pooled(logs.values().stream().map(v -> column(v, 1)).toList());
    double rel = relative.isEmpty() ? Double.NaN : pooled(List.copyOf(relative.values()));
    return new NoiseCalibration(
        FORMAT,
        thisHost(),
        Runtime.getRuntime().availableProcessors(),
        Experiment.key(runs.get(0)),
        Instant.now().toString(),
        runs.size(),
        samples,
        p50,
        p95,
        rel,
        file);
  }

  /** Root mean of the per-request sample variances: one spread for the experiment. */
  private static double pooled(List<double[]> perRequest) {
    double sum = 0;
    for (double[] values : perRequest) {
      double sd = Percentiles.stddev(values);
      sum += sd * sd;
    }
    return Math.sqrt(sum / perRequest.size());
  }

  private static double[] column(double[][] rows, int c) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i][c];
    }
    return out;
  }

  /** The file, commented. */
  public void write() throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    String text =
        String.format(
            Locale.ROOT,
            """
            # Between-run noise of one experiment on one machine, written by `aerobench calibrate`.
            # The gate uses it only for runs of this experiment on this machine (same host name,
            # cores and format); otherwise it says so with a WARNING and does not use it.
            # *.log.sd = standard deviation across runs of ln(client-side nearest-rank percentile),
            # pooled over request names; relative = of ln(arm p95 / first arm p95) in a mode.
            format.version=%d
            machine.hostname=%s
            machine.cores=%d
            experiment=%s
            date=%s
            runs=%d
            samples=%d
            p50.log.sd=%.6f
            p95.log.sd=%.6f
            p95.relative.log.sd=%s
            """,
            format,
            host,
            cores,
            experiment.replace("\\", "\\\\"),
            date,
            runs,
            samples,
            p50LogSd,
            p95LogSd,
            Double.isNaN(relativeP95LogSd)
                ? "none"
                : String.format(Locale.ROOT, "%.6f", relativeP95LogSd));
    Files.writeString(file, text);
  }

  /** Reads the file; empty when it does not exist. */
  public static java.util.Optional<NoiseCalibration> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      p.load(reader);
      String rel = p.getProperty("p95.relative.log.sd", "none").trim();
      return java.util.Optional.of(
          new NoiseCalibration(
              Integer.parseInt(p.getProperty("format.version", "0").trim()),
              p.getProperty("machine.hostname", "?").trim(),
              Integer.parseInt(p.getProperty("machine.cores", "0").trim()),
              p.getProperty("experiment", "").trim(),
              p.getProperty("date", "?").trim(),
              Integer.parseInt(p.getProperty("runs", "0").trim()),
              Long.parseLong(p.getProperty("samples", "0").trim()),
              Double.parseDouble(p.getProperty("p50.log.sd", "NaN").trim()),
              Double.parseDouble(p.getProperty("p95.log.sd", "NaN").trim()),
              rel.equals("none") ? Double.NaN : Double.parseDouble(rel),
              file));
    } catch (IOException | IllegalArgumentException e) {
      throw new ReportInputException(
          file + " is not a noise calibration (aerobench calibrate writes it): " + e.getMessage(),
          e);
    }
  }

  /**
   * Why this calibration does not apply to {@code run} on this machine, or null when it does. A
   * calibration from another machine, experiment or format is never used silently.
   */
  public String mismatch(RunData run) {
    if (format != FORMAT) {
      return "format.version " + format + " (this aerobench reads " + FORMAT + ")";
    }
    if (!host.equals(thisHost())) {
      return "machine.hostname '" + host + "' (this machine is '" + thisHost() + "')";
    }
    if (cores != Runtime.getRuntime().availableProcessors()) {
      return "machine.cores "
          + cores
          + " (this machine has "
          + Runtime.getRuntime().availableProcessors()
          + ")";
    }
    String key = Experiment.key(run);
    if (!experiment.equals(key)) {
      return "experiment '" + experiment + "' (this run is '" + key + "')";
    }
    return null;
  }

  /**
   * A measured spread raised to the most it can be, at 95 %, given how few runs measured it ({@link
   * StudentT#sdUpperFactor}: ×2.92 for 4 runs, ×1.65 for 10, ×1.37 for 20). More calibration runs,
   * spread over the day, buy a narrower interval; few runs cannot fake one.
   */
  public double trustedSd(double measuredSd) {
    return measuredSd * StudentT.sdUpperFactor(0.95, runs);
  }

  /** "conf/noise.properties: 5 runs, ln p95 sd 0.081 (used as 0.170: its 95 % bound), …". */
  public String describe(boolean relative) {
    return String.format(
        Locale.ROOT,
        "%s: %d runs of %s on %s, ln %s sd %.3f, used as %.3f (its 95 %% bound over %d runs)",
        file,
        runs,
        experiment.replaceFirst(";.*", ""),
        date,
        relative ? "(arm p95 / control p95)" : "p95",
        relative ? relativeP95LogSd : p95LogSd,
        trustedSd(relative ? relativeP95LogSd : p95LogSd),
        runs);
  }

  static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "unknown" : env;
    }
  }
}
