package org.aerobench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.policy.Replica;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.aerobench.cli.Main;
import org.aerobench.embedded.Latency;
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
        "--nodes|9|--nodes: 9 is outside 1..8 (1 = the one-node server, more = an embedded"
            + " cluster), e.g. --nodes 3",
        "--nodes|0|--nodes: 0 is outside 1..8",
        "--replication-factor|2|--replication-factor: 2 is outside 1..--nodes (1): a partition"
            + " cannot have more copies than there are nodes",
        "--node-latency|2:fixed-ms=1|--node-latency '2:fixed-ms=1': node 2 does not exist; the"
            + " cluster has nodes 1..1; e.g. --node-latency 3:median-ms=20;p99-ms=100",
        "--node-latency|1:fast|--node-latency '1:fast':",
        "--replica|nearest|--replica: replica 'nearest' is not a replica policy; allowed (any"
            + " case): MASTER, MASTER_PROLES, SEQUENCE, PREFER_RACK, RANDOM, e.g. MASTER_PROLES",
        "--batch-max-concurrent-threads|-1|--batch-max-concurrent-threads: -1 is outside 0..1024"
            + " (the batch policy's maxConcurrentThreads)",
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
  void a_replication_factor_above_the_nodes_is_refused_with_an_example() {
    Outcome outcome = execute("--nodes", "3", "--replication-factor", "4");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderr())
        .contains(
            "--replication-factor: 4 is outside 1..--nodes (3): a partition cannot have more"
                + " copies than there are nodes; leave it out for min(2, --nodes), e.g. --nodes 3"
                + " --replication-factor 2");
  }

  @Test
  void latency_for_a_node_the_cluster_does_not_have_is_refused_naming_the_nodes() {
    Outcome outcome = execute("--nodes", "3", "--node-latency", "3:fixed-ms=1,4:fixed-ms=2");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderr())
        .contains(
            "--node-latency '4:fixed-ms=2': node 4 does not exist; the cluster has nodes 1..3");
  }

  @Test
  void cluster_options_are_refused_for_a_real_server_which_starts_no_embedded_cluster() {
    Outcome outcome =
        execute("--hosts", "127.0.0.1:3000", "--nodes", "3", "--replication-factor", "2");

    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.stderr())
        .contains(
            "--nodes 3, --replication-factor 2 given with --hosts 127.0.0.1:3000: the embedded"
                + " cluster is not started when --hosts names a cluster, so these would do"
                + " nothing; drop them or drop --hosts, e.g. --nodes 3");
  }

  @Test
  void cluster_and_client_policy_options_reach_the_job() {
    ClientBenchCommand command = new ClientBenchCommand();
    new CommandLine(command)
        .parseArgs(
            "--nodes=3",
            "--node-latency=3:fixed-ms=2",
            "--node-latency=1:off",
            "--replica=master_proles",
            "--batch-max-concurrent-threads=0");

    ClientBenchJob job = command.validated();

    assertThat(job.target().cluster())
        .isEqualTo(
            new BenchCluster(
                3, 2, java.util.Map.of(3, Latency.fixed(Duration.ofMillis(2)), 1, Latency.NONE)));
    assertThat(job.policy()).isEqualTo(new BenchClientPolicy(Replica.MASTER_PROLES, 0));
    ClientBenchJob defaults = defaultJob();
    assertThat(defaults.target().cluster()).isEqualTo(BenchCluster.ONE_NODE);
    assertThat(defaults.policy()).isEqualTo(new BenchClientPolicy(Replica.SEQUENCE, 1));
  }

  private static ClientBenchJob defaultJob() {
    ClientBenchCommand command = new ClientBenchCommand();
    new CommandLine(command).parseArgs();
    return command.validated();
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
        .contains("--latency-p99-ms", "--hosts", "--seed")
        .contains("--nodes", "--replication-factor", "--node-latency")
        .contains("--replica", "--batch-max-concurrent-threads");
  }
}
