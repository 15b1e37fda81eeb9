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
 * A process of the stack a simulation starts when no {@code -DbaseUrl} is given: the target app in
 * a JVM of its own and, by default, the embedded Aerospike in another ({@link #embeddedServer}). A
 * separate JVM keeps the app off Gatling's heap and CPU accounting and fails loudly when a runtime
 * dependency is missing (Gatling's test classpath would hide it); a database JVM of its own keeps
 * the app's GC pauses and CPU out of "the database" and counts its CPU apart.
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
  private final java.util.Map<String, String> environment;
  private final ReadyProbe probe;
  private final String role; // for the messages
  private final String readyCheck;
  private final String readyWhen;
  private List<Integer> nodePorts; // set once, by the factory that made it
  private final Thread shutdownHook = new Thread(this::stopQuietly, "aerobench-app-stopper");
  private Process process;

  /**
   * A target app that will run {@code command} and answer on {@code http://127.0.0.1:<port>}.
   * Nothing starts until {@link #start()}.
   */
  public AppProcess(List<String> command, Path workDir, int port, Duration readyTimeout, Path log) {
    this(command, workDir, port, readyTimeout, log, 0, java.util.Map.of(), null);
  }

  /**
   * @param probe how to tell the process is ready; null = the app's {@code GET /ready} is 200
   */
  private AppProcess(
      List<String> command,
      Path workDir,
      int port,
      Duration readyTimeout,
      Path log,
      int embeddedPort,
      java.util.Map<String, String> environment,
      ReadyProbe probe) {
    this.command = List.copyOf(command);
    this.workDir = workDir;
    this.port = port;
    this.readyTimeout = readyTimeout;
    this.log = log;
    this.embeddedPort = embeddedPort;
    this.environment = java.util.Map.copyOf(environment);
    this.probe = probe != null ? probe : httpReady(baseUrl() + "/ready");
    this.role = probe != null ? "the embedded Aerospike" : "the target app";
    this.readyCheck = probe != null ? "info 'node' on 127.0.0.1:" + port : baseUrl() + "/ready";
    this.readyWhen = probe != null ? "info 'node' answered" : "/ready answered 200";
    this.nodePorts = List.of(port);
  }

  /** Tells whether a started process is ready: null when it is, else its last answer. */
  @FunctionalInterface
  interface ReadyProbe {
    String notReadyBecause() throws IOException, InterruptedException;
  }

  /**
   * The loopback port of the embedded Aerospike the app starts (set through {@code
   * AEROBENCH_EMBEDDED_PORT}), so the run can reach its latency control; 0 when not chosen here.
   */
  public int embeddedPort() {
    return embeddedPort;
  }

  /**
   * The {@code serve} command for these parameters, on a free loopback port: the app starts, seeds
   * and injects latency into the embedded Aerospike inside its own JVM.
   */
  public static AppProcess serve(Parameters params, Path projectDir, Path log) {
    int port = freeLoopbackPort();
    int embeddedPort = freeLoopbackPort();
    List<String> command = serveCommand(params, projectDir, port);
    command.addAll(params.latency().serveFlags());
    return new AppProcess(
        command,
        projectDir,
        port,
        params.readyTimeout(),
        log,
        embeddedPort,
        java.util.Map.of("AEROBENCH_EMBEDDED_PORT", Integer.toString(embeddedPort)),
        null);
  }

  /**
   * The {@code serve} command against the embedded Aerospike of {@link #embeddedServer} on {@code
   * databasePort}: the app connects to it as to any cluster ({@code AEROBENCH_AEROSPIKE_HOSTS}) and
   * seeds it ({@code --seed}); the latency injection is the database's, set once seeded ({@link
   * #injectLatency}).
   */
  public static AppProcess serveAgainst(
      Parameters params, Path projectDir, Path log, int databasePort) {
    int port = freeLoopbackPort();
    List<String> command = serveCommand(params, projectDir, port);
    command.add("--seed");
    return new AppProcess(
        command,
        projectDir,
        port,
        params.readyTimeout(),
        log,
        databasePort,
        java.util.Map.of("AEROBENCH_AEROSPIKE_HOSTS", "127.0.0.1:" + databasePort),
        null);
  }

  /**
   * The embedded Aerospike in a JVM of its own ({@code embedded-server --port=<free port>}), ready
   * when it answers an info request. With {@code -Dnodes}, per-node latency or faults it is an
   * emulated cluster: {@code --nodes=N --replication-factor=R --ports=p1,...,pN} on free loopback
   * ports, ready when every node answers; {@link #port()} is node 1's, the app's one seed host (the
   * client discovers the peers). Per-node latency is not given at start but set once the app has
   * seeded (see {@code RunHarness}), as the latency of every node is, so that seeding stays fast.
   */
  public static AppProcess embeddedServer(Parameters params, Path projectDir, Path log) {
    List<Integer> ports = freeLoopbackPorts(params.emulatesCluster() ? params.nodes() : 1);
    List<String> command = javaCommand(projectDir, List.of(DATABASE_HEAP));
    command.add("embedded-server");
    command.add("--port=" + ports.get(0));
    if (params.emulatesCluster()) {
      command.add("--nodes=" + params.nodes());
      command.add("--replication-factor=" + params.replicationFactor());
      command.add("--ports=" + String.join(",", ports.stream().map(String::valueOf).toList()));
    }
    AppProcess db =
        new AppProcess(
            command,
            projectDir,
            ports.get(0),
            params.readyTimeout(),
            log,
            ports.get(0),
            java.util.Map.of(),
            () -> {
              for (int port : ports) {
                String notReady = infoAnswer(port);
                if (notReady != null) {
                  return "port " + port + ": " + notReady;
                }
              }
              return null;
            });
    db.nodePorts = ports;
    return db;
  }

  /**
   * Node i's loopback port at index i - 1 (the database of {@link #embeddedServer}); one port for
   * anything else.
   */
  public List<Integer> nodePorts() {
    return nodePorts;
  }

  /** Heap of the database JVM: the fixture's 1,800 records need little. */
  static final String DATABASE_HEAP = "-Xmx512m";

  /**
   * True when {@code serve} would start the embedded Aerospike itself: no Aerospike hosts in the
   * environment ({@code AEROBENCH_AEROSPIKE_HOSTS}) nor in its config file ({@code -DappConfig},
   * else {@code conf/app.properties}). Otherwise the app talks to that cluster and the run starts
   * no database.
   */
  public static boolean appWouldStartEmbedded(
      Parameters params, Path projectDir, java.util.Map<String, String> env) {
    return externalAerospike(params.appConfig(), projectDir, env) == null;
  }

  /**
   * Where the app would be told of a real Aerospike ({@code AEROBENCH_AEROSPIKE_HOSTS=...} or
   * {@code aerospike.hosts=... in <file>}), or null when it would start the embedded one.
   *
   * @param appConfig {@code -DappConfig}, or null for {@code conf/app.properties}
   */
  public static String externalAerospike(
      Path appConfig, Path projectDir, java.util.Map<String, String> env) {
    String fromEnv = env.get("AEROBENCH_AEROSPIKE_HOSTS");
    if (fromEnv != null) {
      return fromEnv.isBlank() ? null : "AEROBENCH_AEROSPIKE_HOSTS=" + fromEnv;
    }
    Path config =
        appConfig != null
            ? projectDir.resolve(appConfig)
            : projectDir.resolve("conf/app.properties");
    if (!Files.isRegularFile(config)) {
      return null;
    }
    java.util.Properties props = new java.util.Properties();
    try (var in = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (IOException e) {
      return null; // serve will refuse the file itself, naming it
    }
    String hosts = props.getProperty("aerospike.hosts", "").trim();
    return hosts.isEmpty() ? null : "aerospike.hosts=" + hosts + " in " + config;
  }

  /** Sets the latency injection of the embedded Aerospike on this process's port. */
  public void injectLatency(LatencyInjection latency) {
    String reply;
    try {
      reply =
          com.aerospike.client.Info.request(
              "127.0.0.1", embeddedPort, LatencySwitch.command(latency.latency()));
    } catch (com.aerospike.client.AerospikeException e) {
      throw new AppProcessException(
          "could not set the database's latency to " + latency.describe() + ": " + e);
    }
    if (reply == null || reply.startsWith("ERROR")) {
      throw new AppProcessException(
          "the database refused latency " + latency.describe() + ": " + reply);
    }
  }

  private static List<String> serveCommand(Parameters params, Path projectDir, int port) {
    List<String> jvm = new ArrayList<>(params.appJvmArgs());
    jvm.add("--enable-native-access=ALL-UNNAMED");
    // The DLRM engine's fast kernels use the Vector API (incubating); as bin/aerobench does.
    jvm.add("--add-modules=jdk.incubator.vector");
    List<String> command = javaCommand(projectDir, jvm);
    command.add("serve");
    command.add("--port=" + port);
    if (params.appConfig() != null) {
      command.add("--config=" + params.appConfig());
    }
    return command;
  }

  /** {@code java <jvm flags> -cp <runtime classpath> org.aerobench.cli.Main}. */
  private static List<String> javaCommand(Path projectDir, List<String> jvmFlags) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(runtimeClasspath(projectDir));
    command.add("org.aerobench.cli.Main");
    return command;
  }

  private static String infoAnswer(int port) {
    try {
      String node = com.aerospike.client.Info.request("127.0.0.1", port, "node");
      return node == null || node.isBlank() ? "empty answer to info 'node'" : null;
    } catch (com.aerospike.client.AerospikeException e) {
      return e.toString();
    }
  }

  /** {@code GET <url>} answers 200. */
  private static ReadyProbe httpReady(String url) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
    return () -> {
      HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? null
          : "HTTP " + response.statusCode() + " " + response.body();
    };
  }

  /** The loopback port it answers on (HTTP for the app, Aerospike's protocol for the database). */
  public int port() {
    return port;
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
    builder.environment().putAll(environment);
    return builder;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + readyTimeout.toNanos();
    String lastAnswer = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AppProcessException(
            role
                + " exited with code "
                + process.exitValue()
                + " before "
                + readyWhen
                + "."
                + logTailMessage());
      }
      try {
        String notReady = probe.notReadyBecause();
        if (notReady == null) {
          return;
        }
        lastAnswer = notReady;
      } catch (IOException e) {
        lastAnswer = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AppProcessException("interrupted while waiting for " + role);
      }
      sleep(POLL_EVERY);
    }
    throw new AppProcessException(
        role
            + " was not ready after "
            + readyTimeout.toSeconds()
            + " s (last answer of "
            + readyCheck
            + ": "
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

  /**
   * {@code n} different free TCP ports on 127.0.0.1: held open together while chosen, so that none
   * is handed out twice (closed again before returning, like {@link #freeLoopbackPort}).
   */
  public static List<Integer> freeLoopbackPorts(int n) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        held.add(socket);
        ports.add(socket.getLocalPort());
      }
      return List.copyOf(ports);
    } catch (IOException e) {
      throw new UncheckedIOException("no " + n + " free ports on 127.0.0.1", e);
    } finally {
      for (ServerSocket socket : held) {
        try {
          socket.close();
        } catch (IOException e) {
          // closing a listening socket we opened: nothing left to do
        }
      }
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
