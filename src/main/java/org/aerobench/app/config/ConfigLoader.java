package org.aerobench.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import org.aerobench.client.ClientSettings;
import org.aerobench.client.ClientSettings.Builder;
import org.aerobench.client.EventLoopKind;

/**
 * Builds the {@link AppConfig} once: defaults from {@link ConfigKey}, then the properties file,
 * then {@code AEROBENCH_*} environment variables; credentials only from {@code AEROSPIKE_USER} /
 * {@code AEROSPIKE_PASSWORD}. Any bad value refuses the whole config with a message naming the key,
 * where it came from, the value and the rule.
 */
public final class ConfigLoader {

  /** Environment variables holding credentials; never read from a file, never logged. */
  public static final String USER_ENV = ClientSettings.USER_ENV;

  public static final String PASSWORD_ENV = ClientSettings.PASSWORD_ENV;

  private ConfigLoader() {}

  /** Loads {@code file} (which must exist) with the process environment on top. */
  public static AppConfig load(Path file) {
    return load(readFile(file), file.toString(), System.getenv());
  }

  /** Defaults plus the process environment, for when no file is given. */
  public static AppConfig defaults(Map<String, String> env) {
    return load(new Properties(), "defaults", env);
  }

  /**
   * Resolves and validates.
   *
   * @param fileValues properties read from the file (may be empty)
   * @param fileName shown in error messages
   * @param env environment variables
   * @throws ConfigException naming the key, its source, the value and the rule
   */
  public static AppConfig load(Properties fileValues, String fileName, Map<String, String> env) {
    for (String name : fileValues.stringPropertyNames()) {
      if (ConfigKey.byKey(name) == null) {
        throw new ConfigException(
            "unknown key '" + name + "' in " + fileName + "; known keys: " + knownKeys());
      }
    }
    Map<ConfigKey, Value> raw = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      String fromEnv = env.get(key.envName());
      String fromFile = fileValues.getProperty(key.key());
      if (fromEnv != null) {
        raw.put(key, new Value(fromEnv.trim(), "environment variable " + key.envName()));
      } else if (fromFile != null) {
        raw.put(key, new Value(fromFile.trim(), fileName));
      } else {
        raw.put(key, new Value(key.defaultValue(), "default"));
      }
    }
    Resolver r = new Resolver(raw);
    List<String> hosts = r.hosts(ConfigKey.AEROSPIKE_HOSTS);
    ClientSettings aerospike = clientSettings(r, hosts, env);
    AppConfig.Http http =
        new AppConfig.Http(r.text(ConfigKey.HTTP_BIND_ADDRESS), r.integer(ConfigKey.HTTP_PORT));
    AppConfig.Limits limits =
        new AppConfig.Limits(
            r.integer(ConfigKey.INFLIGHT_LIMIT),
            r.integer(ConfigKey.REQUEST_DEADLINE_MS),
            r.integer(ConfigKey.INFLIGHT_MAX_WAITING),
            r.integer(ConfigKey.INFERENCE_THREADS),
            r.integer(ConfigKey.INFERENCE_QUEUE));
    AppConfig.Model model =
        new AppConfig.Model(
            r.text(ConfigKey.MODEL_ENGINE),
            r.integer(ConfigKey.MODEL_SEED),
            r.bool(ConfigKey.MODEL_WARMUP));
    AppConfig.Embedded embedded =
        new AppConfig.Embedded(
            hosts.isEmpty(),
            r.integer(ConfigKey.EMBEDDED_PORT),
            r.millis(ConfigKey.EMBEDDED_LATENCY_FIXED_MS),
            r.millis(ConfigKey.EMBEDDED_LATENCY_MEDIAN_MS),
            r.millis(ConfigKey.EMBEDDED_LATENCY_P99_MS),
            r.integer(ConfigKey.EMBEDDED_NODES),
            r.optionalInteger(ConfigKey.EMBEDDED_REPLICATION_FACTOR),
            r.text(ConfigKey.EMBEDDED_NODE_LATENCY));
    checkedEmbedded(embedded);
    checkedCluster(embedded, hosts);
    AppConfig.Ready ready =
        new AppConfig.Ready(
            r.integer(ConfigKey.READY_FAILURE_WINDOW_MS),
            r.integer(ConfigKey.READY_PROBE_INTERVAL_MS));
    AppConfig.Slowdown slowdown =
        new AppConfig.Slowdown(
            r.text(ConfigKey.TEST_SLOWDOWN_STYLE), r.millis(ConfigKey.TEST_SLOWDOWN_MS));
    checkedSlowdown(slowdown);
    return new AppConfig(aerospike, http, limits, model, embedded, ready, slowdown);
  }

  /** Half a slowdown (a style without a delay, or a delay without a style) is a mistake. */
  private static void checkedSlowdown(AppConfig.Slowdown s) {
    if (s.style().equals("none") != (s.ms() == 0)) {
      throw new ConfigException(
          "test.slowdown.style="
              + s.style()
              + " and test.slowdown.ms="
              + s.ms()
              + ": set both (a style and a delay > 0) or neither, e.g. test.slowdown.style=async"
              + " test.slowdown.ms=1.2");
    }
  }

  /**
   * The client settings the keys describe. Every value was already checked against its key's rule,
   * which is at least as strict as ClientSettings' own validation, so a refusal names the key.
   * Empty hosts (= start the embedded server) keep the client's default host until AppStack points
   * the client at the started server.
   */
  private static ClientSettings clientSettings(
      Resolver r, List<String> hosts, Map<String, String> env) {
    Builder b = ClientSettings.builder();
    for (ClientKey<?> key : CLIENT_KEYS) {
      key.apply(r, b);
    }
    if (!hosts.isEmpty()) {
      b.hosts(hosts);
    }
    try {
      ClientSettings.credentialsFrom(env).ifPresent(c -> b.credentials(c.user(), c.password()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      // Unreachable while every ConfigKey rule is at least as strict as the client's; if a rule
      // is ever loosened, the user still gets a config refusal rather than a stack trace.
      throw new ConfigException(
          "aerospike.* settings refused by the client: "
              + e.getMessage()
              + "; fix the matching aerospike.* key");
    }
  }

  /**
   * An aerospike.* key and the client setting it sets; {@code T} is what the key's rule parses to.
   */
  private record ClientKey<T>(ConfigKey key, BiConsumer<Builder, T> setter) {
    @SuppressWarnings("unchecked") // each entry's T is the type its key's rule parses to
    void apply(Resolver r, Builder b) {
      setter.accept(b, (T) r.value(key));
    }
  }

  /**
   * The client settings the aerospike.* keys set, in the order they are checked (the first bad one
   * is reported). Empty per-style limits parse to null: inherited from the concurrency limit.
   */
  private static final List<ClientKey<?>> CLIENT_KEYS =
      List.of(
          new ClientKey<String>(ConfigKey.AEROSPIKE_NAMESPACE, Builder::namespace),
          new ClientKey<Integer>(ConfigKey.AEROSPIKE_CONNECT_TIMEOUT_MS, Builder::connectTimeoutMs),
          new ClientKey<Integer>(ConfigKey.AEROSPIKE_TOTAL_TIMEOUT_MS, Builder::totalTimeoutMs),
          new ClientKey<Integer>(ConfigKey.AEROSPIKE_SOCKET_TIMEOUT_MS, Builder::socketTimeoutMs),
          new ClientKey<Integer>(ConfigKey.AEROSPIKE_MAX_RETRIES, Builder::maxRetries),
          new ClientKey<Integer>(
              ConfigKey.AEROSPIKE_SLEEP_BETWEEN_RETRIES_MS, Builder::sleepBetweenRetriesMs),
          new ClientKey<Integer>(
              ConfigKey.AEROSPIKE_BATCH_MAX_CONCURRENT_THREADS, Builder::batchMaxConcurrentThreads),
          new ClientKey<Boolean>(ConfigKey.AEROSPIKE_BATCH_ALLOW_INLINE, Builder::batchAllowInline),
          new ClientKey<Boolean>(
              ConfigKey.AEROSPIKE_BATCH_ALLOW_INLINE_SSD, Builder::batchAllowInlineSsd),
          new ClientKey<Boolean>(
              ConfigKey.AEROSPIKE_BATCH_RESPOND_ALL_KEYS, Builder::batchRespondAllKeys),
          new ClientKey<String>(
              ConfigKey.AEROSPIKE_REPLICA, (b, name) -> b.replica(ClientSettings.replica(name))),
          new ClientKey<Integer>(ConfigKey.AEROSPIKE_CONCURRENCY_LIMIT, Builder::concurrencyLimit),
          new ClientKey<Integer>(ConfigKey.AEROSPIKE_ASYNC_MAX_COMMANDS, Builder::asyncMaxCommands),
          new ClientKey<Boolean>(ConfigKey.AEROSPIKE_CLIENT_PER_STYLE, Builder::clientPerStyle),
          new ClientKey<Integer>(ConfigKey.AEROSPIKE_MAX_CONNS_PER_NODE, Builder::maxConnsPerNode),
          new ClientKey<Integer>(ConfigKey.AEROSPIKE_TEND_INTERVAL_MS, Builder::tendIntervalMs),
          new ClientKey<Integer>(ConfigKey.AEROSPIKE_SYNC_POOL_THREADS, Builder::syncPoolThreads),
          new ClientKey<Integer>(
              ConfigKey.AEROSPIKE_SYNC_QUEUE_CAPACITY, Builder::syncQueueCapacity),
          new ClientKey<Integer>(
              ConfigKey.AEROSPIKE_VIRTUAL_MAX_CONCURRENT, Builder::virtualMaxConcurrent),
          new ClientKey<String>(
              ConfigKey.AEROSPIKE_EVENT_LOOP_KIND,
              (b, kind) -> b.eventLoopKind(EventLoopKind.fromConfigName(kind.replace('-', '_')))),
          // The config's convention: 0 = one loop per core.
          new ClientKey<Integer>(
              ConfigKey.AEROSPIKE_EVENT_LOOP_COUNT,
              (b, count) ->
                  b.eventLoopCount(count > 0 ? count : Runtime.getRuntime().availableProcessors())),
          new ClientKey<Integer>(
              ConfigKey.AEROSPIKE_MAX_COMMANDS_IN_PROCESS, Builder::maxCommandsInProcess),
          new ClientKey<Integer>(
              ConfigKey.AEROSPIKE_MAX_COMMANDS_IN_QUEUE, Builder::maxCommandsInQueue));

  /**
   * Checks the latency injection as a whole with {@link AppConfig.Embedded#latency()} (one rule set
   * for every latency option: fixed or log-normal, not both; median and p99 together; p99 >=
   * median).
   *
   * @return the argument
   * @throws ConfigException naming the embedded.latency.* keys and the rule
   */
  public static AppConfig.Embedded checkedEmbedded(AppConfig.Embedded embedded) {
    try {
      embedded.latency();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "embedded.latency.fixed.ms/median.ms/p99.ms (0 = not set): " + e.getMessage());
    }
    return embedded;
  }

  /**
   * The embedded cluster's keys together: they apply only when the embedded server is started, a
   * replication factor cannot exceed the nodes, and per-node latency names existing nodes.
   *
   * @throws ConfigException naming the keys, their values, the rule and an example
   */
  private static void checkedCluster(AppConfig.Embedded e, List<String> hosts) {
    List<String> set = new ArrayList<>();
    if (e.nodes() != 1) {
      set.add("embedded.nodes=" + e.nodes());
    }
    if (e.replicationFactor() != 0) {
      set.add("embedded.replication.factor=" + e.replicationFactor());
    }
    if (!e.nodeLatency().isEmpty()) {
      set.add("embedded.node.latency=" + e.nodeLatency());
    }
    if (!e.enabled() && !set.isEmpty()) {
      throw new ConfigException(
          String.join(", ", set)
              + " given with aerospike.hosts="
              + String.join(",", hosts)
              + ": the embedded cluster is not started when aerospike.hosts names a cluster, so"
              + " these would do nothing; drop them, or leave aerospike.hosts empty to start the"
              + " embedded cluster, e.g. aerospike.hosts= embedded.nodes=3");
    }
    if (e.replicationFactor() > e.nodes()) {
      throw new ConfigException(
          "embedded.replication.factor="
              + e.replicationFactor()
              + " is above embedded.nodes="
              + e.nodes()
              + ": a partition cannot have more copies than there are nodes; give 1.."
              + e.nodes()
              + " or leave it empty (= min(2, embedded.nodes)), e.g. embedded.nodes=3"
              + " embedded.replication.factor=2");
    }
    try {
      e.nodeLatencies();
    } catch (IllegalArgumentException x) {
      throw new ConfigException("embedded.nodes=" + e.nodes() + ", " + x.getMessage());
    }
  }

  private static Properties readFile(Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read config file " + file + ": " + e + "; pass an existing file with --config");
    }
    return properties;
  }

  private static String knownKeys() {
    List<String> keys = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      keys.add(k.key());
    }
    return String.join(", ", keys);
  }

  private record Value(String text, String source) {}

  /** Parses one raw value by its key's rule, failing with the full story. */
  private record Resolver(Map<ConfigKey, Value> raw) {

    /** The value under the key's rule ({@link ConfigKey.Rule#parse}), or the key's refusal. */
    Object value(ConfigKey key) {
      Value v = raw.get(key);
      try {
        return key.rule().parse(v.text());
      } catch (IllegalArgumentException e) {
        throw invalid(key, v, e); // names the config key, its source and the env override
      }
    }

    int integer(ConfigKey key) {
      return (Integer) value(key);
    }

    double millis(ConfigKey key) {
      return (Double) value(key);
    }

    /** An optional integer: 0 when empty (the key's documented default applies). */
    int optionalInteger(ConfigKey key) {
      Integer value = (Integer) value(key);
      return value == null ? 0 : value;
    }

    String text(ConfigKey key) {
      return (String) value(key);
    }

    boolean bool(ConfigKey key) {
      return (Boolean) value(key);
    }

    @SuppressWarnings("unchecked") // the hosts rule parses to a list of host:port
    List<String> hosts(ConfigKey key) {
      return (List<String>) value(key);
    }

    private static ConfigException invalid(ConfigKey key, Value v, IllegalArgumentException e) {
      // A rule that knows more than "breaks the rule" (per-node latency) passes it as the cause.
      String detail =
          e.getCause() instanceof IllegalArgumentException why ? " (" + why.getMessage() + ")" : "";
      return new ConfigException(
          "config key '"
              + key.key()
              + "' = '"
              + v.text()
              + "' (from "
              + v.source()
              + ") is invalid: it "
              + key.rule().describe()
              + detail
              + "; fix it in the config file or with "
              + key.envName());
    }
  }
}
