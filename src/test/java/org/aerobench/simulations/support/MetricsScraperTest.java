package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsScraperTest {

  @Test
  void process_cpu_seconds_is_read_from_the_exposition() {
    String text =
        """
        # HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.
        # TYPE process_cpu_seconds_total counter
        process_cpu_seconds_total 12.34
        predict_requests_total{client="sync"} 3.0
        """;
    assertThat(MetricsScraper.processCpuSeconds(text)).hasValue(12.34);
    assertThat(MetricsScraper.processCpuSeconds("other_metric 1\n")).isEmpty();
  }
}
