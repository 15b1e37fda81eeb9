package org.aerobench.client;

import com.aerospike.client.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the process talks to Aerospike: one client, its event loops and the client styles' pools.
 * Built with {@link #builder()} (every field has a documented default); the constructor validates
 * and refuses bad values with a message naming the field, the value and the rule.
 *
 * <pre>{@code
 * ClientSettings settings =
 *     ClientSettings.builder().hosts(List.of("127.0.0.1:" + port)).namespace("test").build();
 * }</pre>
 *
 * @param hosts seed hosts as {@code host:port}. Default: {@code 127.0.0.1:3000}
 * @param namespace namespace the sets live in. Default: {@code test}
 * @param user user name, or null for a server without security; take it from the environment
 *     ({@link #fromEnvironmentCredentials}) only, never from a file. Default: null
 * @param password password, or null. Never printed by {@link #toString()}. Default: null
 * @param connectTimeoutMs timeout of connecting and of cluster-tend info requests
 *     (ClientPolicy.timeout). Default: 1000
 * @param totalTimeoutMs total time a batch read may take, retries included; a read of an
 *     unreachable cluster fails within it. Default: 1000
 * @param socketTimeoutMs idle-socket timeout of one attempt. Below totalTimeoutMs, so that an
 *     attempt that times out leaves time for a retry (equal, a timeout is never retried). Default:
 *     500
 * @param maxRetries retries of a failed batch read attempt within totalTimeoutMs. Default: 2
 * @param sleepBetweenRetriesMs pause before a retry. Default: 0 (the client's batch default)
 * @param batchMaxConcurrentThreads the batch policy's maxConcurrentThreads: 1 = one node after the
 *     other, 0 = every node at once from its own thread (sync API). Default: 1 (client default)
 * @param batchAllowInline the batch policy's allowInline (the server answers in-memory keys in its
 *     service thread). Default: true (client default)
 * @param batchAllowInlineSsd the batch policy's allowInlineSSD. Default: false (client default)
 * @param batchRespondAllKeys the batch policy's respondAllKeys. Default: true (client default)
 * @param concurrencyLimit the default limit of every client style: sync pool threads, virtual
 *     permits, async commands in process (each overridable), so that no style is favoured by a
 *     larger one. Default: 16 (the reference's THREAD_POOL_SIZE)
 * @param maxConnsPerNode sync connections per node (shared by the sync pool and virtual threads).
 *     Default: 256
 * @param eventLoopKind NIO or NETTY_EPOLL. Default: NIO
 * @param eventLoopCount number of event loops (threads). Default: available processors
 * @param maxCommandsInProcess the client's own bound of async commands running at once per event
 *     loop; more wait in the loop's delay queue, untimed. At least 5 (client rule). Default:
 *     asyncMaxCommands (at least 5), so that the async style's own limit is the one that binds
 * @param maxCommandsInQueue delay-queue bound per event loop; past it a command fails with {@code
 *     AerospikeException.AsyncQueueFull} (map it to 503). At least 1: unbounded is refused.
 *     Default: 4608 (512 in-flight requests x 9 sets)
 * @param syncPoolThreads threads of the sync style's pool (the reference's THREAD_POOL_SIZE).
 *     Default: concurrencyLimit
 * @param syncQueueCapacity bound of the sync pool's task queue; past it a read fails with an
 *     overload error ({@link ClientFailures#isOverload}). Default: 4608
 * @param virtualMaxConcurrent blocking reads at once on virtual threads; the others wait (virtual
 *     threads park cheaply) so the sync connection pool is not exhausted. Default: concurrencyLimit
 * @param asyncMaxCommands async commands in process at once over all event loops, kept by the async
 *     style itself; more wait in the style (timed as queue) for at most {@link
 *     #asyncCommandQueue()}. Default: concurrencyLimit
 * @param clientPerStyle each client style gets an AerospikeClient of its own (connection pools,
 *     event loops, tend thread, the client's error-rate circuit breaker), so that a style that
 *     saturates cannot trip another style's breaker or take its connections. Default: true
 * @param tendIntervalMs cluster tend interval; also how fast a restarted server is found again.
 *     Default: 1000
 */
public record ClientSettings(
    List<String> hosts,
    String namespace,
    String user,
    String password,
    int connectTimeoutMs,
    int totalTimeoutMs,
    int socketTimeoutMs,
    int maxRetries,
    int maxConnsPerNode,
    EventLoopKind eventLoopKind,
    int eventLoopCount,
    int maxCommandsInProcess,
    int maxCommandsInQueue,
    int syncPoolThreads,
    int syncQueueCapacity,
    int virtualMaxConcurrent,
    int tendIntervalMs,
    boolean clientPerStyle,
    int concurrencyLimit,
    int asyncMaxCommands,
    int sleepBetweenRetriesMs,
    int batchMaxConcurrentThreads,
    boolean batchAllowInline,
    boolean batchAllowInlineSsd,
    boolean batchRespondAllKeys) {

  /** Environment variable holding the user name. */
  public static final String USER_ENV = "AEROSPIKE_USER";

  /** Environment variable holding the password. */
  public static final String PASSWORD_ENV = "AEROSPIKE_PASSWORD";

  public ClientSettings {
    hosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("hosts is empty; give at least one host:port");
    }
    for (String host : hosts) {
      parseHost(host);
    }
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("namespace '" + namespace + "' must not be blank");
    }
    if ((user == null) != (password == null)) {
      throw new IllegalArgumentException(
          "user and password must be given together (env "
              + USER_ENV
              + " and "
              + PASSWORD_ENV
              + ")");
    }
    Objects.requireNonNull(eventLoopKind, "eventLoopKind");
    atLeast("connectTimeoutMs", connectTimeoutMs, 1);
    atLeast("totalTimeoutMs", totalTimeoutMs, 1);
    atLeast("socketTimeoutMs", socketTimeoutMs, 1);
    atLeast("maxRetries", maxRetries, 0);
    atLeast("maxConnsPerNode", maxConnsPerNode, 1);
    atLeast("eventLoopCount", eventLoopCount, 1);
    atLeast("maxCommandsInProcess", maxCommandsInProcess, 5);
    atLeast("maxCommandsInQueue", maxCommandsInQueue, 1);
    atLeast("syncPoolThreads", syncPoolThreads, 1);
    atLeast("syncQueueCapacity", syncQueueCapacity, 1);
    atLeast("virtualMaxConcurrent", virtualMaxConcurrent, 1);
    atLeast("tendIntervalMs", tendIntervalMs, 10);
    atLeast("concurrencyLimit", concurrencyLimit, 1);
    atLeast("asyncMaxCommands", asyncMaxCommands, 1);
    atLeast("sleepBetweenRetriesMs", sleepBetweenRetriesMs, 0);
    atLeast("batchMaxConcurrentThreads", batchMaxConcurrentThreads, 0);
  }

  /** The defaults (see the component docs). */
  public static ClientSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * These settings with user and password from {@code AEROSPIKE_USER} / {@code AEROSPIKE_PASSWORD}
   * when both are set (credentials never come from files); see {@link #credentialsFrom}.
   *
   * @throws IllegalArgumentException when only one of the two is set
   */
  public ClientSettings fromEnvironmentCredentials() {
    return credentialsFrom(System.getenv())
        .map(c -> toBuilder().credentials(c.user(), c.password()).build())
        .orElse(this);
  }

  /** A user name and its password; {@link #toString()} masks the password. */
  public record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=****]";
    }
  }

  /**
   * The one rule for credentials from the environment: {@code AEROSPIKE_USER} and {@code
   * AEROSPIKE_PASSWORD} both set (non-blank) or neither. A half-set pair is refused rather than
   * silently ignored or sent with an empty password. The message never contains the password.
   *
   * @param env environment variables, e.g. {@link System#getenv()}
   * @return the credentials, or empty when neither variable is set
   * @throws IllegalArgumentException when only one of the two is set
   */
  public static Optional<Credentials> credentialsFrom(Map<String, String> env) {
    String envUser = blankToNull(env.get(USER_ENV));
    String envPassword = blankToNull(env.get(PASSWORD_ENV));
    if ((envUser == null) != (envPassword == null)) {
      String set = envUser == null ? PASSWORD_ENV : USER_ENV;
      String missing = envUser == null ? USER_ENV : PASSWORD_ENV;
      throw new IllegalArgumentException(
          "credentials are half set: "
              + set
              + " is set but "
              + missing
              + " is empty or unset; set both "
              + USER_ENV
              + " and "
              + PASSWORD_ENV
              + " in the environment, or neither for a server without security");
    }
    return envUser == null ? Optional.empty() : Optional.of(new Credentials(envUser, envPassword));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** The seed hosts as client {@link Host}s. */
  public Host[] aerospikeHosts() {
    return hosts.stream().map(ClientSettings::parseHost).toArray(Host[]::new);
  }

  /**
   * Async connections per node: enough for every event loop to run maxCommandsInProcess commands
   * (each holds a socket), and never fewer than maxConnsPerNode.
   */
  public int asyncMaxConnsPerNode() {
    return Math.max(maxConnsPerNode, maxCommandsInProcess * eventLoopCount);
  }

  /** Async commands allowed to wait for a slot in the style before a read fails as overloaded. */
  public int asyncCommandQueue() {
    return maxCommandsInQueue * eventLoopCount;
  }

  /** Like the generated one, but the password is masked. */
  @Override
  public String toString() {
    return "ClientSettings[hosts="
        + hosts
        + ", namespace="
        + namespace
        + ", user="
        + user
        + ", password="
        + (password == null ? "null" : "****")
        + ", connectTimeoutMs="
        + connectTimeoutMs
        + ", totalTimeoutMs="
        + totalTimeoutMs
        + ", socketTimeoutMs="
        + socketTimeoutMs
        + ", maxRetries="
        + maxRetries
        + ", maxConnsPerNode="
        + maxConnsPerNode
        + ", eventLoopKind="
        + eventLoopKind
        + ", eventLoopCount="
        + eventLoopCount
        + ", maxCommandsInProcess="
        + maxCommandsInProcess
        + ", maxCommandsInQueue="
        + maxCommandsInQueue
        + ", syncPoolThreads="
        + syncPoolThreads
        + ", syncQueueCapacity="
        + syncQueueCapacity
        + ", virtualMaxConcurrent="
        + virtualMaxConcurrent
        + ", tendIntervalMs="
        + tendIntervalMs
        + ", clientPerStyle="
        + clientPerStyle
        + ", concurrencyLimit="
        + concurrencyLimit
        + ", asyncMaxCommands="
        + asyncMaxCommands
        + ", sleepBetweenRetriesMs="
        + sleepBetweenRetriesMs
        + ", batchMaxConcurrentThreads="
        + batchMaxConcurrentThreads
        + ", batchAllowInline="
        + batchAllowInline
        + ", batchAllowInlineSsd="
        + batchAllowInlineSsd
        + ", batchRespondAllKeys="
        + batchRespondAllKeys
        + "]";
  }

  /**
   * Parses {@code host:port} (IPv6 as {@code [addr]:port}).
   *
   * @throws IllegalArgumentException naming the value and the expected form
   */
  public static Host parseHost(String value) {
    String rule = "; expected host:port with port 1..65535, e.g. 127.0.0.1:3000";
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("host '" + value + "' is blank" + rule);
    }
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException("host '" + value + "' has no port" + rule);
    }
    String name = value.substring(0, colon);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("host '" + value + "' has a bad port" + rule);
    }
    if (port < 1 || port > 65535 || name.isBlank()) {
      throw new IllegalArgumentException("host '" + value + "' is invalid" + rule);
    }
    return new Host(name, port);
  }

  private static void atLeast(String field, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " " + value + " is invalid; it must be >= " + min);
    }
  }

  /**
   * Mutable builder; {@link #build()} validates. A per-style limit left unset takes {@link
   * #concurrencyLimit(int)} when built.
   */
  public static final class Builder {
    private List<String> hosts = List.of("127.0.0.1:3000");
    private String namespace = "test";
    private String user;
    private String password;
    private int connectTimeoutMs = 1000;
    private int totalTimeoutMs = 1000;
    private int socketTimeoutMs = 500;
    private int maxRetries = 2;
    private int maxConnsPerNode = 256;
    private EventLoopKind eventLoopKind = EventLoopKind.NIO;
    private int eventLoopCount = Runtime.getRuntime().availableProcessors();
    private Integer maxCommandsInProcess; // null = asyncMaxCommands, at least 5
    private int maxCommandsInQueue = 4608;
    private Integer syncPoolThreads; // null = concurrencyLimit
    private int syncQueueCapacity = 4608;
    private Integer virtualMaxConcurrent; // null = concurrencyLimit
    private Integer asyncMaxCommands; // null = concurrencyLimit
    private int concurrencyLimit = 16;
    private int tendIntervalMs = 1000;
    private boolean clientPerStyle = true;
    private int sleepBetweenRetriesMs = 0;
    private int batchMaxConcurrentThreads = 1;
    private boolean batchAllowInline = true;
    private boolean batchAllowInlineSsd = false;
    private boolean batchRespondAllKeys = true;

    private Builder() {}

    private Builder(ClientSettings s) {
      hosts = s.hosts;
      namespace = s.namespace;
      user = s.user;
      password = s.password;
      connectTimeoutMs = s.connectTimeoutMs;
      totalTimeoutMs = s.totalTimeoutMs;
      socketTimeoutMs = s.socketTimeoutMs;
      maxRetries = s.maxRetries;
      maxConnsPerNode = s.maxConnsPerNode;
      eventLoopKind = s.eventLoopKind;
      eventLoopCount = s.eventLoopCount;
      maxCommandsInProcess = s.maxCommandsInProcess;
      maxCommandsInQueue = s.maxCommandsInQueue;
      syncPoolThreads = s.syncPoolThreads;
      syncQueueCapacity = s.syncQueueCapacity;
      virtualMaxConcurrent = s.virtualMaxConcurrent;
      tendIntervalMs = s.tendIntervalMs;
      clientPerStyle = s.clientPerStyle;
      concurrencyLimit = s.concurrencyLimit;
      asyncMaxCommands = s.asyncMaxCommands;
      sleepBetweenRetriesMs = s.sleepBetweenRetriesMs;
      batchMaxConcurrentThreads = s.batchMaxConcurrentThreads;
      batchAllowInline = s.batchAllowInline;
      batchAllowInlineSsd = s.batchAllowInlineSsd;
      batchRespondAllKeys = s.batchRespondAllKeys;
    }

    public Builder hosts(List<String> value) {
      hosts = new ArrayList<>(value);
      return this;
    }

    /** A single seed host on 127.0.0.1 (e.g. an embedded server's port). */
    public Builder localPort(int port) {
      return hosts(List.of("127.0.0.1:" + port));
    }

    public Builder namespace(String value) {
      namespace = value;
      return this;
    }

    /** Both or neither; pass values read from the environment only. */
    public Builder credentials(String userValue, String passwordValue) {
      user = userValue;
      password = passwordValue;
      return this;
    }

    public Builder connectTimeoutMs(int value) {
      connectTimeoutMs = value;
      return this;
    }

    public Builder totalTimeoutMs(int value) {
      totalTimeoutMs = value;
      return this;
    }

    public Builder socketTimeoutMs(int value) {
      socketTimeoutMs = value;
      return this;
    }

    public Builder maxRetries(int value) {
      maxRetries = value;
      return this;
    }

    public Builder maxConnsPerNode(int value) {
      maxConnsPerNode = value;
      return this;
    }

    public Builder eventLoopKind(EventLoopKind value) {
      eventLoopKind = value;
      return this;
    }

    public Builder eventLoopCount(int value) {
      eventLoopCount = value;
      return this;
    }

    /** The client's per-event-loop bound (null = asyncMaxCommands, at least 5). */
    public Builder maxCommandsInProcess(Integer value) {
      maxCommandsInProcess = value;
      return this;
    }

    public Builder maxCommandsInQueue(int value) {
      maxCommandsInQueue = value;
      return this;
    }

    /** Sync pool threads (null = concurrencyLimit). */
    public Builder syncPoolThreads(Integer value) {
      syncPoolThreads = value;
      return this;
    }

    public Builder syncQueueCapacity(int value) {
      syncQueueCapacity = value;
      return this;
    }

    /** Virtual-thread permits (null = concurrencyLimit). */
    public Builder virtualMaxConcurrent(Integer value) {
      virtualMaxConcurrent = value;
      return this;
    }

    /**
     * The default limit of every style (sync pool threads, virtual permits, async commands in
     * process); a per-style setter overrides it for that style.
     */
    public Builder concurrencyLimit(int value) {
      concurrencyLimit = value;
      return this;
    }

    /** Async commands in process at once over all event loops (null = concurrencyLimit). */
    public Builder asyncMaxCommands(Integer value) {
      asyncMaxCommands = value;
      return this;
    }

    public Builder sleepBetweenRetriesMs(int value) {
      sleepBetweenRetriesMs = value;
      return this;
    }

    public Builder batchMaxConcurrentThreads(int value) {
      batchMaxConcurrentThreads = value;
      return this;
    }

    public Builder batchAllowInline(boolean value) {
      batchAllowInline = value;
      return this;
    }

    public Builder batchAllowInlineSsd(boolean value) {
      batchAllowInlineSsd = value;
      return this;
    }

    public Builder batchRespondAllKeys(boolean value) {
      batchRespondAllKeys = value;
      return this;
    }

    public Builder clientPerStyle(boolean value) {
      clientPerStyle = value;
      return this;
    }

    public Builder tendIntervalMs(int value) {
      tendIntervalMs = value;
      return this;
    }

    /**
     * The validated settings.
     *
     * @throws IllegalArgumentException naming the field, the value and the rule
     */
    public ClientSettings build() {
      int async = orLimit(asyncMaxCommands);
      return new ClientSettings(
          hosts,
          namespace,
          user,
          password,
          connectTimeoutMs,
          totalTimeoutMs,
          socketTimeoutMs,
          maxRetries,
          maxConnsPerNode,
          eventLoopKind,
          eventLoopCount,
          maxCommandsInProcess != null ? maxCommandsInProcess : Math.max(5, async),
          maxCommandsInQueue,
          orLimit(syncPoolThreads),
          syncQueueCapacity,
          orLimit(virtualMaxConcurrent),
          tendIntervalMs,
          clientPerStyle,
          concurrencyLimit,
          async,
          sleepBetweenRetriesMs,
          batchMaxConcurrentThreads,
          batchAllowInline,
          batchAllowInlineSsd,
          batchRespondAllKeys);
    }

    private int orLimit(Integer perStyle) {
      return perStyle != null ? perStyle : concurrencyLimit;
    }
  }
}
