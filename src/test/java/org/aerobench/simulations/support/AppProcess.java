package org.aerobench.simulations.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The target app in a JVM of its own, started by a simulation when no {@code -DbaseUrl} is given. A
 * separate JVM keeps the app off Gatling's heap and CPU accounting and fails loudly when a runtime
 * dependency is missing (Gatling's test classpath would hide it).
 *
 * <p>The command is {@code java <appJvmArgs> --enable-native-access=ALL-UNNAMED -cp <runtime
 * classpath> org.aerobench.cli.Main serve --port <port> [latency flags]}, run from the project
 * folder with the JDK that runs Gatling. {@code serve} starts the embedded Aerospike, seeds it and
 * serves HTTP. The runtime classpath is {@code target/classes} plus the file the build writes at
 * {@code process-classes} ({@link #CLASSPATH_FILE}, maven-dependency-plugin, runtime scope).
 *
 * <p>Stopped by {@link #close()} and, in case the run dies first, by a JVM shutdown hook.
 */
public final class AppProcess implements AutoCloseable {

  /** Written by the build (pom.xml, execution {@code app-runtime-classpath}). */
  public static final String CLASSPATH_FILE = "target/aerobench-runtime.classpath";

  private static final int LOG_TAIL_LINES = 40;
  private static final Duration POLL_EVERY = Duration.ofMillis(200);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final List<String> command;
  private final Path workDir;
  private final int port;
  private final Duration readyTimeout;
  private final Path log;
  private final int embeddedPort; // 0 = not chosen here
  private final Thread shutdownHook = new Thread(this::stopQuietly, "aerobench-app-stopper");
  private Process process;

  /**
   * A target app that will run {@code command} and answer on {@code http://127.0.0.1:<port>}.
   * Nothing starts until {@link #start()}.
   */
  public AppProcess(List<String> command, Path workDir, int port, Duration readyTimeout, Path log) {
    this(command, workDir, port, readyTimeout, log, 0);
  }

  private AppProcess(
      List<String> command,
      Path workDir,
      int port,
      Duration readyTimeout,
      Path log,
      int embeddedPort) {
    this.command = List.copyOf(command);
    this.workDir = workDir;
    this.port = port;
    this.readyTimeout = readyTimeout;
    this.log = log;
    this.embeddedPort = embeddedPort;
  }

  /**
   * The loopback port of the embedded Aerospike the app starts (set through {@code
   * AEROBENCH_EMBEDDED_PORT}), so the run can reach its latency control; 0 when not chosen here.
   */
  public int embeddedPort() {
    return embeddedPort;
  }

  /** The {@code serve} command for these parameters, on a free loopback port. */
  public static AppProcess serve(Parameters params, Path projectDir, Path log) {
    int port = freeLoopbackPort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(params.appJvmArgs());
    command.add("--enable-native-access=ALL-UNNAMED");
    // The DLRM engine's fast kernels use the Vector API (incubating); as bin/aerobench does.
    command.add("--add-modules=jdk.incubator.vector");
    command.add("-cp");
    command.add(runtimeClasspath(projectDir));
    command.add("org.aerobench.cli.Main");
    command.add("serve");
    command.add("--port=" + port);
    if (params.appConfig() != null) {
      command.add("--config=" + params.appConfig());
    }
    command.addAll(params.latency().serveFlags());
    return new AppProcess(command, projectDir, port, params.readyTimeout(), log, freeLoopbackPort());
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public List<String> command() {
    return command;
  }

  public Path log() {
    return log;
  }

  /**
   * Starts the app and waits until {@code GET /ready} answers 200.
   *
   * @throws AppProcessException when the app exits or is not ready in time; the app is stopped and
   *     the message carries the tail of its log
   */
  public void start() {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      process =
          processBuilder()
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new AppProcessException(
          "could not start the target app (" + command.get(0) + "): " + e);
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      awaitReady();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private ProcessBuilder processBuilder() {
    ProcessBuilder builder = new ProcessBuilder(command);
    if (embeddedPort > 0) {
      builder.environment().put("AEROBENCH_EMBEDDED_PORT", Integer.toString(embeddedPort));
    }
    return builder;
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + readyTimeout.toNanos();
    String lastAnswer = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AppProcessException(
            "the target app exited with code "
                + process.exitValue()
                + " before /ready answered 200."
                + logTailMessage());
      }
      try {
        HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
        lastAnswer = "HTTP " + response.statusCode() + " " + response.body();
      } catch (IOException e) {
        lastAnswer = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AppProcessException("interrupted while waiting for the target app");
      }
      sleep(POLL_EVERY);
    }
    throw new AppProcessException(
        "the target app was not ready after "
            + readyTimeout.toSeconds()
            + " s (last answer of "
            + baseUrl()
            + "/ready: "
            + lastAnswer
            + "); raise -DreadyTimeout if it is only slow."
            + logTailMessage());
  }

  /** CPU time the app's JVM has used so far, when the OS tells. */
  public Optional<Duration> cpuTime() {
    return process == null ? Optional.empty() : process.toHandle().info().totalCpuDuration();
  }

  /** Stops the app: SIGTERM, then SIGKILL after {@link #STOP_GRACE}. Idempotent. */
  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // already shutting down, or never registered: the hook has nothing left to do
    }
  }

  private void stopQuietly() {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** True while the app's process runs. */
  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  private String logTailMessage() {
    return "\n  command: "
        + String.join(" ", command).replaceAll("-cp \\S+", "-cp <runtime classpath>")
        + "\n  log: "
        + log.toAbsolutePath()
        + "\n  last lines of the log:\n"
        + logTail(LOG_TAIL_LINES).indent(4);
  }

  /** The last lines of the app's log, or a note that there is none. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      if (all.isEmpty()) {
        return "(empty)";
      }
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static String runtimeClasspath(Path projectDir) {
    Path file = projectDir.resolve(CLASSPATH_FILE);
    Path classes = projectDir.resolve("target/classes");
    if (!Files.isRegularFile(file) || !Files.isDirectory(classes)) {
      throw new AppProcessException(
          file
              + " or target/classes is missing. The build writes both before gatling:test runs;"
              + " start simulations with `bin/mvn gatling:test -Dsimulation=<name>`, or point"
              + " -DbaseUrl at an app you started yourself.");
    }
    try {
      String deps = Files.readString(file, StandardCharsets.UTF_8).trim();
      return deps.isEmpty() ? classes.toString() : classes + java.io.File.pathSeparator + deps;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A free TCP port on 127.0.0.1 (closed again, so another process could take it first). */
  public static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The target app could not be started or did not become ready; the message says why. */
  public static final class AppProcessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AppProcessException(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }
}
