package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SloAssertionsTest {

  private static SloAssertions parse(String text) throws IOException {
    return SloAssertions.parse(new StringReader(text), "test.properties");
  }

  @Test
  void the_most_specific_key_wins() throws IOException {
    SloAssertions slo =
        parse("async.p95=300\nstress.async.p95=900\nfailedPercent=2\nsync.failedPercent=1\n");
    assertThat(slo.limit("single", "async", "p95")).isEqualTo(300.0);
    assertThat(slo.limit("stress", "async", "p95")).isEqualTo(900.0);
    assertThat(slo.limit("single", "async", "failedPercent")).isEqualTo(2.0);
    assertThat(slo.limit("single", "sync", "failedPercent")).isEqualTo(1.0);
    assertThat(slo.limit("single", "virtual", "p95")).isNull();
  }

  @Test
  void bundled_defaults_are_the_reference_thresholds() {
    SloAssertions slo = SloAssertions.load(Parameters.read(new Properties(), Parameters.COMPARED));
    assertThat(slo.limit("single", "async", "p90")).isEqualTo(200.0);
    assertThat(slo.limit("single", "async", "p95")).isEqualTo(300.0);
    assertThat(slo.limit("single", "sync", "p90")).isEqualTo(400.0);
    assertThat(slo.limit("single", "sync", "p95")).isEqualTo(500.0);
    assertThat(slo.limit("single", "virtual", "p95")).isEqualTo(300.0);
    assertThat(slo.limit("gather", "sync", "failedPercent")).isEqualTo(2.0);
  }

  @Test
  void one_assertion_per_limit_and_request() throws IOException {
    SloAssertions slo = parse("async.p90=200\nasync.p95=300\nfailedPercent=2\n");
    // async: p90, p95, failed; sync: failed only
    assertThat(slo.forRequests(List.of("single", "gather"), List.of("sync", "async"))).hasSize(8);
  }

  @Test
  void unknown_metrics_and_bad_limits_name_the_file_and_key() {
    assertThatThrownBy(() -> parse("async.p42=100\nsync.p95=fast\n"))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("test.properties: key 'async.p42' does not end with a known metric")
        .hasMessageContaining("test.properties: sync.p95=fast must be a number > 0");
  }
}
