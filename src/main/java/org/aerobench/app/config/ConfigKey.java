package org.aerobench.app.config;

import java.util.Locale;
import org.aerobench.client.ClientSettings;
import org.aerobench.embedded.cluster.ClusterConfig;
import org.aerobench.embedded.cluster.NodeLatency;

/**
 * Every configuration key with its default and rule: the single source of defaults. {@code
 * conf/app.properties} documents the same keys (a test keeps the two in step). Any key can be
 * overridden by the environment variable {@link #envName()}.
 */
public enum ConfigKey {
  AEROSPIKE_HOSTS("aerospike.hosts", "", Rule.HOSTS),
  AEROSPIKE_NAMESPACE("aerospike.namespace", "test", Rule.NAME),
  AEROSPIKE_CONNECT_TIMEOUT_MS("aerospike.connect.timeout.ms", "1000", Rule.range(1, 60_000)),
  AEROSPIKE_TOTAL_TIMEOUT_MS("aerospike.total.timeout.ms", "1000", Rule.range(1, 60_000)),
  AEROSPIKE_SOCKET_TIMEOUT_MS("aerospike.socket.timeout.ms", "500", Rule.range(1, 60_000)),
  AEROSPIKE_MAX_RETRIES("aerospike.max.retries", "2", Rule.range(0, 100)),
  AEROSPIKE_CLIENT_PER_STYLE("aerospike.client.per.style", "true", Rule.BOOL),
  AEROSPIKE_MAX_CONNS_PER_NODE("aerospike.max.conns.per.node", "256", Rule.range(1, 10_000)),
  AEROSPIKE_TEND_INTERVAL_MS("aerospike.tend.interval.ms", "1000", Rule.range(10, 60_000)),
  AEROSPIKE_SYNC_POOL_THREADS(
      "aerospike.sync.pool.threads",
      "",
      Rule.optionalLimit(1, 1024, "aerospike.concurrency.limit", "aerospike.sync.pool.threads=16")),
  AEROSPIKE_SYNC_QUEUE_CAPACITY("aerospike.sync.queue.capacity", "4608", Rule.range(1, 1_000_000)),
  AEROSPIKE_VIRTUAL_MAX_CONCURRENT(
      "aerospike.virtual.max.concurrent",
      "",
      Rule.optionalLimit(
          1, 100_000, "aerospike.concurrency.limit", "aerospike.virtual.max.concurrent=16")),
  AEROSPIKE_EVENT_LOOP_KIND(
      "aerospike.event.loop.kind", "nio", Rule.oneOf("nio", "netty_epoll", "netty-epoll")),
  AEROSPIKE_EVENT_LOOP_COUNT("aerospike.event.loop.count", "0", Rule.range(0, 256)),
  AEROSPIKE_MAX_COMMANDS_IN_PROCESS(
      "aerospike.max.commands.in.process",
      "",
      Rule.optionalLimit(
          5,
          100_000,
          "aerospike.async.max.commands, at least 5",
          "aerospike.max.commands.in.process=16")),
  AEROSPIKE_MAX_COMMANDS_IN_QUEUE(
      "aerospike.max.commands.in.queue", "4608", Rule.range(1, 1_000_000)),
  // Equal, recorded limits: one knob for every style's concurrency, and the batch policy.
  AEROSPIKE_CONCURRENCY_LIMIT(
      "aerospike.concurrency.limit", "16", Rule.limit(1024, "aerospike.concurrency.limit=16")),
  AEROSPIKE_ASYNC_MAX_COMMANDS(
      "aerospike.async.max.commands",
      "",
      Rule.optionalLimit(
          1, 100_000, "aerospike.concurrency.limit", "aerospike.async.max.commands=16")),
  AEROSPIKE_SLEEP_BETWEEN_RETRIES_MS(
      "aerospike.sleep.between.retries.ms", "0", Rule.range(0, 60_000)),
  AEROSPIKE_BATCH_MAX_CONCURRENT_THREADS(
      "aerospike.batch.max.concurrent.threads", "1", Rule.range(0, 1024)),
  AEROSPIKE_BATCH_ALLOW_INLINE("aerospike.batch.allow.inline", "true", Rule.BOOL),
  AEROSPIKE_BATCH_ALLOW_INLINE_SSD("aerospike.batch.allow.inline.ssd", "false", Rule.BOOL),
  AEROSPIKE_BATCH_RESPOND_ALL_KEYS("aerospike.batch.respond.all.keys", "true", Rule.BOOL),
  AEROSPIKE_REPLICA(
      "aerospike.replica", "SEQUENCE", Rule.oneOfAnyCase(ClientSettings.replicaNames())),
  HTTP_BIND_ADDRESS("http.bind.address", "127.0.0.1", Rule.NAME),
  HTTP_PORT("http.port", "8080", Rule.range(0, 65_535)),
  INFLIGHT_LIMIT("inflight.limit", "0", Rule.range(0, 100_000)),
  REQUEST_DEADLINE_MS("request.deadline.ms", "1000", Rule.range(1, 60_000)),
  INFLIGHT_MAX_WAITING("inflight.max.waiting", "0", Rule.range(0, 1_000_000)),
  READY_FAILURE_WINDOW_MS("ready.failure.window.ms", "2000", Rule.range(1, 600_000)),
  READY_PROBE_INTERVAL_MS("ready.probe.interval.ms", "500", Rule.range(10, 60_000)),
  INFERENCE_THREADS("inference.threads", "0", Rule.range(0, 1024)),
  INFERENCE_QUEUE("inference.queue", "4096", Rule.range(1, 1_000_000)),
  MODEL_ENGINE("model.engine", "java", Rule.oneOf("java", "scalar", "pytorch")),
  MODEL_SEED("model.seed", "42", Rule.range(0, Integer.MAX_VALUE)),
  MODEL_WARMUP("model.warmup", "true", Rule.BOOL),
  EMBEDDED_PORT("embedded.port", "0", Rule.range(0, 65_535)),
  EMBEDDED_NODES("embedded.nodes", "1", Rule.range(1, ClusterConfig.MAX_NODES)),
  EMBEDDED_REPLICATION_FACTOR(
      "embedded.replication.factor",
      "",
      Rule.optionalInt(
          1, ClusterConfig.MAX_NODES, "min(2, embedded.nodes)", "embedded.replication.factor=2")),
  EMBEDDED_NODE_LATENCY("embedded.node.latency", "", Rule.nodeLatency("embedded.node.latency")),
  EMBEDDED_LATENCY_FIXED_MS("embedded.latency.fixed.ms", "0", Rule.millis(0, 60_000)),
  EMBEDDED_LATENCY_MEDIAN_MS("embedded.latency.median.ms", "0", Rule.millis(0, 60_000)),
  EMBEDDED_LATENCY_P99_MS("embedded.latency.p99.ms", "0", Rule.millis(0, 60_000)),
  TEST_SLOWDOWN_STYLE(
      "test.slowdown.style", "none", Rule.oneOf("none", "sync", "async", "virtual")),
  TEST_SLOWDOWN_MS("test.slowdown.ms", "0", Rule.millis(0, 1_000));

  private final String key;
  private final String defaultValue;
  private final Rule rule;

  ConfigKey(String key, String defaultValue, Rule rule) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.rule = rule;
  }

  /** The property name in {@code conf/app.properties}. */
  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public Rule rule() {
    return rule;
  }

  /** {@code AEROBENCH_} + the key upper-cased with dots as underscores. */
  public String envName() {
    return "AEROBENCH_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** The key for a property name, or null. */
  public static ConfigKey byKey(String key) {
    for (ConfigKey k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    return null;
  }

  /**
   * What a value must look like; {@link #describe()} is quoted in error messages, with {@code
   * example} (a valid line) when there is one.
   */
  public record Rule(
      String kind, long min, long max, java.util.List<String> allowed, String example) {

    Rule(String kind, long min, long max, java.util.List<String> allowed) {
      this(kind, min, max, allowed, "");
    }

    static final Rule HOSTS = new Rule("hosts", 0, 0, java.util.List.of());
    static final Rule NAME = new Rule("name", 0, 0, java.util.List.of());

    /** {@code true} or {@code false}, worded like any other choice. */
    static final Rule BOOL = new Rule("bool", 0, 0, java.util.List.of("true", "false"));

    static Rule range(long min, long max) {
      return new Rule("int", min, max, java.util.List.of());
    }

    /** Milliseconds, fractions allowed (the embedded server schedules in nanoseconds). */
    static Rule millis(long min, long max) {
      return new Rule("ms", min, max, java.util.List.of());
    }

    /** A concurrency limit: an integer from 1 (a limit of 0 would never run a read). */
    static Rule limit(long max, String example) {
      return new Rule("limit", 1, max, java.util.List.of(), example);
    }

    /**
     * A per-style concurrency limit: empty takes the value of {@code inheritedFrom}, else an
     * integer in min..max.
     */
    static Rule optionalLimit(long min, long max, String inheritedFrom, String example) {
      return new Rule("limit?", min, max, java.util.List.of(inheritedFrom), example);
    }

    /** Empty (= {@code meaningOfEmpty}, parsed to null) or an integer in min..max. */
    static Rule optionalInt(long min, long max, String meaningOfEmpty, String example) {
      return new Rule("int?", min, max, java.util.List.of(meaningOfEmpty), example);
    }

    /**
     * Empty or per-node latency in {@link NodeLatency}'s form, checked against the largest cluster
     * here (the configured node count is checked with the other embedded keys); parses to the text.
     */
    static Rule nodeLatency(String key) {
      return new Rule("node-latency", 1, ClusterConfig.MAX_NODES, java.util.List.of(key));
    }

    static Rule oneOf(String... allowed) {
      return new Rule("enum", 0, 0, java.util.List.of(allowed));
    }

    /** One of {@code allowed} in any case; parses to the allowed spelling. */
    static Rule oneOfAnyCase(java.util.List<String> allowed) {
      return new Rule("enum~", 0, 0, java.util.List.copyOf(allowed));
    }

    /**
     * The value {@code text} stands for under this rule: an Integer ({@code int}, {@code limit};
     * {@code limit?} also null for empty = inherited), a Double ({@code ms}), a Boolean, a String
     * ({@code enum}, {@code name}) or the host list ({@code hosts}, empty = the embedded server).
     *
     * @throws IllegalArgumentException when the text breaks the rule ({@link #describe()} says how)
     */
    public Object parse(String text) {
      return switch (kind) {
        case "int", "limit" -> integerInRange(text);
        case "limit?", "int?" -> text.isEmpty() ? null : integerInRange(text);
        case "node-latency" -> {
          try {
            NodeLatency.parse(allowed.get(0), text, (int) max);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(text, e); // the cause says what is wrong
          }
          yield text;
        }
        case "ms" -> {
          double parsed = Double.parseDouble(text);
          if (!(parsed >= min && parsed <= max)) {
            throw new IllegalArgumentException(text);
          }
          yield parsed;
        }
        case "enum" -> oneOfAllowed(text);
        case "enum~" ->
            allowed.stream()
                .filter(a -> a.equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(text));
        case "bool" -> Boolean.parseBoolean(oneOfAllowed(text));
        case "hosts" -> hosts(text);
        default -> {
          if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(text);
          }
          yield text;
        }
      };
    }

    private Integer integerInRange(String text) {
      long parsed = Long.parseLong(text);
      if (parsed < min || parsed > max) {
        throw new IllegalArgumentException(text);
      }
      return (int) parsed;
    }

    private String oneOfAllowed(String text) {
      if (!allowed.contains(text)) {
        throw new IllegalArgumentException(text);
      }
      return text;
    }

    private static java.util.List<String> hosts(String text) {
      if (text.isEmpty()) {
        return java.util.List.of();
      }
      java.util.List<String> hosts = new java.util.ArrayList<>();
      for (String part : text.split(",")) {
        String host = part.trim();
        ClientSettings.parseHost(host); // the client's own rule: host:port, port 1..65535
        hosts.add(host);
      }
      return java.util.List.copyOf(hosts);
    }

    public String describe() {
      return switch (kind) {
        case "int" -> "must be an integer in " + min + ".." + max;
        case "ms" -> "must be milliseconds in " + min + ".." + max + " (fractions allowed)";
        case "enum", "bool" -> "must be one of " + String.join(", ", allowed);
        case "enum~" -> "must be one of " + String.join(", ", allowed) + " (any case)";
        case "limit" ->
            "must be an integer in "
                + min
                + ".."
                + max
                + " (a concurrency limit below 1 would never run a read), e.g. "
                + example;
        case "limit?" ->
            "must be empty (= "
                + allowed.get(0)
                + ") or an integer in "
                + min
                + ".."
                + max
                + " (a concurrency limit below "
                + min
                + " is refused), e.g. "
                + example;
        case "hosts" ->
            "must be empty (start the embedded server) or a comma-separated list of host:port"
                + " with port 1..65535";
        case "int?" ->
            "must be empty (= "
                + allowed.get(0)
                + ") or an integer in "
                + min
                + ".."
                + max
                + ", e.g. "
                + example;
        case "node-latency" ->
            "must be empty (no node with a latency of its own) or <node>:<latency>[,...] with"
                + " <latency> off, fixed-ms=<ms> or median-ms=<ms>;p99-ms=<ms>, e.g. "
                + NodeLatency.EXAMPLE;
        default -> "must be a non-empty name without spaces";
      };
    }
  }
}
