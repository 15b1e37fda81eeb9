package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.aerospike.client.Host;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

  @Test
  void defaults_match_the_documentation() {
    ClientSettings s = ClientSettings.defaults();

    assertThat(s.hosts()).containsExactly("127.0.0.1:3000");
    assertThat(s.namespace()).isEqualTo("test");
    assertThat(s.user()).isNull();
    assertThat(s.syncPoolThreads()).isEqualTo(16);
    assertThat(s.eventLoopKind()).isEqualTo(EventLoopKind.NIO);
    assertThat(s.eventLoopCount()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(s.maxCommandsInQueue()).isEqualTo(4608);
  }

  @Test
  void hosts_are_parsed_including_ipv6() {
    ClientSettings s =
        ClientSettings.builder().hosts(List.of("10.0.0.1:3000", "[::1]:3100")).build();

    assertThat(s.aerospikeHosts())
        .containsExactly(new Host("10.0.0.1", 3000), new Host("::1", 3100));
  }

  @Test
  void bad_hosts_are_refused_with_the_value_and_the_form() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClientSettings.builder().hosts(List.of("localhost")).build())
        .withMessage(
            "host 'localhost' has no port; expected host:port with port 1..65535, e.g."
                + " 127.0.0.1:3000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClientSettings.builder().hosts(List.of("h:99999")).build())
        .withMessageStartingWith("host 'h:99999' is invalid");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClientSettings.builder().hosts(List.of()).build())
        .withMessage("hosts is empty; give at least one host:port");
  }

  @Test
  void numeric_fields_name_the_field_value_and_rule() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClientSettings.builder().syncPoolThreads(0).build())
        .withMessage("syncPoolThreads 0 is invalid; it must be >= 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClientSettings.builder().maxCommandsInProcess(3).build())
        .withMessage("maxCommandsInProcess 3 is invalid; it must be >= 5");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClientSettings.builder().maxCommandsInQueue(0).build())
        .withMessage("maxCommandsInQueue 0 is invalid; it must be >= 1");
  }

  @Test
  void the_concurrency_limit_is_every_styles_limit_unless_a_style_sets_its_own() {
    ClientSettings equal = ClientSettings.builder().concurrencyLimit(40).build();
    ClientSettings virtualOwn =
        ClientSettings.builder().concurrencyLimit(40).virtualMaxConcurrent(200).build();

    assertThat(equal.syncPoolThreads()).isEqualTo(40);
    assertThat(equal.virtualMaxConcurrent()).isEqualTo(40);
    assertThat(equal.asyncMaxCommands()).isEqualTo(40);
    assertThat(equal.maxCommandsInProcess()).isEqualTo(40);
    assertThat(virtualOwn.virtualMaxConcurrent()).isEqualTo(200);
    assertThat(virtualOwn.syncPoolThreads()).isEqualTo(40);
    // The client needs at least 5 per event loop, whatever the style's limit.
    assertThat(ClientSettings.builder().concurrencyLimit(2).build().maxCommandsInProcess())
        .isEqualTo(5);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClientSettings.builder().asyncMaxCommands(0).build())
        .withMessage("asyncMaxCommands 0 is invalid; it must be >= 1");
  }

  @Test
  void user_without_password_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClientSettings.builder().credentials("u", null).build())
        .withMessageContaining("user and password must be given together");
  }

  @Test
  void environment_credentials_need_both_user_and_password_or_neither() {
    assertThat(ClientSettings.credentialsFrom(Map.of())).isEmpty();
    assertThat(
            ClientSettings.credentialsFrom(
                Map.of("AEROSPIKE_USER", "bench", "AEROSPIKE_PASSWORD", "s3cret")))
        .contains(new ClientSettings.Credentials("bench", "s3cret"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClientSettings.credentialsFrom(Map.of("AEROSPIKE_USER", "bench")))
        .withMessageContaining("AEROSPIKE_USER is set but AEROSPIKE_PASSWORD is empty or unset")
        .withMessageContaining("set both AEROSPIKE_USER and AEROSPIKE_PASSWORD");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                ClientSettings.credentialsFrom(
                    Map.of("AEROSPIKE_USER", " ", "AEROSPIKE_PASSWORD", "s3cret")))
        .withMessageContaining("AEROSPIKE_PASSWORD is set but AEROSPIKE_USER is empty or unset")
        .withMessageNotContaining("s3cret");
  }

  @Test
  void to_string_never_shows_the_password() {
    ClientSettings s = ClientSettings.builder().credentials("admin", "s3cret-pw").build();

    assertThat(s.toString()).contains("user=admin").doesNotContain("s3cret-pw");
  }

  @Test
  void async_connections_cover_every_event_loops_commands_in_process() {
    ClientSettings s =
        ClientSettings.builder()
            .maxConnsPerNode(100)
            .eventLoopCount(4)
            .maxCommandsInProcess(64)
            .build();

    assertThat(s.asyncMaxConnsPerNode()).isEqualTo(256);
  }

  @Test
  void event_loop_kind_parses_config_names() {
    assertThat(EventLoopKind.fromConfigName("NETTY_EPOLL")).isEqualTo(EventLoopKind.NETTY_EPOLL);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventLoopKind.fromConfigName("kqueue"))
        .withMessage("event loop kind 'kqueue' is unknown; allowed: nio, netty_epoll");
  }
}
