package org.aerobench.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientStatsCollectorTest {

  @Test
  void one_scrape_asks_the_client_for_its_stats_once_and_survives_a_failing_client() {
    AtomicInteger calls = new AtomicInteger();
    PrometheusRegistry registry = new PrometheusRegistry();
    ClientStatsCollector.register(
        registry,
        () -> {
          calls.incrementAndGet();
          throw new IllegalStateException("client closed");
        });
    // (one Supplier for every client of the app: the styles' clients are read together)

    var snapshots = registry.scrape();

    assertThat(calls).hasValue(1);
    assertThat(snapshots.stream().map(MetricSnapshot::getMetadata).map(m -> m.getName()))
        .containsExactlyInAnyOrder(
            "aerospike_client_node_connections",
            "aerospike_client_event_loop_commands",
            "aerospike_client_node_errors");
  }
}
