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
import org.aerobench.client.ClientSettings;
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
        new AppConfig.Http(r.name(ConfigKey.HTTP_BIND_ADDRESS), r.integer(ConfigKey.HTTP_PORT));
    AppConfig.Limits limits =
        new AppConfig.Limits(
            r.integer(ConfigKey.INFLIGHT_LIMIT),
            r.integer(ConfigKey.REQUEST_DEADLINE_MS),
            r.integer(ConfigKey.INFLIGHT_MAX_WAITING),
            r.integer(ConfigKey.INFERENCE_THREADS),
            r.integer(ConfigKey.INFERENCE_QUEUE));
    AppConfig.Model model =
        new AppConfig.Model(
            r.oneOf(ConfigKey.MODEL_ENGINE),
            r.integer(ConfigKey.MODEL_SEED),
            Boolean.parseBoolean(r.oneOf(ConfigKey.MODEL_WARMUP)));
    AppConfig.Embedded embedded =
        new AppConfig.Embedded(
            hosts.isEmpty(),
            r.integer(ConfigKey.EMBEDDED_PORT),
            r.millis(ConfigKey.EMBEDDED_LATENCY_FIXED_MS),
            r.millis(ConfigKey.EMBEDDED_LATENCY_MEDIAN_MS),
            r.millis(ConfigKey.EMBEDDED_LATENCY_P99_MS));
    checkedEmbedded(embedded);
    AppConfig.Ready ready =
        new AppConfig.Ready(
            r.integer(ConfigKey.READY_FAILURE_WINDOW_MS),
            r.integer(ConfigKey.READY_PROBE_INTERVAL_MS));
    AppConfig.Slowdown slowdown =
        new AppConfig.Slowdown(
            r.oneOf(ConfigKey.TEST_SLOWDOWN_STYLE), r.millis(ConfigKey.TEST_SLOWDOWN_MS));
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
    ClientSettings.Builder b =
        ClientSettings.builder()
            .namespace(r.name(ConfigKey.AEROSPIKE_NAMESPACE))
            .connectTimeoutMs(r.integer(ConfigKey.AEROSPIKE_CONNECT_TIMEOUT_MS))
            .totalTimeoutMs(r.integer(ConfigKey.AEROSPIKE_TOTAL_TIMEOUT_MS))
            .socketTimeoutMs(r.integer(ConfigKey.AEROSPIKE_SOCKET_TIMEOUT_MS))
            .maxRetries(r.integer(ConfigKey.AEROSPIKE_MAX_RETRIES))
            .sleepBetweenRetriesMs(r.integer(ConfigKey.AEROSPIKE_SLEEP_BETWEEN_RETRIES_MS))
            .batchMaxConcurrentThreads(r.integer(ConfigKey.AEROSPIKE_BATCH_MAX_CONCURRENT_THREADS))
            .batchAllowInline(Boolean.parseBoolean(r.oneOf(ConfigKey.AEROSPIKE_BATCH_ALLOW_INLINE)))
            .batchAllowInlineSsd(
                Boolean.parseBoolean(r.oneOf(ConfigKey.AEROSPIKE_BATCH_ALLOW_INLINE_SSD)))
            .batchRespondAllKeys(
                Boolean.parseBoolean(r.oneOf(ConfigKey.AEROSPIKE_BATCH_RESPOND_ALL_KEYS)))
            .concurrencyLimit(r.integer(ConfigKey.AEROSPIKE_CONCURRENCY_LIMIT))
            .asyncMaxCommands(r.optionalInteger(ConfigKey.AEROSPIKE_ASYNC_MAX_COMMANDS))
            .clientPerStyle(Boolean.parseBoolean(r.oneOf(ConfigKey.AEROSPIKE_CLIENT_PER_STYLE)))
            .maxConnsPerNode(r.integer(ConfigKey.AEROSPIKE_MAX_CONNS_PER_NODE))
            .tendIntervalMs(r.integer(ConfigKey.AEROSPIKE_TEND_INTERVAL_MS))
            .syncPoolThreads(r.optionalInteger(ConfigKey.AEROSPIKE_SYNC_POOL_THREADS))
            .syncQueueCapacity(r.integer(ConfigKey.AEROSPIKE_SYNC_QUEUE_CAPACITY))
            .virtualMaxConcurrent(r.optionalInteger(ConfigKey.AEROSPIKE_VIRTUAL_MAX_CONCURRENT))
            .eventLoopKind(
                EventLoopKind.fromConfigName(
                    r.oneOf(ConfigKey.AEROSPIKE_EVENT_LOOP_KIND).replace('-', '_')))
            .eventLoopCount(coresIfZero(r.integer(ConfigKey.AEROSPIKE_EVENT_LOOP_COUNT)))
            .maxCommandsInProcess(r.optionalInteger(ConfigKey.AEROSPIKE_MAX_COMMANDS_IN_PROCESS))
            .maxCommandsInQueue(r.integer(ConfigKey.AEROSPIKE_MAX_COMMANDS_IN_QUEUE));
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

  /** The event loop count convention of the config: 0 = one loop per core. */
  private static int coresIfZero(int eventLoopCount) {
    return eventLoopCount > 0 ? eventLoopCount : Runtime.getRuntime().availableProcessors();
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

    int integer(ConfigKey key) {
      Value v = raw.get(key);
      long parsed;
      try {
        parsed = Long.parseLong(v.text());
      } catch (NumberFormatException e) {
        throw invalid(key, v);
      }
      if (parsed < key.rule().min() || parsed > key.rule().max()) {
        throw invalid(key, v);
      }
      return (int) parsed;
    }

    /** An integer by the key's rule, or null when the value is empty (= inherited). */
    Integer optionalInteger(ConfigKey key) {
      return raw.get(key).text().isEmpty() ? null : integer(key);
    }

    double millis(ConfigKey key) {
      Value v = raw.get(key);
      double parsed;
      try {
        parsed = Double.parseDouble(v.text());
      } catch (NumberFormatException e) {
        throw invalid(key, v);
      }
      if (!(parsed >= key.rule().min() && parsed <= key.rule().max())) {
        throw invalid(key, v);
      }
      return parsed;
    }

    String oneOf(ConfigKey key) {
      Value v = raw.get(key);
      if (!key.rule().allowed().contains(v.text())) {
        throw invalid(key, v);
      }
      return v.text();
    }

    String name(ConfigKey key) {
      Value v = raw.get(key);
      if (v.text().isEmpty() || v.text().chars().anyMatch(Character::isWhitespace)) {
        throw invalid(key, v);
      }
      return v.text();
    }

    List<String> hosts(ConfigKey key) {
      Value v = raw.get(key);
      if (v.text().isEmpty()) {
        return List.of();
      }
      List<String> hosts = new ArrayList<>();
      for (String part : v.text().split(",")) {
        String host = part.trim();
        try {
          ClientSettings.parseHost(host); // the client's own rule: host:port, port 1..65535
        } catch (IllegalArgumentException e) {
          throw invalid(key, v); // names the config key, its source and the env override
        }
        hosts.add(host);
      }
      return hosts;
    }

    private static ConfigException invalid(ConfigKey key, Value v) {
      return new ConfigException(
          "config key '"
              + key.key()
              + "' = '"
              + v.text()
              + "' (from "
              + v.source()
              + ") is invalid: it "
              + key.rule().describe()
              + "; fix it in the config file or with "
              + key.envName());
    }
  }
}
