package org.aerobench.report.gatling;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the report reads from a Gatling run's {@code index.html}.
 *
 * @param file the page read
 * @param version Gatling version the page states, e.g. 3.15.1
 * @param date run date as printed
 * @param duration run duration as printed, e.g. {@code 11s}
 * @param all the "All Requests" row
 * @param requests one row per request name, in page order
 * @param percentiles the percentiles the page's columns show, e.g. [50, 75, 95, 99]
 */
public record GatlingStats(
    Path file,
    String version,
    String date,
    String duration,
    RequestStats all,
    List<RequestStats> requests,
    List<Double> percentiles) {

  public GatlingStats {
    requests = List.copyOf(requests);
    percentiles = List.copyOf(percentiles);
  }

  public Optional<RequestStats> request(String name) {
    return requests.stream().filter(r -> r.name().equals(name)).findFirst();
  }
}
