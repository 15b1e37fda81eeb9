package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Info;
import com.aerospike.client.cluster.Node;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatencyControlTest {

  private EmbeddedAerospike server;
  private AerospikeClient client;
  private Node node;

  @BeforeEach
  void start() {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    client = new AerospikeClient(server.host(), server.port());
    node = client.getNodes()[0];
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private String info(String command) {
    return Info.request(null, node, command);
  }

  @Test
  void the_latency_command_reads_and_sets_the_injected_latency_over_the_info_protocol() {
    assertThat(info("aerobench-latency")).isEqualTo("off");

    assertThat(info("aerobench-latency:fixed-ms=2")).isEqualTo(server.latency().describe());
    assertThat(server.latency()).isEqualTo(Latency.fixed(Duration.ofMillis(2)));

    info("aerobench-latency:median-ms=20;p99-ms=100");
    assertThat(server.latency())
        .isEqualTo(Latency.logNormal(Duration.ofMillis(20), Duration.ofMillis(100)));

    info("aerobench-latency:off");
    assertThat(server.latency()).isEqualTo(Latency.NONE);
  }

  @Test
  void a_bad_latency_setting_answers_an_error_naming_the_rule_and_changes_nothing() {
    info("aerobench-latency:fixed-ms=2");

    assertThat(info("aerobench-latency:median-ms=20"))
        .startsWith("ERROR:4:")
        .contains("both a median and a p99")
        .contains("median-ms=<ms>;p99-ms=<ms>");
    assertThat(info("aerobench-latency:fixed-ms=abc")).contains("fixed-ms is not a number");
    assertThat(info("aerobench-latency:slow=1")).contains("unknown latency setting 'slow=1'");
    assertThat(server.latency()).isEqualTo(Latency.fixed(Duration.ofMillis(2)));
  }
}
