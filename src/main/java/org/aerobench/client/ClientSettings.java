package org.aerobench.client;

import com.aerospike.client.Host;
import com.aerospike.client.policy.Replica;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * <p>Each component's meaning, default and minimum are its entry in {@link ClientSetting}, the
 * table that the builder, {@link #toBuilder()}, the minimum checks and {@link #toString()} read.
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
    boolean batchRespondAllKeys,
    Replica replica) {

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
    Objects.requireNonNull(replica, "replica");
    // Each minimum is the field's ClientSetting entry; the constructor pairs entry and value.
    ClientSetting.CONNECT_TIMEOUT_MS.checkAtLeastMinimum(connectTimeoutMs);
    ClientSetting.TOTAL_TIMEOUT_MS.checkAtLeastMinimum(totalTimeoutMs);
    ClientSetting.SOCKET_TIMEOUT_MS.checkAtLeastMinimum(socketTimeoutMs);
    ClientSetting.MAX_RETRIES.checkAtLeastMinimum(maxRetries);
    ClientSetting.MAX_CONNS_PER_NODE.checkAtLeastMinimum(maxConnsPerNode);
    ClientSetting.EVENT_LOOP_COUNT.checkAtLeastMinimum(eventLoopCount);
    ClientSetting.MAX_COMMANDS_IN_PROCESS.checkAtLeastMinimum(maxCommandsInProcess);
    ClientSetting.MAX_COMMANDS_IN_QUEUE.checkAtLeastMinimum(maxCommandsInQueue);
    ClientSetting.SYNC_POOL_THREADS.checkAtLeastMinimum(syncPoolThreads);
    ClientSetting.SYNC_QUEUE_CAPACITY.checkAtLeastMinimum(syncQueueCapacity);
    ClientSetting.VIRTUAL_MAX_CONCURRENT.checkAtLeastMinimum(virtualMaxConcurrent);
    ClientSetting.TEND_INTERVAL_MS.checkAtLeastMinimum(tendIntervalMs);
    ClientSetting.CONCURRENCY_LIMIT.checkAtLeastMinimum(concurrencyLimit);
    ClientSetting.ASYNC_MAX_COMMANDS.checkAtLeastMinimum(asyncMaxCommands);
    ClientSetting.SLEEP_BETWEEN_RETRIES_MS.checkAtLeastMinimum(sleepBetweenRetriesMs);
    ClientSetting.BATCH_MAX_CONCURRENT_THREADS.checkAtLeastMinimum(batchMaxConcurrentThreads);
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
    StringBuilder text = new StringBuilder("ClientSettings[");
    for (ClientSetting setting : ClientSetting.values()) {
      text.append(setting.ordinal() == 0 ? "" : ", ").append(setting.fieldName()).append('=');
      text.append(setting.shown(this));
    }
    return text.append(']').toString();
  }

  /**
   * Every replica policy name the client knows, in its order: the values {@link #replica} takes.
   */
  public static List<String> replicaNames() {
    return java.util.Arrays.stream(Replica.values()).map(Replica::name).toList();
  }

  /**
   * The client's replica policy of that name, in any case ({@code master_proles} = {@code
   * MASTER_PROLES}).
   *
   * @throws IllegalArgumentException naming the value and the allowed names
   */
  public static Replica replica(String name) {
    String wanted = name == null ? "" : name.trim();
    for (Replica r : Replica.values()) {
      if (r.name().equalsIgnoreCase(wanted)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "replica '"
            + name
            + "' is not a replica policy; allowed (any case): "
            + String.join(", ", replicaNames())
            + ", e.g. MASTER_PROLES");
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

  /**
   * Mutable builder; {@link #build()} validates. A per-style limit left unset takes {@link
   * #concurrencyLimit(int)} when built.
   */
  public static final class Builder {
    /** Every setting's value so far, by table entry; null = inherited when built. */
    private final Map<ClientSetting, Object> values = new EnumMap<>(ClientSetting.class);

    private Builder() {
      for (ClientSetting setting : ClientSetting.values()) {
        values.put(setting, setting.defaultValue());
      }
    }

    private Builder(ClientSettings from) {
      for (ClientSetting setting : ClientSetting.values()) {
        values.put(setting, setting.of(from));
      }
    }

    private Builder set(ClientSetting setting, Object value) {
      values.put(setting, value);
      return this;
    }

    public Builder hosts(List<String> value) {
      return set(ClientSetting.HOSTS, new ArrayList<>(value));
    }

    /** A single seed host on 127.0.0.1 (e.g. an embedded server's port). */
    public Builder localPort(int port) {
      return hosts(List.of("127.0.0.1:" + port));
    }

    public Builder namespace(String value) {
      return set(ClientSetting.NAMESPACE, value);
    }

    /** Both or neither; pass values read from the environment only. */
    public Builder credentials(String userValue, String passwordValue) {
      return set(ClientSetting.USER, userValue).set(ClientSetting.PASSWORD, passwordValue);
    }

    public Builder connectTimeoutMs(int value) {
      return set(ClientSetting.CONNECT_TIMEOUT_MS, value);
    }

    public Builder totalTimeoutMs(int value) {
      return set(ClientSetting.TOTAL_TIMEOUT_MS, value);
    }

    public Builder socketTimeoutMs(int value) {
      return set(ClientSetting.SOCKET_TIMEOUT_MS, value);
    }

    public Builder maxRetries(int value) {
      return set(ClientSetting.MAX_RETRIES, value);
    }

    public Builder maxConnsPerNode(int value) {
      return set(ClientSetting.MAX_CONNS_PER_NODE, value);
    }

    public Builder eventLoopKind(EventLoopKind value) {
      return set(ClientSetting.EVENT_LOOP_KIND, value);
    }

    public Builder eventLoopCount(int value) {
      return set(ClientSetting.EVENT_LOOP_COUNT, value);
    }

    /** The client's per-event-loop bound (null = asyncMaxCommands, at least 5). */
    public Builder maxCommandsInProcess(Integer value) {
      return set(ClientSetting.MAX_COMMANDS_IN_PROCESS, value);
    }

    public Builder maxCommandsInQueue(int value) {
      return set(ClientSetting.MAX_COMMANDS_IN_QUEUE, value);
    }

    /** Sync pool threads (null = concurrencyLimit). */
    public Builder syncPoolThreads(Integer value) {
      return set(ClientSetting.SYNC_POOL_THREADS, value);
    }

    public Builder syncQueueCapacity(int value) {
      return set(ClientSetting.SYNC_QUEUE_CAPACITY, value);
    }

    /** Virtual-thread permits (null = concurrencyLimit). */
    public Builder virtualMaxConcurrent(Integer value) {
      return set(ClientSetting.VIRTUAL_MAX_CONCURRENT, value);
    }

    /**
     * The default limit of every style (sync pool threads, virtual permits, async commands in
     * process); a per-style setter overrides it for that style.
     */
    public Builder concurrencyLimit(int value) {
      return set(ClientSetting.CONCURRENCY_LIMIT, value);
    }

    /** Async commands in process at once over all event loops (null = concurrencyLimit). */
    public Builder asyncMaxCommands(Integer value) {
      return set(ClientSetting.ASYNC_MAX_COMMANDS, value);
    }

    public Builder sleepBetweenRetriesMs(int value) {
      return set(ClientSetting.SLEEP_BETWEEN_RETRIES_MS, value);
    }

    public Builder batchMaxConcurrentThreads(int value) {
      return set(ClientSetting.BATCH_MAX_CONCURRENT_THREADS, value);
    }

    public Builder batchAllowInline(boolean value) {
      return set(ClientSetting.BATCH_ALLOW_INLINE, value);
    }

    public Builder batchAllowInlineSsd(boolean value) {
      return set(ClientSetting.BATCH_ALLOW_INLINE_SSD, value);
    }

    public Builder batchRespondAllKeys(boolean value) {
      return set(ClientSetting.BATCH_RESPOND_ALL_KEYS, value);
    }

    public Builder replica(Replica value) {
      return set(ClientSetting.REPLICA, value);
    }

    public Builder clientPerStyle(boolean value) {
      return set(ClientSetting.CLIENT_PER_STYLE, value);
    }

    public Builder tendIntervalMs(int value) {
      return set(ClientSetting.TEND_INTERVAL_MS, value);
    }

    /**
     * The validated settings.
     *
     * @throws IllegalArgumentException naming the field, the value and the rule
     */
    public ClientSettings build() {
      int async = orLimit(ClientSetting.ASYNC_MAX_COMMANDS);
      Integer inProcess = get(ClientSetting.MAX_COMMANDS_IN_PROCESS);
      return new ClientSettings(
          get(ClientSetting.HOSTS),
          get(ClientSetting.NAMESPACE),
          get(ClientSetting.USER),
          get(ClientSetting.PASSWORD),
          get(ClientSetting.CONNECT_TIMEOUT_MS),
          get(ClientSetting.TOTAL_TIMEOUT_MS),
          get(ClientSetting.SOCKET_TIMEOUT_MS),
          get(ClientSetting.MAX_RETRIES),
          get(ClientSetting.MAX_CONNS_PER_NODE),
          get(ClientSetting.EVENT_LOOP_KIND),
          get(ClientSetting.EVENT_LOOP_COUNT),
          inProcess != null ? inProcess : Math.max(5, async),
          get(ClientSetting.MAX_COMMANDS_IN_QUEUE),
          orLimit(ClientSetting.SYNC_POOL_THREADS),
          get(ClientSetting.SYNC_QUEUE_CAPACITY),
          orLimit(ClientSetting.VIRTUAL_MAX_CONCURRENT),
          get(ClientSetting.TEND_INTERVAL_MS),
          get(ClientSetting.CLIENT_PER_STYLE),
          get(ClientSetting.CONCURRENCY_LIMIT),
          async,
          get(ClientSetting.SLEEP_BETWEEN_RETRIES_MS),
          get(ClientSetting.BATCH_MAX_CONCURRENT_THREADS),
          get(ClientSetting.BATCH_ALLOW_INLINE),
          get(ClientSetting.BATCH_ALLOW_INLINE_SSD),
          get(ClientSetting.BATCH_RESPOND_ALL_KEYS),
          get(ClientSetting.REPLICA));
    }

    @SuppressWarnings("unchecked") // each setter stores the type of its record component
    private <T> T get(ClientSetting setting) {
      return (T) values.get(setting);
    }

    /** A per-style limit: its own value, else concurrencyLimit. */
    private int orLimit(ClientSetting perStyle) {
      Integer own = get(perStyle);
      return own != null ? own : get(ClientSetting.CONCURRENCY_LIMIT);
    }
  }
}
