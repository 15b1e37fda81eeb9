package org.aerobench.client;

import com.aerospike.client.policy.Replica;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every component of {@link ClientSettings}, in record order: its meaning, its default and the
 * lowest value it takes. The builder's defaults, {@link ClientSettings#toBuilder()}, the minimum
 * checks and {@link ClientSettings#toString()} each read this table in one loop, so a new setting
 * is one entry here plus its record component and builder setter. A null default means the setting
 * is inherited when built (see the entry).
 */
enum ClientSetting {
  /** Seed hosts as {@code host:port}. */
  HOSTS(() -> List.of("127.0.0.1:3000"), null, ClientSettings::hosts),
  /** Namespace the sets live in. */
  NAMESPACE(() -> "test", null, ClientSettings::namespace),
  /**
   * User name, or null for a server without security; take it from the environment ({@link
   * ClientSettings#fromEnvironmentCredentials}) only, never from a file.
   */
  USER(() -> null, null, ClientSettings::user),
  /** Password, or null. Never printed by {@link ClientSettings#toString()}. */
  PASSWORD(() -> null, null, ClientSettings::password),
  /** Timeout of connecting and of cluster-tend info requests (ClientPolicy.timeout). */
  CONNECT_TIMEOUT_MS(() -> 1000, 1, ClientSettings::connectTimeoutMs),
  /**
   * Total time a batch read may take, retries included; a read of an unreachable cluster fails
   * within it.
   */
  TOTAL_TIMEOUT_MS(() -> 1000, 1, ClientSettings::totalTimeoutMs),
  /**
   * Idle-socket timeout of one attempt. Below totalTimeoutMs, so that an attempt that times out
   * leaves time for a retry (equal, a timeout is never retried).
   */
  SOCKET_TIMEOUT_MS(() -> 500, 1, ClientSettings::socketTimeoutMs),
  /** Retries of a failed batch read attempt within totalTimeoutMs. */
  MAX_RETRIES(() -> 2, 0, ClientSettings::maxRetries),
  /** Sync connections per node (shared by the sync pool and virtual threads). */
  MAX_CONNS_PER_NODE(() -> 256, 1, ClientSettings::maxConnsPerNode),
  /** NIO or NETTY_EPOLL. */
  EVENT_LOOP_KIND(() -> EventLoopKind.NIO, null, ClientSettings::eventLoopKind),
  /** Number of event loops (threads); by default one per available processor. */
  EVENT_LOOP_COUNT(
      () -> Runtime.getRuntime().availableProcessors(), 1, ClientSettings::eventLoopCount),
  /**
   * The client's own bound of async commands running at once per event loop; more wait in the
   * loop's delay queue, untimed. At least 5 (client rule). Inherited: asyncMaxCommands (at least
   * 5), so that the async style's own limit is the one that binds.
   */
  MAX_COMMANDS_IN_PROCESS(() -> null, 5, ClientSettings::maxCommandsInProcess),
  /**
   * Delay-queue bound per event loop; past it a command fails with {@code
   * AerospikeException.AsyncQueueFull} (map it to 503). At least 1: unbounded is refused. Default
   * 4608 = 512 in-flight requests x 9 sets.
   */
  MAX_COMMANDS_IN_QUEUE(() -> 4608, 1, ClientSettings::maxCommandsInQueue),
  /**
   * Threads of the sync style's pool (the reference's THREAD_POOL_SIZE). Inherited:
   * concurrencyLimit.
   */
  SYNC_POOL_THREADS(() -> null, 1, ClientSettings::syncPoolThreads),
  /**
   * Bound of the sync pool's task queue; past it a read fails with an overload error ({@link
   * ClientFailures#isOverload}).
   */
  SYNC_QUEUE_CAPACITY(() -> 4608, 1, ClientSettings::syncQueueCapacity),
  /**
   * Blocking reads at once on virtual threads; the others wait (virtual threads park cheaply) so
   * the sync connection pool is not exhausted. Inherited: concurrencyLimit.
   */
  VIRTUAL_MAX_CONCURRENT(() -> null, 1, ClientSettings::virtualMaxConcurrent),
  /** Cluster tend interval; also how fast a restarted server is found again. */
  TEND_INTERVAL_MS(() -> 1000, 10, ClientSettings::tendIntervalMs),
  /**
   * Each client style gets an AerospikeClient of its own (connection pools, event loops, tend
   * thread, the client's error-rate circuit breaker), so that a style that saturates cannot trip
   * another style's breaker or take its connections.
   */
  CLIENT_PER_STYLE(() -> true, null, ClientSettings::clientPerStyle),
  /**
   * The default limit of every client style: sync pool threads, virtual permits, async commands in
   * process (each overridable), so that no style is favoured by a larger one. Default 16, the
   * reference's THREAD_POOL_SIZE.
   */
  CONCURRENCY_LIMIT(() -> 16, 1, ClientSettings::concurrencyLimit),
  /**
   * Async commands in process at once over all event loops, kept by the async style itself; more
   * wait in the style (timed as queue) for at most {@link ClientSettings#asyncCommandQueue()}.
   * Inherited: concurrencyLimit.
   */
  ASYNC_MAX_COMMANDS(() -> null, 1, ClientSettings::asyncMaxCommands),
  /** Pause before a retry; 0 is the client's batch default. */
  SLEEP_BETWEEN_RETRIES_MS(() -> 0, 0, ClientSettings::sleepBetweenRetriesMs),
  /**
   * The batch policy's maxConcurrentThreads (client default 1): documented as 1 = one node after
   * the other, 0 = every node at once, but aerospike-client-jdk21 9.0.4's blocking batch does not
   * read it and always calls the nodes at once on virtual threads (its BatchExecutor); recorded so
   * that a run says what was asked.
   */
  BATCH_MAX_CONCURRENT_THREADS(() -> 1, 0, ClientSettings::batchMaxConcurrentThreads),
  /**
   * The batch policy's allowInline (the server answers in-memory keys in its service thread);
   * client default.
   */
  BATCH_ALLOW_INLINE(() -> true, null, ClientSettings::batchAllowInline),
  /** The batch policy's allowInlineSSD; client default. */
  BATCH_ALLOW_INLINE_SSD(() -> false, null, ClientSettings::batchAllowInlineSsd),
  /** The batch policy's respondAllKeys; client default. */
  BATCH_RESPOND_ALL_KEYS(() -> true, null, ClientSettings::batchRespondAllKeys),
  /**
   * Which copy of a partition the read and batch policies read: SEQUENCE (client default) the
   * master, then the replicas in turn on a retry; MASTER only the master; MASTER_PROLES and RANDOM
   * spread reads over the copies. With one node every choice reads the same node.
   */
  REPLICA(() -> Replica.SEQUENCE, null, ClientSettings::replica);

  private final Supplier<Object> defaultValue;
  private final Integer min;
  private final Function<ClientSettings, Object> accessor;

  ClientSetting(
      Supplier<Object> defaultValue, Integer min, Function<ClientSettings, Object> accessor) {
    this.defaultValue = defaultValue;
    this.min = min;
    this.accessor = accessor;
  }

  /** The record component's name: the constant's name in lower camel case. */
  String fieldName() {
    StringBuilder name = new StringBuilder();
    for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
      name.append(
          name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return name.toString();
  }

  /** A new builder's value (null = inherited when built). */
  Object defaultValue() {
    return defaultValue.get();
  }

  /** This setting's value in {@code settings}. */
  Object of(ClientSettings settings) {
    return accessor.apply(settings);
  }

  /** The value as {@link ClientSettings#toString()} shows it: a password only as {@code ****}. */
  String shown(ClientSettings settings) {
    Object value = of(settings);
    return this == PASSWORD && value != null ? "****" : String.valueOf(value);
  }

  /**
   * Refuses a value below this setting's minimum, naming the field, the value and the rule.
   *
   * @throws IllegalArgumentException when {@code value} is below the minimum
   */
  void checkAtLeastMinimum(int value) {
    if (min == null) {
      throw new IllegalStateException(this + " has no minimum");
    }
    if (value < min) {
      throw new IllegalArgumentException(
          fieldName() + " " + value + " is invalid; it must be >= " + min);
    }
  }
}
