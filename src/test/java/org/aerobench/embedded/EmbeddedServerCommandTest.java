package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmbeddedServerCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine commandLine(EmbeddedServerCommand command) {
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl;
  }

  @Test
  void options_build_the_config() {
    EmbeddedServerCommand command = new EmbeddedServerCommand();
    commandLine(command)
        .parseArgs(
            "--port",
            "0",
            "--namespace",
            "a",
            "--namespace",
            "b",
            "--latency-median-ms",
            "2",
            "--latency-p99-ms",
            "9.5");

    EmbeddedConfig config = command.config();

    assertThat(config.port()).isZero();
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.namespaces()).containsExactly("a", "b");
    assertThat(config.latency())
        .isEqualTo(Latency.logNormal(Duration.ofMillis(2), Duration.ofNanos(9_500_000)));
  }

  @Test
  void defaults_are_port_3000_namespace_test_and_no_latency() {
    EmbeddedServerCommand command = new EmbeddedServerCommand();
    commandLine(command).parseArgs();

    EmbeddedConfig config = command.config();

    assertThat(config.port()).isEqualTo(3000);
    assertThat(config.namespaces()).containsExactly("test");
    assertThat(config.latency()).isEqualTo(Latency.NONE);
  }

  @Test
  void namespace_and_connection_options_reach_the_config() {
    EmbeddedServerCommand command = new EmbeddedServerCommand();
    commandLine(command)
        .parseArgs(
            "--nsup-period",
            "0",
            "--max-record-size",
            "2048",
            "--max-connections",
            "10",
            "--idle-timeout-ms",
            "60000");

    EmbeddedConfig config = command.config();

    assertThat(config.namespacePolicy())
        .isEqualTo(NamespacePolicy.ceDefaults().withMaxRecordBytes(2048));
    assertThat(config.limits().maxConnections()).isEqualTo(10);
    assertThat(config.limits().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void a_negative_nsup_period_is_a_usage_error_naming_the_rule() {
    int code = commandLine(new EmbeddedServerCommand()).execute("--nsup-period", "-1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("nsup-period -1 is outside 0..86400")
        .doesNotContain("\tat ");
  }

  @Test
  void non_numeric_port_is_a_usage_error_without_stack_trace() {
    int code = commandLine(new EmbeddedServerCommand()).execute("--port", "abc");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--port").contains("abc").doesNotContain("Exception");
  }

  @Test
  void median_without_p99_is_a_usage_error_naming_both_options() {
    int code = commandLine(new EmbeddedServerCommand()).execute("--latency-median-ms", "5");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--latency-median-ms/--latency-p99-ms")
        .contains("needs both a median and a p99")
        .doesNotContain("\tat ");
  }

  @Test
  void out_of_range_port_is_a_usage_error() {
    int code = commandLine(new EmbeddedServerCommand()).execute("--port", "70000");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("port 70000 is outside 0..65535");
  }

  @Test
  void serves_clients_until_interrupted() throws Exception {
    AtomicInteger exit = new AtomicInteger(-1);
    Thread runner =
        new Thread(
            () ->
                exit.set(
                    commandLine(new EmbeddedServerCommand())
                        .execute("--port", "0", "--namespace", "x")));
    runner.start();
    int port = waitForPort();

    try (AerospikeClient client = new AerospikeClient("127.0.0.1", port)) {
      client.put(null, new Key("x", "s", 1), new Bin("a", 1));
      assertThat(client.get(null, new Key("x", "s", 1)).getInt("a")).isEqualTo(1);
    }
    runner.interrupt();
    runner.join(5_000);

    assertThat(exit.get()).isZero();
    assertThat(out.toString()).contains("namespaces " + List.of("x"));
  }

  private int waitForPort() throws InterruptedException {
    Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      Matcher m = listening.matcher(out.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("server did not report its port within 5 s; output: " + out + err);
  }
}
