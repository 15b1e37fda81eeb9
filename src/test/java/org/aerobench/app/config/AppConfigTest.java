package org.aerobench.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

  @Test
  void with_hosts_points_the_client_elsewhere_keeps_every_other_knob_and_asks_for_no_embedded() {
    AppConfig embedded =
        ConfigLoader.defaults(
            Map.of(
                "AEROBENCH_AEROSPIKE_TOTAL_TIMEOUT_MS", "5000",
                "AEROSPIKE_USER", "bench",
                "AEROSPIKE_PASSWORD", "s3cret"));

    AppConfig moved = embedded.withHosts(List.of("127.0.0.1:4321"));

    assertThat(moved.aerospike().hosts()).containsExactly("127.0.0.1:4321");
    assertThat(moved.aerospike().toBuilder().hosts(embedded.aerospike().hosts()).build())
        .isEqualTo(embedded.aerospike());
    assertThat(moved.aerospike().totalTimeoutMs()).isEqualTo(5000);
    assertThat(moved.aerospike().password()).isEqualTo("s3cret");
    assertThat(embedded.embedded().enabled()).isTrue();
    assertThat(moved.embedded().enabled()).isFalse();
    assertThat(moved.embedded().port()).isEqualTo(embedded.embedded().port());
    assertThat(moved.http()).isEqualTo(embedded.http());
  }
}
