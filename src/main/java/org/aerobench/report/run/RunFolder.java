package org.aerobench.report.run;

import java.nio.file.Path;

/**
 * Where a simulation leaves its own files beside Gatling's report: {@code <gatling run
 * folder>/aerobench/}. Defined once here; the simulations write these files and the report tool
 * reads them.
 */
public record RunFolder(Path gatlingRun) {

  /** Sub-folder of the Gatling run folder holding the project's files. */
  public static final String SUBFOLDER = "aerobench";

  /** The folder of the project's files. */
  public Path dir() {
    return gatlingRun.resolve(SUBFOLDER);
  }

  /** Gatling's own report page. */
  public Path gatlingIndex() {
    return gatlingRun.resolve("index.html");
  }

  /** Server-measured stage times per request name: {@link ServerTimes}. */
  public Path serverTimes() {
    return dir().resolve("server-times.hlog");
  }

  /** Client-side response times per request name and second: {@link ClientTimes}. */
  public Path clientTimes() {
    return dir().resolve("client-times.hlog");
  }

  /** Failed responses per request name and second: {@link ClientErrors}. */
  public Path clientErrors() {
    return dir().resolve("client-errors.csv");
  }

  /** The 1 Hz saturation and CPU samples of the run (epoch ms, series, value). */
  public Path saturation() {
    return dir().resolve("saturation.csv");
  }

  /** What the Capacity simulation measured per level and client. */
  public Path capacity() {
    return dir().resolve("capacity.json");
  }

  /** What a merged run was merged from, and the summed counts: {@link MergeManifest}. */
  public Path merge() {
    return dir().resolve("merge.json");
  }

  /** The simulation's effective {@code -D} parameters, one {@code name=value} a line. */
  public Path parameters() {
    return dir().resolve("parameters.txt");
  }

  /** Run conditions: {@link RunConditions}. */
  public Path conditions() {
    return dir().resolve("conditions.json");
  }

  /** The app's {@code /metrics} scraped at the end of a scenario. */
  public Path metricsScrape(String scenario) {
    return dir().resolve("metrics-" + scenario.replaceAll("[^A-Za-z0-9_-]", "_") + ".prom");
  }
}
