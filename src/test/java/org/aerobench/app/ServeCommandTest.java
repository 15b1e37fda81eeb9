package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
