package org.aerobench.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aerobench.client.ClientSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code aerobench client-bench}: environment A of the reference (§2), the pure client loop. Every
 * option is checked before any server starts; a bad value exits with code 2 and a message naming
 * the option and the allowed values.
 */
@Command(
    name = "client-bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Environment A: batch reads straight from each client style, per set and batch size,"
          + " with the reference's loop and statistics.",
      "Writes <out>/client-<timestamp>/report.md and summary.csv and prints the summary.",
      "Starts and seeds an embedded server (or with --nodes an embedded cluster) unless --hosts"
          + " is given."
    })
public final class ClientBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--clients",
      split = ",",
      paramLabel = "<name>",
      description = "Client styles: sync, sync-callers, async, virtual (default: all four).",
      defaultValue = "sync,sync-callers,async,virtual")
  List<String> clients;

  @Option(
      names = "--sets",
      split = ",",
      paramLabel = "<set>",
      description = "Set names or 1-based indexes 1..9 (default: all 9).",
      defaultValue = "1,2,3,4,5,6,7,8,9")
  List<String> sets;

  @Option(
      names = "--batch-sizes",
      split = ",",
      paramLabel = "<n>",
      description = "Keys per batch call, 1..200 (default: ${DEFAULT-VALUE}).",
      defaultValue = "50,200")
  List<Integer> batchSizes;

  @Option(
      names = "--concurrency",
      description =
          "Identical batch calls fired together per iteration (default: ${DEFAULT-VALUE}).",
      defaultValue = "10")
  int concurrency;

  @Option(
      names = "--iterations",
      description = "Measured iterations per combination (default: ${DEFAULT-VALUE}).",
      defaultValue = "30")
  int iterations;

  @Option(
      names = "--warmup",
      description = "Warm-up iterations per combination, 0 or more (default: ${DEFAULT-VALUE}).",
      defaultValue = "5")
  int warmup;

  @Option(
      names = "--interleave",
      negatable = true,
      description = "Shuffle the client order per (set, batch size) (default: on).",
      defaultValue = "true",
      fallbackValue = "true")
  boolean interleave;

  @Option(
      names = "--shuffle-keys",
      negatable = true,
      description = "Shuffle the key list once per measured iteration (default: on).",
      defaultValue = "true",
      fallbackValue = "true")
  boolean shuffleKeys;

  @Option(
      names = "--seed",
      description = "Seed of the client-order and key shuffles (default: ${DEFAULT-VALUE}).",
      defaultValue = "42")
  long seed;

  @Option(
      names = "--hosts",
      split = ",",
      paramLabel = "<host:port>",
      description =
          "Aerospike seeds; credentials from env AEROSPIKE_USER/AEROSPIKE_PASSWORD"
              + " (default: start an embedded server on 127.0.0.1 and seed it).")
  List<String> hosts;

  @Option(
      names = "--seed-data",
      description =
          "With --hosts: write the benchmark records first (the embedded server always is).")
  boolean seedData;

  @Option(
      names = "--namespace",
      description = "Namespace (default: ${DEFAULT-VALUE}).",
      defaultValue = "test")
  String namespace;

  @Option(
      names = "--latency-fixed-ms",
      description = "Embedded server only: add this fixed latency to every command.")
  Double latencyFixedMs;

  @Option(
      names = "--latency-median-ms",
      description =
          "Embedded server only: log-normal latency with this median (needs --latency-p99-ms).")
  Double latencyMedianMs;

  @Option(
      names = "--latency-p99-ms",
      description =
          "Embedded server only: log-normal latency with this p99 (needs --latency-median-ms).")
  Double latencyP99Ms;

  @Option(
      names = "--nodes",
      description =
          "Embedded server only: nodes of an embedded cluster, 1..8, every node a seed"
              + " (default: 1, the one-node server).")
  Integer nodes;

  @Option(
      names = "--replication-factor",
      description =
          "Embedded cluster only: copies of each partition, 1..--nodes (default: min(2,"
              + " --nodes)).")
  Integer replicationFactor;

  @Option(
      names = "--node-latency",
      split = ",",
      paramLabel = "<node>:<latency>",
      description =
          "Embedded server only: one node's latency, overriding --latency-* for it, e.g."
              + " 3:median-ms=20;p99-ms=100 (also <node>:fixed-ms=<ms>, <node>:off); repeat or"
              + " comma-separate for several nodes.")
  List<String> nodeLatency;

  @Option(
      names = "--replica",
      description =
          "Replica policy of the batch reads, any case: MASTER, MASTER_PROLES, SEQUENCE,"
              + " PREFER_RACK, RANDOM; with several nodes, which copy each key is read from"
              + " (default: ${DEFAULT-VALUE}, the client's).",
      defaultValue = "SEQUENCE")
  String replica;

  @Option(
      names = "--batch-max-concurrent-threads",
      description =
          "The batch policy's maxConcurrentThreads: with several nodes 1 = one node after"
              + " another, 0 = every node at once (blocking calls; async always asks every node"
              + " at once) (default: ${DEFAULT-VALUE}, the client's).",
      defaultValue = "1")
  int batchMaxConcurrentThreads;

  @Option(
      names = "--out",
      description = "Folder for the report folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "reports")
  Path out;

  @Override
  public Integer call() throws Exception {
    ClientBenchJob job;
    try {
      job = validated();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try {
      job.run(stdout, stderr);
      return 0;
    } catch (BenchFailure e) {
      stderr.println("client-bench failed: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      stderr.println(
          "client-bench could not write the report under " + out + ": " + e.getMessage());
      return 1;
    }
  }

  /** Checks every option and builds the job; nothing is started yet. */
  ClientBenchJob validated() {
    int fixtureSize = ClientBenchJob.fixture().size();
    BenchSettings settings =
        new BenchSettings(
            BenchArguments.parseClients(clients),
            BenchArguments.parseSets(sets),
            BenchArguments.checkBatchSizes(batchSizes, fixtureSize),
            BenchArguments.checkPositive("--concurrency", concurrency),
            BenchArguments.checkPositive("--iterations", iterations),
            BenchArguments.checkNotNegative("--warmup", warmup),
            interleave,
            shuffleKeys,
            seed);
    BenchTarget target =
        BenchTarget.from(
            hosts,
            seedData,
            namespace,
            latencyFixedMs,
            latencyMedianMs,
            latencyP99Ms,
            BenchCluster.from(nodes, replicationFactor, nodeLatency, hosts));
    BenchClientPolicy policy = BenchClientPolicy.from(replica, batchMaxConcurrentThreads);
    // Half-set credentials are refused here, before any work, like every other bad option.
    ClientSettings.credentialsFrom(System.getenv());
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(
          "--out: " + out + " is a file; give a folder (it is created when missing)");
    }
    return new ClientBenchJob(settings, target, policy, out);
  }
}
