package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.aerobench.embedded.EmbeddedAerospike;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Credentials set against a server without security are reported, without their values. */
class UnusedCredentialsTest {

  private static EmbeddedAerospike server;

  @BeforeAll
  static void start() {
    server = EmbeddedAerospike.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static ClientSettings settings(String user, String password) {
    ClientSettings.Builder b =
        ClientSettings.builder().hosts(List.of(server.host() + ":" + server.port()));
    return (user == null ? b : b.credentials(user, password)).build();
  }

  @Test
  void credentials_on_a_server_without_security_give_one_warning_naming_the_variables_only()
      throws InterruptedException {
    ClientSettings settings = settings("alice", "s3cret-pw");
    try (AerospikeConnection connection = AerospikeConnection.open(settings)) {
      assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();

      var warning = UnusedCredentials.check(connection.client(), settings);

      assertThat(warning).isPresent();
      assertThat(warning.get())
          .contains("AEROSPIKE_USER/AEROSPIKE_PASSWORD were NOT used")
          .contains("no security enabled")
          .doesNotContain("s3cret-pw")
          .doesNotContain("alice");
    }
  }

  @Test
  void no_credentials_no_warning() throws InterruptedException {
    ClientSettings settings = settings(null, null);
    try (AerospikeConnection connection = AerospikeConnection.open(settings)) {
      assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();

      assertThat(UnusedCredentials.check(connection.client(), settings)).isEmpty();
    }
  }
}
