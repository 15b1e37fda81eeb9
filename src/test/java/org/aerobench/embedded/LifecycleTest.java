package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  @Test
  void close_drops_open_connections_and_is_idempotent() throws Exception {
    EmbeddedAerospike server = EmbeddedAerospike.start();
    try (RawWire raw = new RawWire(server)) {
      assertThat(raw.info("node")).contains(server.nodeId());

      server.close();
      server.close();

      assertThat(raw.closedByServer()).isTrue();
    }
    assertThatExceptionOfType(ConnectException.class)
        .isThrownBy(() -> new Socket(server.host(), server.port()).close());
  }

  @Test
  void port_zero_picks_a_free_port_and_host_is_loopback() {
    try (EmbeddedAerospike server = EmbeddedAerospike.start()) {
      assertThat(server.port()).isPositive();
      assertThat(server.host()).isEqualTo("127.0.0.1");
      assertThat(server.nodeId()).matches("[0-9A-F]{16}");
    }
  }

  @Test
  void a_port_in_use_fails_with_a_message_naming_it() {
    try (EmbeddedAerospike first = EmbeddedAerospike.start()) {
      EmbeddedConfig same = EmbeddedConfig.defaults().withPort(first.port());

      assertThatExceptionOfType(UncheckedIOException.class)
          .isThrownBy(() -> EmbeddedAerospike.start(same))
          .withMessageContaining("cannot listen on 127.0.0.1:" + first.port());
    }
  }

  @Test
  void config_refuses_bad_values_and_names_them() {
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> EmbeddedConfig.defaults().withNamespaces(List.of("a:b")))
        .withMessageContaining("namespace 'a:b' is invalid");
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> EmbeddedConfig.defaults().withIoThreads(0))
        .withMessageContaining("ioThreads 0 is outside 1..64");
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> EmbeddedConfig.defaults().withPort(-1))
        .withMessageContaining("port -1 is outside 0..65535");
  }

  @Test
  void record_count_of_an_unknown_namespace_names_the_configured_ones() {
    try (EmbeddedAerospike server = EmbeddedAerospike.start()) {
      assertThatExceptionOfType(IllegalArgumentException.class)
          .isThrownBy(() -> server.recordCount("nope"))
          .withMessage("namespace 'nope' is not configured; configured: [test]");
    }
  }
}
