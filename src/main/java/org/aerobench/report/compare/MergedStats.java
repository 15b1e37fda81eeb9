package org.aerobench.report.compare;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.aerobench.report.gatling.GatlingStats;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.ClientTimes;
import org.aerobench.report.run.MergeManifest;
import org.aerobench.report.run.RunConditions;

/**
 * The stats table of a merged run, in the shape of a Gatling page's so that the comparison, the run
 * diff and the gate read it unchanged: counts summed over the injectors (from the manifest), times
 * from the merged client-side µs histograms. Gatling's own percentiles are t-digest estimates per
 * JVM and cannot be combined; these are exact percentiles of every injector's recorded values,
 * given in whole milliseconds (rounded) like Gatling's columns.
 */
final class MergedStats {

  private MergedStats() {}

  static GatlingStats of(
      Path manifestFile, MergeManifest manifest, ClientTimes times, RunConditions conditions) {
    double seconds = conditions.durationSeconds();
    Histogram everything = new Histogram(2);
    long ok = 0;
    long ko = 0;
    List<RequestStats> rows = new java.util.ArrayList<>();
    for (MergeManifest.Counts counts : manifest.requests()) {
      Histogram h = times.total(counts.name());
      everything.add(h);
      ok += counts.ok();
      ko += counts.ko();
      rows.add(row(counts.name(), counts.ok(), counts.ko(), h, manifest.percentiles(), seconds));
    }
    return new GatlingStats(
        manifestFile,
        manifest.gatlingVersion(),
        conditions.startedAt(),
        Math.round(seconds) + "s",
        row("All Requests", ok, ko, everything, manifest.percentiles(), seconds),
        rows,
        manifest.percentiles());
  }

  private static RequestStats row(
      String name, long ok, long ko, Histogram micros, List<Double> percentiles, double seconds) {
    long total = ok + ko;
    boolean none = micros.getTotalCount() == 0;
    Map<Double, Long> columns = new LinkedHashMap<>();
    for (double p : percentiles) {
      columns.put(p, none ? null : ms(micros.getValueAtPercentile(p)));
    }
    return new RequestStats(
        name,
        total,
        ok,
        ko,
        total == 0 ? 0 : 100.0 * ko / total,
        seconds > 0 ? total / seconds : 0,
        none ? null : ms(micros.getMinValue()),
        columns,
        none ? null : ms(micros.getMaxValue()),
        none ? null : Math.round(micros.getMean() / 1000.0),
        none ? null : Math.round(micros.getStdDeviation() / 1000.0));
  }

  private static long ms(long micros) {
    return Math.round(micros / 1000.0);
  }
}
