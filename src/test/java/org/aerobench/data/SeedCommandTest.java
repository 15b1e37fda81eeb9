package org.aerobench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.aerobench.cli.Main;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SeedCommandTest {

  @Test
  void unreachable_cluster_gives_one_line_naming_the_hosts_and_exit_code_2() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("seed", "--hosts", "127.0.0.1:" + closedPort);

    assertThat(exit).isEqualTo(SeedCommand.EXIT_UNREACHABLE);
    assertThat(err.toString().strip())
        .startsWith("seed: cannot seed Aerospike at 127.0.0.1:" + closedPort)
        .contains("--hosts")
        .doesNotContain("\n")
        .doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void seeds_a_running_server_and_prints_a_line_per_set() {
    try (EmbeddedAerospike server = EmbeddedAerospike.start(EmbeddedConfig.defaults())) {
      StringWriter out = new StringWriter();
      CommandLine cli = Main.commandLine();
      cli.setOut(new PrintWriter(out));

      int exit = cli.execute("seed", "--hosts", "127.0.0.1:" + server.port());

      assertThat(exit).isZero();
      assertThat(out.toString().lines())
          .hasSize(10)
          .anySatisfy(l -> assertThat(l).contains("nccsh_userid", "0 records written"))
          .last()
          .satisfies(l -> assertThat(l).contains("seeded 1213 records in 9 sets"));
      assertThat(server.recordCount("test")).isEqualTo(1213);
    }
  }

  @Test
  void bad_hosts_option_is_refused_without_connecting() {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("seed", "--hosts", "nohostport");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("host 'nohostport' has no port");
  }
}
