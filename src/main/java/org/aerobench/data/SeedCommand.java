package org.aerobench.data;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.policy.ClientPolicy;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.aerobench.client.AerospikeConnection;
import org.aerobench.client.ClientSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aerobench seed}: writes the benchmark data set to an Aerospike cluster and prints what it
 * wrote. Credentials come from the environment only ({@code AEROSPIKE_USER}, {@code
 * AEROSPIKE_PASSWORD}) and are never printed.
 */
@Command(
    name = "seed",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the nine feature sets for the shipped request fixture (idempotent).",
      "Credentials, if the cluster needs them: env AEROSPIKE_USER and AEROSPIKE_PASSWORD."
    })
public final class SeedCommand implements Callable<Integer> {

  /** Exit code when the cluster cannot be reached or refuses a write. */
  public static final int EXIT_UNREACHABLE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--hosts",
      split = ",",
      defaultValue = "127.0.0.1:3000",
      description = "Seed hosts, host:port[,host:port...] (default: ${DEFAULT-VALUE})")
  List<String> hosts;

  @Option(
      names = "--namespace",
      defaultValue = "test",
      description = "Namespace to write (default: ${DEFAULT-VALUE})")
  String namespace;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ClientSettings settings;
    try {
      settings =
          ClientSettings.builder()
              .hosts(hosts)
              .namespace(namespace)
              .build()
              .fromEnvironmentCredentials();
    } catch (IllegalArgumentException e) {
      err.println("seed: " + e.getMessage());
      return spec.exitCodeOnInvalidInput();
    }
    // No event loops: the seeder writes with the sync API. Fail fast if nothing answers.
    ClientPolicy policy = AerospikeConnection.clientPolicy(settings, null);
    policy.failIfNotConnected = true;
    try (AerospikeClient client = new AerospikeClient(policy, settings.aerospikeHosts())) {
      new Seeder(out::println).seed(client, namespace, Fixtures.load());
      out.flush();
      return 0;
    } catch (AerospikeException e) {
      err.println(
          "seed: cannot seed Aerospike at "
              + String.join(",", settings.hosts())
              + " (namespace "
              + namespace
              + "): "
              + oneLine(e)
              + ". Start a server there (e.g. `aerobench embedded-server`) or pass --hosts"
              + " host:port of a running cluster.");
      return EXIT_UNREACHABLE;
    }
  }

  private static String oneLine(AerospikeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").trim();
  }
}
