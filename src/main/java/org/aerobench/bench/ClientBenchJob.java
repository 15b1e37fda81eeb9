package org.aerobench.bench;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.aerobench.client.AerospikeConnection;
import org.aerobench.client.ClientSettings;
import org.aerobench.data.FeatureSet;
import org.aerobench.data.Fixtures;
import org.aerobench.data.RequestFixture;
import org.aerobench.data.Seeder;
import org.aerobench.report.envA.ComboResult;
import org.aerobench.report.envA.EnvAConditions;
import org.aerobench.report.envA.EnvAReport;
import org.aerobench.report.render.MarkdownRenderer;

/**
 * One validated client-bench run: starts (or reaches) the server, seeds it, connects every client
 * up front, measures, closes everything, then writes the report folder.
 */
final class ClientBenchJob {

  /** The clients the others are compared with, as the reference's official variants were. */
  static final List<String> BASELINES = List.of("sync", "sync-callers");

  private static final DateTimeFormatter FOLDER_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final BenchSettings settings;
  private final BenchTarget target;
  private final BenchClientPolicy policy;
  private final Path out;

  ClientBenchJob(BenchSettings settings, BenchTarget target, BenchClientPolicy policy, Path out) {
    this.settings = settings;
    this.target = target;
    this.policy = policy;
    this.out = out;
  }

  BenchSettings settings() {
    return settings;
  }

  BenchTarget target() {
    return target;
  }

  BenchClientPolicy policy() {
    return policy;
  }

  /** The shipped request fixture (its size bounds the batch sizes). */
  static RequestFixture fixture() {
    return Fixtures.load();
  }

  /**
   * Runs and writes the report.
   *
   * @return the report folder
   * @throws BenchFailure when the server cannot be reached or a call fails
   */
  Path run(PrintWriter stdout, PrintWriter stderr) throws InterruptedException, IOException {
    RequestFixture fixture = fixture();
    LocalDateTime startedAt = LocalDateTime.now();
    stderr.printf(
        Locale.ROOT,
        "client-bench: %d clients x %d sets x %d batch sizes = %d combinations;"
            + " %d warm-up + %d measured iterations of %d calls each (%,d batch calls)%n",
        settings.clients().size(),
        settings.sets().size(),
        settings.batchSizes().size(),
        settings.comboCount(),
        settings.warmup(),
        settings.iterations(),
        settings.concurrency(),
        settings.totalCalls());
    Map<String, String> extra = new LinkedHashMap<>();
    String serverDescription;
    long started = System.nanoTime();
    List<ComboResult> results;
    try (BenchServer server =
        target.embedded() ? BenchServer.start(target.namespace(), target.cluster()) : null) {
      ClientSettings clientSettings = clientSettings(server);
      extra.putAll(extraConditions(clientSettings, startedAt));
      serverDescription =
          server != null ? server.describe() : "external " + String.join(", ", target.hosts());
      try (AerospikeConnection connection = AerospikeConnection.open(clientSettings)) {
        awaitConnected(connection, clientSettings);
        if (target.seedData()) {
          seed(connection, fixture, stderr);
        } else {
          stderr.println(
              "reading the data already in namespace "
                  + target.namespace()
                  + "; add --seed-data to write the benchmark records first");
        }
        if (server != null) {
          // Seeded without delay; the injected latency applies to the measured reads only.
          server.setLatency(target.latency(), target.cluster().nodeLatency());
        }
        try (BenchClients clients =
            BenchClients.create(
                settings.clients().stream().map(BenchArguments::kindOf).distinct().toList(),
                connection,
                clientSettings,
                settings.concurrency(),
                waitMillis(clientSettings))) {
          results =
              new ClientBenchRunner(settings, fixture, target.namespace(), clients.byKind(), stderr)
                  .run();
        }
      }
    } catch (AerospikeException e) {
      throw new BenchFailure("Aerospike refused the run: " + e.getMessage(), e);
    }
    extra.put(
        "Duration", String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9));
    EnvAConditions conditions =
        new EnvAConditions(
            settings.clients(),
            settings.sets().stream().map(FeatureSet::setName).toList(),
            settings.batchSizes(),
            settings.concurrency(),
            settings.iterations(),
            settings.warmup(),
            settings.interleave(),
            settings.shuffleKeys(),
            serverDescription,
            target.embedded()
                ? BenchServer.describeLatency(target.latency(), target.cluster().nodeLatency())
                : "n/a (external server)",
            extra);
    Path folder = out.resolve("client-" + FOLDER_TIME.format(startedAt));
    EnvAReport.write(folder, conditions, results, BASELINES);
    printSummary(stdout, results);
    stdout.println("Report: " + folder.resolve("report.md"));
    stdout.println("CSV:    " + folder.resolve("summary.csv"));
    stdout.flush();
    return folder;
  }

  private ClientSettings clientSettings(BenchServer server) {
    ClientSettings defaults = ClientSettings.defaults();
    int concurrency = settings.concurrency();
    ClientSettings.Builder builder =
        policy.applyTo(
            ClientSettings.builder()
                .namespace(target.namespace())
                // Every style's limit is the run's concurrency, as the reference sized its
                // executor to --concurrency: pool threads, virtual permits and async commands in
                // process are equal, and none throttles a run below its concurrency.
                .concurrencyLimit(concurrency)
                .maxConnsPerNode(Math.max(defaults.maxConnsPerNode(), concurrency)));
    if (server != null) {
      return builder.hosts(server.seeds()).build();
    }
    return builder.hosts(target.hosts()).build().fromEnvironmentCredentials();
  }

  private static long waitMillis(ClientSettings settings) {
    // A call gives up by itself after totalTimeoutMs; waiting longer only catches a hang.
    return Math.max(10_000, 5L * settings.totalTimeoutMs());
  }

  private static void awaitConnected(AerospikeConnection connection, ClientSettings settings)
      throws InterruptedException {
    if (!connection.awaitConnected(Duration.ofSeconds(10))) {
      throw new BenchFailure(
          "cannot reach Aerospike at "
              + String.join(",", settings.hosts())
              + " within 10 s; check --hosts and that the server is up",
          null);
    }
  }

  private void seed(AerospikeConnection connection, RequestFixture fixture, PrintWriter stderr) {
    long start = System.nanoTime();
    var report = new Seeder().seed(connection.client(), target.namespace(), fixture);
    stderr.printf(
        Locale.ROOT,
        "seeded %d records into namespace %s in %.1f s%n",
        report.written(),
        target.namespace(),
        (System.nanoTime() - start) / 1e9);
    stderr.flush();
  }

  private Map<String, String> extraConditions(ClientSettings clientSettings, LocalDateTime at) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("Started", at.withNano(0).toString());
    c.put("Seed", String.valueOf(settings.seed()));
    c.put("Namespace", target.namespace());
    c.put(
        "Client",
        "aerospike-client-jdk21 "
            + clientVersion()
            + ", one shared client; "
            + clientSettings.eventLoopKind()
            + " x "
            + clientSettings.eventLoopCount()
            + " event loops; every client timed from the call's issue to its result; sync pool "
            + clientSettings.syncPoolThreads()
            + " threads (the app's sync style); sync-callers "
            + settings.concurrency()
            + " caller threads; async "
            + clientSettings.asyncMaxCommands()
            + " commands in process; virtual "
            + clientSettings.virtualMaxConcurrent()
            + " permits");
    c.put("Client policy", policy.describe());
    c.put(
        "JVM",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    c.put("Cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    return c;
  }

  private static void printSummary(PrintWriter stdout, List<ComboResult> results) {
    stdout.println();
    stdout.println(MarkdownRenderer.table(EnvAReport.results(results)));
    stdout.println(MarkdownRenderer.table(EnvAReport.summary(results)));
    EnvAReport.summaryLines(results, BASELINES).forEach(line -> stdout.println("- " + line));
    stdout.println();
  }

  // The client jar has no Implementation-Version; its Maven metadata has the version.
  private static String clientVersion() {
    String resource = "/META-INF/maven/com.aerospike/aerospike-client-jdk21/pom.properties";
    try (InputStream in = AerospikeClient.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "(version unknown)";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "(version unknown)");
    } catch (IOException e) {
      return "(version unknown)";
    }
  }
}
