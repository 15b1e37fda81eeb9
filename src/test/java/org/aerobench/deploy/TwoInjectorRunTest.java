package org.aerobench.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.aerobench.cli.Main;
import org.aerobench.report.compare.RunData;
import org.aerobench.report.gatling.RequestStats;
import org.aerobench.report.run.ClientTimes;
import org.aerobench.report.run.RunFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * The images' entry points, run as the containers would run them ({@link ImageLayout}: the pom's
 * command, the image's classpath layout, a working directory of its own instead of the project),
 * and a real multi-injector run on one machine: one app, two Gatling JVMs started together against
 * it on loopback (a few seconds each), then {@code compare --merge} and the gate on the merge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInjectorRunTest {

  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path ROOT = PROJECT.resolve("target/image-layout");
  private static final Duration WAIT = Duration.ofSeconds(120);

  private Process app;
  private int readyStatus;
  private final List<Path> runs = new ArrayList<>();
  private final List<Integer> injectorExits = new ArrayList<>();
  private Path merged;
  private int mergeExit;
  private String mergeOutput;

  @BeforeAll
  void run_one_app_and_two_injectors_then_merge() throws Exception {
    deleteTree(ROOT);
    ImageLayout layout = ImageLayout.create(PROJECT, ROOT);
    Path pom = PROJECT.resolve("pom.xml");
    int port = freePort();

    ImageLayout.Container appImage = layout.container(pom, "app-image");
    ProcessBuilder appProcess =
        new ProcessBuilder(appImage.command())
            .directory(ROOT.resolve(appImage.workingDir().substring(1)).toFile())
            .redirectErrorStream(true)
            .redirectOutput(ROOT.resolve("app.log").toFile());
    appProcess.environment().putAll(appImage.environment());
    appProcess.environment().put("AEROBENCH_HTTP_PORT", String.valueOf(port));
    app = appProcess.start();

    // Both injectors get one start instant, far enough ahead for two JVMs to boot on 2 cores.
    long startAt = System.currentTimeMillis() + 30_000;
    ImageLayout.Container injector = layout.container(pom, "injector-image");
    List<Process> injectors = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path work = Files.createDirectories(ROOT.resolve("work-" + i));
      ProcessBuilder pb =
          new ProcessBuilder(injector.command())
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ROOT.resolve("injector-" + i + ".log").toFile());
      pb.environment()
          .put(
              "JAVA_TOOL_OPTIONS",
              "-Xmx512m -DbaseUrl=http://127.0.0.1:"
                  + port
                  + " -DstartAt="
                  + startAt
                  + " -Dwarmup=1s -Dduration=3s -Dusers=2 -DpauseMs=50");
      injectors.add(pb.start());
    }
    readyStatus = awaitReady("http://127.0.0.1:" + port + "/ready");
    for (Process p : injectors) {
      injectorExits.add(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) ? p.exitValue() : -1);
    }
    for (int i = 0; i < 2; i++) {
      runs.add(onlyRun(ROOT.resolve("work-" + i + "/target/gatling")));
    }
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    List<String> args = new ArrayList<>(List.of("compare", "--merge"));
    runs.forEach(r -> args.add(r.toString()));
    args.addAll(List.of("--out", ROOT.resolve("merged").toString(), "--resamples", "200"));
    mergeExit = cli.execute(args.toArray(String[]::new));
    mergeOutput = out.toString();
    merged = onlyRun(ROOT.resolve("merged"));
  }

  @AfterAll
  void stop_the_app() throws InterruptedException {
    if (app != null) {
      app.destroy();
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
  }

  @Test
  void the_app_image_entry_point_answers_ready() {
    assertThat(readyStatus).as("GET /ready, log in " + ROOT.resolve("app.log")).isEqualTo(200);
  }

  @Test
  void each_injector_entry_point_leaves_a_run_folder() {
    assertThat(injectorExits).as("logs in " + ROOT + "/injector-*.log").containsExactly(0, 0);
    for (Path run : runs) {
      RunFolder files = new RunFolder(run);
      assertThat(files.gatlingIndex()).isRegularFile();
      assertThat(files.clientTimes()).isRegularFile();
      assertThat(files.conditions()).isRegularFile();
      assertThat(files.parameters()).content().contains("baseUrlUsed=http://127.0.0.1:");
    }
  }

  @Test
  void merged_counts_are_the_sums_of_the_injectors() {
    assertThat(mergeExit).as(mergeOutput).isZero();
    RunData merge = RunData.load(merged);
    List<RunData> parts = runs.stream().map(RunData::load).toList();
    assertThat(merge.gatling().requests()).isNotEmpty();
    for (RequestStats row : merge.gatling().requests()) {
      long ok = 0;
      long ko = 0;
      for (RunData part : parts) {
        RequestStats r = part.gatling().request(row.name()).orElseThrow();
        ok += r.ok();
        ko += r.ko();
      }
      assertThat(row.ok()).as(row.name()).isEqualTo(ok);
      assertThat(row.ko()).as(row.name()).isEqualTo(ko);
      assertThat(row.total()).as(row.name()).isEqualTo(ok + ko);
    }
    assertThat(merge.gatling().all().total())
        .isEqualTo(parts.stream().mapToLong(p -> p.gatling().all().total()).sum());
  }

  @Test
  void merged_percentiles_are_those_of_the_union_of_recorded_values() throws IOException {
    assertThat(mergeExit).as(mergeOutput).isZero();
    ClientTimes mergedLog = ClientTimes.read(new RunFolder(merged).clientTimes());
    List<ClientTimes> logs = new ArrayList<>();
    for (Path run : runs) {
      logs.add(ClientTimes.read(new RunFolder(run).clientTimes()));
    }
    RunData merge = RunData.load(merged);
    for (String name : mergedLog.bySecond().keySet()) {
      List<Long> union = new ArrayList<>();
      for (ClientTimes log : logs) {
        for (Histogram second :
            log.bySecond().getOrDefault(name, new java.util.TreeMap<>()).values()) {
          for (HistogramIterationValue v : second.recordedValues()) {
            for (long i = 0; i < v.getCountAtValueIteratedTo(); i++) {
              union.add(v.getValueIteratedTo());
            }
          }
        }
      }
      union.sort(Comparator.naturalOrder());
      Histogram total = mergedLog.total(name);
      assertThat(total.getTotalCount()).as(name).isEqualTo(union.size());
      for (double p : new double[] {50, 90, 95, 99, 100}) {
        long nearestRank = union.get((int) Math.max(0, Math.ceil(p / 100 * union.size()) - 1));
        assertThat(total.getValueAtPercentile(p)).as(name + " p" + p).isEqualTo(nearestRank);
        if (p < 100) {
          assertThat(merge.gatling().request(name).orElseThrow().percentile(p))
              .as(name + " p" + p + " in whole ms")
              .isEqualTo(Math.round(nearestRank / 1000.0));
        }
      }
    }
  }

  @Test
  void merged_comparison_names_its_injectors_and_passes_the_gate() throws IOException {
    assertThat(mergeExit).as(mergeOutput).isZero();
    assertThat(merged.resolve("comparison.json")).content().contains("\"injectors\" : \"2 (");
    assertThat(merged.resolve("comparison.html")).isRegularFile();
    // conf/gate.properties with its relative rules widened as in .ci/run: a few hundred
    // requests per client cannot support a 10% claim on a shared 2-core machine.
    Path config = ROOT.resolve("gate.properties");
    Files.writeString(
        config,
        Files.readString(PROJECT.resolve("conf/gate.properties"))
            .replaceAll("(?m)^(relative\\..*\\.max\\.ratio\\.vs\\..*)=.*$", "$1=1.5"));
    StringWriter out = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    int exit = cli.execute("gate", merged.toString(), "--config", config.toString());
    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("PASS " + merged.getFileName());
  }

  private static int awaitReady(String url) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + WAIT.toNanos();
    int status = -1;
    while (System.nanoTime() < deadline) {
      try {
        status =
            http.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        if (status == 200) {
          return status;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    return status;
  }

  private static Path onlyRun(Path results) throws IOException {
    if (!Files.isDirectory(results)) {
      return results.resolve("missing");
    }
    try (Stream<Path> list = Files.list(results)) {
      return list.filter(Files::isDirectory).findFirst().orElse(results.resolve("missing"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
