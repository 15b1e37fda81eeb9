package org.aerobench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aerobench.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ClientBenchCommandTest {

  @TempDir Path out;

  private record Outcome(int exitCode, String stdout, String stderr) {}

  private Outcome execute(String... args) {
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    String[] all = new String[args.length + 3];
    all[0] = "client-bench";
    all[1] = "--out";
    all[2] = out.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    int code = cli.execute(all);
    return new Outcome(code, stdout.toString(), stderr.toString());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--clients|sync,official|--clients: 'official' is not a client;"
            + " allowed: sync, sync-callers, async, virtual",
        "--sets|1,nccsh_nope|--sets: 'nccsh_nope' is not a set;"
            + " allowed: a name or its 1-based index: 1=nccsh_adid",
        "--sets|0|--sets: '0' is not a set",
        "--batch-sizes|50,201|--batch-sizes: 201 is outside 1..200"
            + " (the fixture has 200 keys per set)",
        "--batch-sizes|0|--batch-sizes: 0 is outside 1..200",
        "--concurrency|0|--concurrency: 0 is not allowed; it must be a positive whole number",
        "--iterations|-3|--iterations: -3 is not allowed; it must be a positive whole number",
        "--warmup|-1|--warmup: -1 is not allowed; it must be 0 or more",
        "--hosts|localhost|--hosts: host 'localhost' has no port",
        "--latency-median-ms|2|--latency-median-ms/--latency-p99-ms: latency: a log-normal delay"
            + " needs both a median and a p99",
        "--latency-fixed-ms|-1|--latency-fixed-ms/--latency-median-ms/--latency-p99-ms: latency:"
            + " fixed -1 ms is not allowed; give milliseconds >= 0",
        "--namespace|' '|--namespace: give a namespace name",
        "--namespace|a;b|--namespace: namespace 'a;b' is invalid",
        "--concurrency|ten|Invalid value for option '--concurrency': 'ten' is not an int",
      })
  void bad_input_is_refused_with_exit_code_2_and_a_message_naming_the_option(
      String option, String value, String message) throws IOException {
    Outcome outcome = execute(option, value);

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderr()).contains(message);
    assertThat(outcome.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
    try (var files = Files.list(out)) {
      assertThat(files).as("nothing was started or written").isEmpty();
    }
  }

  @Test
  void latency_injection_is_refused_for_a_real_server() {
    Outcome outcome = execute("--hosts", "127.0.0.1:3000", "--latency-fixed-ms", "2");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderr())
        .contains(
            "--latency-* options only apply to the embedded server; drop them or drop --hosts");
  }

  @Test
  void a_fixed_and_a_log_normal_latency_are_refused_together() {
    Outcome outcome =
        execute("--latency-fixed-ms", "1", "--latency-median-ms", "1", "--latency-p99-ms", "2");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderr())
        .contains("latency: a fixed delay cannot be combined with a log-normal median/p99");
  }

  @Test
  void a_log_normal_p99_below_its_median_is_refused() {
    Outcome outcome = execute("--latency-median-ms", "5", "--latency-p99-ms", "1");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderr())
        .contains("--latency-p99-ms: latency: p99 1 ms is below the median 5 ms");
  }

  @Test
  void help_lists_every_option_with_its_default() {
    Outcome outcome = execute("--help");

    assertThat(outcome.exitCode()).isZero();
    assertThat(outcome.stdout())
        .contains("--clients", "sync, sync-callers, async, virtual", "default: all four")
        .contains("--batch-sizes", "50,200")
        .contains("--[no-]interleave", "--[no-]shuffle-keys")
        .contains("--latency-p99-ms", "--hosts", "--seed");
  }
}
