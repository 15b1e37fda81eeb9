package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aerobench.app.config.AppConfig;
import org.aerobench.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  private record Run(int exitCode, String err) {}

  private static Run serve(String... args) {
    CommandLine cli = Main.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    return new Run(cli.execute(all), err.toString());
  }

  @Test
  void bad_config_value_refuses_to_start_naming_key_value_and_rule(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "inflight.limit=-5\n");

    Run run = serve("--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(ServeCommand.EXIT_BAD_CONFIG);
    assertThat(run.err())
        .contains("refused config")
        .contains("'inflight.limit' = '-5'")
        .contains("must be an integer in 0..100000");
  }

  @Test
  void missing_config_file_refuses_to_start_naming_the_file(@TempDir Path dir) {
    Run run = serve("--config", dir.resolve("nope.properties").toString());

    assertThat(run.exitCode()).isEqualTo(ServeCommand.EXIT_BAD_CONFIG);
    assertThat(run.err()).contains("cannot read config file").contains("nope.properties");
  }

  @Test
  void out_of_range_port_option_refuses_to_start() {
    Run run = serve("--port", "70000");

    assertThat(run.exitCode()).isEqualTo(ServeCommand.EXIT_BAD_CONFIG);
    assertThat(run.err()).contains("--port 70000 is outside 0..65535");
  }

  @Test
  void p99_latency_without_a_median_refuses_to_start() {
    Run run = serve("--latency-p99-ms", "20");

    assertThat(run.exitCode()).isEqualTo(ServeCommand.EXIT_BAD_CONFIG);
    assertThat(run.err()).contains("--latency-p99-ms").contains("needs both a median and a p99");
  }

  @Test
  void cluster_keys_with_external_hosts_refuse_to_start_without_a_stack_trace(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("app.properties");
    Files.writeString(
        file, "aerospike.hosts=127.0.0.1:3000\nembedded.nodes=3\nembedded.replication.factor=2\n");

    Run run = serve("--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(ServeCommand.EXIT_BAD_CONFIG);
    assertThat(run.err())
        .contains("refused config")
        .contains("embedded.nodes=3, embedded.replication.factor=2 given with aerospike.hosts=")
        .contains("the embedded cluster is not started")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void latency_options_keep_the_configured_cluster(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "embedded.nodes=3\nembedded.node.latency=2:fixed-ms=1\n");
    ServeCommand command = new ServeCommand();
    CommandLine cli = new CommandLine(command);
    cli.parseArgs("--config", file.toString(), "--latency-fixed-ms", "0.5");

    AppConfig.Embedded embedded =
        command.resolveConfig(new PrintWriter(new StringWriter())).embedded();

    assertThat(embedded.nodes()).isEqualTo(3);
    assertThat(embedded.nodeLatency()).isEqualTo("2:fixed-ms=1");
    assertThat(embedded.latencyFixedMs()).isEqualTo(0.5);
  }
}
