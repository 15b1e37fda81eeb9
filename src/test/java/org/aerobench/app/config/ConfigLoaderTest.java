package org.aerobench.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.aerospike.client.policy.Replica;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.aerobench.client.EventLoopKind;
import org.aerobench.embedded.Latency;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  private static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void defaults_match_the_documented_reference_values() {
    AppConfig config = ConfigLoader.defaults(Map.of());

    assertThat(config.embedded().enabled()).isTrue();
    assertThat(config.aerospike().namespace()).isEqualTo("test");
    assertThat(config.aerospike().syncPoolThreads()).isEqualTo(16);
    assertThat(config.http().bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.http().port()).isEqualTo(8080);
    // Admission is derived per style from its own concurrency: pool threads, permits, loops.
    assertThat(config.limits().inFlightLimit()).isZero();
    assertThat(config.limits().admitted("sync", config.aerospike())).isEqualTo(16);
    assertThat(config.limits().admitted("virtual", config.aerospike())).isEqualTo(16);
    assertThat(config.limits().admitted("async", config.aerospike())).isEqualTo(16);
    assertThat(config.limits().waiting("sync", config.aerospike())).isEqualTo(64);
    assertThat(config.aerospike().clientPerStyle()).isTrue();
    assertThat(
            ConfigLoader.defaults(Map.of("AEROBENCH_AEROSPIKE_CLIENT_PER_STYLE", "false"))
                .aerospike()
                .clientPerStyle())
        .isFalse();
    assertThat(config.limits().requestDeadlineMs()).isEqualTo(1000);
    assertThat(config.ready().failureWindowMs()).isEqualTo(2000);
    assertThat(config.model().engine()).isEqualTo("java");
    assertThat(config.model().seed()).isEqualTo(42);
  }

  @Test
  void one_knob_sets_every_styles_concurrency_limit_and_a_styles_own_key_overrides_it() {
    AppConfig equal = ConfigLoader.load(props("aerospike.concurrency.limit", "32"), "f", Map.of());

    assertThat(equal.aerospike().syncPoolThreads()).isEqualTo(32);
    assertThat(equal.aerospike().virtualMaxConcurrent()).isEqualTo(32);
    assertThat(equal.aerospike().asyncMaxCommands()).isEqualTo(32);
    // The client's per-loop bound follows, so the async style's own limit is the one that binds.
    assertThat(equal.aerospike().maxCommandsInProcess()).isEqualTo(32);
    for (String style : new String[] {"sync", "async", "virtual"}) {
      assertThat(equal.limits().admitted(style, equal.aerospike())).as(style).isEqualTo(32);
    }

    AppConfig overridden =
        ConfigLoader.load(
            props("aerospike.concurrency.limit", "32", "aerospike.sync.pool.threads", "8"),
            "f",
            Map.of("AEROBENCH_AEROSPIKE_ASYNC_MAX_COMMANDS", "100"));
    assertThat(overridden.aerospike().syncPoolThreads()).isEqualTo(8);
    assertThat(overridden.aerospike().virtualMaxConcurrent()).isEqualTo(32);
    assertThat(overridden.aerospike().asyncMaxCommands()).isEqualTo(100);
  }

  @Test
  void a_per_style_limit_below_one_is_refused_naming_the_key_the_rule_and_an_example() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () -> ConfigLoader.load(props("aerospike.sync.pool.threads", "0"), "f", Map.of()))
        .withMessage(
            "config key 'aerospike.sync.pool.threads' = '0' (from f) is invalid: it must be empty"
                + " (= aerospike.concurrency.limit) or an integer in 1..1024 (a concurrency limit"
                + " below 1 is refused), e.g. aerospike.sync.pool.threads=16; fix it in the config"
                + " file or with AEROBENCH_AEROSPIKE_SYNC_POOL_THREADS");
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () -> ConfigLoader.defaults(Map.of("AEROBENCH_AEROSPIKE_VIRTUAL_MAX_CONCURRENT", "-1")))
        .withMessageContaining("'aerospike.virtual.max.concurrent' = '-1'")
        .withMessageContaining("e.g. aerospike.virtual.max.concurrent=16");
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () -> ConfigLoader.load(props("aerospike.async.max.commands", "0"), "f", Map.of()))
        .withMessageContaining("'aerospike.async.max.commands' = '0'")
        .withMessageContaining("e.g. aerospike.async.max.commands=16");
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () -> ConfigLoader.load(props("aerospike.concurrency.limit", "0"), "f", Map.of()))
        .withMessageContaining(
            "must be an integer in 1..1024 (a concurrency limit below 1 would never run a read),"
                + " e.g. aerospike.concurrency.limit=16");
  }

  @Test
  void default_timeouts_let_a_retry_follow_a_timed_out_attempt() {
    AppConfig config = ConfigLoader.defaults(Map.of());

    // At socket timeout = total timeout the first timeout ends the command: no retry can run.
    assertThat(config.aerospike().maxRetries()).isPositive();
    assertThat(config.aerospike().socketTimeoutMs())
        .isLessThan(config.aerospike().totalTimeoutMs());
    // At least one retry fits after a timed-out attempt.
    assertThat(2 * config.aerospike().socketTimeoutMs())
        .isLessThanOrEqualTo(config.aerospike().totalTimeoutMs());
  }

  @Test
  void the_batch_policy_keys_reach_the_client_settings() {
    AppConfig config =
        ConfigLoader.load(
            props(
                "aerospike.batch.max.concurrent.threads", "0",
                "aerospike.batch.allow.inline", "false",
                "aerospike.batch.allow.inline.ssd", "true",
                "aerospike.batch.respond.all.keys", "false",
                "aerospike.sleep.between.retries.ms", "5"),
            "f",
            Map.of());

    assertThat(config.aerospike().batchMaxConcurrentThreads()).isZero();
    assertThat(config.aerospike().batchAllowInline()).isFalse();
    assertThat(config.aerospike().batchAllowInlineSsd()).isTrue();
    assertThat(config.aerospike().batchRespondAllKeys()).isFalse();
    assertThat(config.aerospike().sleepBetweenRetriesMs()).isEqualTo(5);
    var policy = org.aerobench.client.AerospikeConnection.batchPolicy(config.aerospike());
    assertThat(policy.maxConcurrentThreads).isZero();
    assertThat(policy.allowInline).isFalse();
    assertThat(policy.allowInlineSSD).isTrue();
    assertThat(policy.respondAllKeys).isFalse();
    assertThat(policy.sleepBetweenRetries).isEqualTo(5);
  }

  @Test
  void
      the_replica_policy_defaults_to_sequence_takes_any_case_and_reaches_read_and_batch_policies() {
    assertThat(ConfigLoader.defaults(Map.of()).aerospike().replica()).isEqualTo(Replica.SEQUENCE);

    AppConfig config =
        ConfigLoader.load(props("aerospike.replica", "master_proles"), "f", Map.of());

    assertThat(config.aerospike().replica()).isEqualTo(Replica.MASTER_PROLES);
    var client = org.aerobench.client.AerospikeConnection.clientPolicy(config.aerospike(), null);
    assertThat(client.readPolicyDefault.replica).isEqualTo(Replica.MASTER_PROLES);
    assertThat(client.batchPolicyDefault.replica).isEqualTo(Replica.MASTER_PROLES);
  }

  @Test
  void an_unknown_replica_policy_is_refused_naming_the_key_the_value_and_every_allowed_value() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(() -> ConfigLoader.defaults(Map.of("AEROBENCH_AEROSPIKE_REPLICA", "nearest")))
        .withMessage(
            "config key 'aerospike.replica' = 'nearest' (from environment variable"
                + " AEROBENCH_AEROSPIKE_REPLICA) is invalid: it must be one of MASTER,"
                + " MASTER_PROLES, SEQUENCE, PREFER_RACK, RANDOM (any case); fix it in the config"
                + " file or with AEROBENCH_AEROSPIKE_REPLICA");
  }

  @Test
  void the_embedded_cluster_keys_default_to_one_node_and_take_environment_overrides() {
    AppConfig.Embedded one = ConfigLoader.defaults(Map.of()).embedded();
    assertThat(one.nodes()).isEqualTo(1);
    assertThat(one.replicas()).isEqualTo(1);
    assertThat(one.nodeLatencies()).isEmpty();

    AppConfig.Embedded three =
        ConfigLoader.load(
                props("embedded.nodes", "2", "embedded.node.latency", "1:fixed-ms=9"),
                "f",
                Map.of(
                    "AEROBENCH_EMBEDDED_NODES", "3",
                    "AEROBENCH_EMBEDDED_NODE_LATENCY", "3:median-ms=20;p99-ms=100"))
            .embedded();

    assertThat(three.nodes()).isEqualTo(3);
    assertThat(three.replicas()).as("empty = min(2, nodes)").isEqualTo(2);
    assertThat(three.nodeLatencies())
        .containsExactly(
            Map.entry(3, Latency.logNormal(Duration.ofMillis(20), Duration.ofMillis(100))));
    assertThat(
            ConfigLoader.defaults(
                    Map.of(
                        "AEROBENCH_EMBEDDED_NODES", "3",
                        "AEROBENCH_EMBEDDED_REPLICATION_FACTOR", "3"))
                .embedded()
                .replicas())
        .isEqualTo(3);
  }

  @Test
  void nodes_outside_one_to_eight_are_refused_naming_the_key_the_value_and_the_range() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () -> ConfigLoader.load(props("embedded.nodes", "9"), "app.properties", Map.of()))
        .withMessage(
            "config key 'embedded.nodes' = '9' (from app.properties) is invalid: it must be an"
                + " integer in 1..8; fix it in the config file or with AEROBENCH_EMBEDDED_NODES");
  }

  @Test
  void a_replication_factor_above_the_nodes_is_refused_with_the_rule_and_an_example() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () ->
                ConfigLoader.load(
                    props("embedded.nodes", "2", "embedded.replication.factor", "3"),
                    "f",
                    Map.of()))
        .withMessage(
            "embedded.replication.factor=3 is above embedded.nodes=2: a partition cannot have"
                + " more copies than there are nodes; give 1..2 or leave it empty (= min(2,"
                + " embedded.nodes)), e.g. embedded.nodes=3 embedded.replication.factor=2");
  }

  @Test
  void latency_for_a_node_that_does_not_exist_is_refused_naming_the_node_and_the_nodes() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () ->
                ConfigLoader.load(
                    props("embedded.nodes", "3", "embedded.node.latency", "4:fixed-ms=2"),
                    "f",
                    Map.of()))
        .withMessageContaining("embedded.nodes=3, embedded.node.latency '4:fixed-ms=2'")
        .withMessageContaining("node 4 does not exist; the cluster has nodes 1..3")
        .withMessageContaining("e.g. embedded.node.latency 3:median-ms=20;p99-ms=100");
  }

  @Test
  void malformed_node_latency_is_refused_naming_the_key_the_source_and_what_is_wrong() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () -> ConfigLoader.defaults(Map.of("AEROBENCH_EMBEDDED_NODE_LATENCY", "3=slow")))
        .withMessageContaining(
            "config key 'embedded.node.latency' = '3=slow' (from environment variable"
                + " AEROBENCH_EMBEDDED_NODE_LATENCY) is invalid")
        .withMessageContaining("each entry is <node>:<latency>")
        .withMessageContaining("e.g. 3:median-ms=20;p99-ms=100");
  }

  @Test
  void cluster_keys_with_external_hosts_are_refused_saying_the_cluster_is_not_started() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () ->
                ConfigLoader.load(
                    props("aerospike.hosts", "a:3000", "embedded.nodes", "3"), "f", Map.of()))
        .withMessage(
            "embedded.nodes=3 given with aerospike.hosts=a:3000: the embedded cluster is not"
                + " started when aerospike.hosts names a cluster, so these would do nothing; drop"
                + " them, or leave aerospike.hosts empty to start the embedded cluster, e.g."
                + " aerospike.hosts= embedded.nodes=3");
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () ->
                ConfigLoader.load(
                    props(
                        "aerospike.hosts",
                        "a:3000",
                        "embedded.replication.factor",
                        "1",
                        "embedded.node.latency",
                        "1:off"),
                    "f",
                    Map.of()))
        .withMessageStartingWith(
            "embedded.replication.factor=1, embedded.node.latency=1:off given with"
                + " aerospike.hosts=a:3000");
  }

  @Test
  void environment_overrides_the_file_which_overrides_the_default() {
    AppConfig config =
        ConfigLoader.load(
            props("http.port", "9090", "aerospike.hosts", "10.0.0.1:3000"),
            "app.properties",
            Map.of(
                "AEROBENCH_AEROSPIKE_HOSTS", "a:3000, b:3100", "AEROBENCH_INFLIGHT_LIMIT", "64"));

    assertThat(config.http().port()).isEqualTo(9090);
    assertThat(config.aerospike().hosts()).containsExactly("a:3000", "b:3100");
    assertThat(config.embedded().enabled()).isFalse();
    assertThat(config.limits().inFlightLimit()).isEqualTo(64);
  }

  @Test
  void client_settings_carry_every_aerospike_key_and_zero_event_loops_means_one_per_core() {
    AppConfig config =
        ConfigLoader.load(
            props(
                "aerospike.hosts", "10.0.0.1:3000",
                "aerospike.namespace", "bar",
                "aerospike.max.commands.in.process", "7",
                "aerospike.event.loop.kind", "netty-epoll"),
            "f",
            Map.of("AEROBENCH_AEROSPIKE_TEND_INTERVAL_MS", "250"));

    assertThat(config.aerospike().hosts()).containsExactly("10.0.0.1:3000");
    assertThat(config.aerospike().namespace()).isEqualTo("bar");
    assertThat(config.aerospike().maxCommandsInProcess()).isEqualTo(7);
    assertThat(config.aerospike().eventLoopKind()).isEqualTo(EventLoopKind.NETTY_EPOLL);
    assertThat(config.aerospike().tendIntervalMs()).isEqualTo(250);
    assertThat(config.aerospike().eventLoopCount())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void out_of_range_integer_is_refused_naming_key_value_source_and_rule() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () -> ConfigLoader.load(props("http.port", "70000"), "app.properties", Map.of()))
        .withMessage(
            "config key 'http.port' = '70000' (from app.properties) is invalid: it must be an"
                + " integer in 0..65535; fix it in the config file or with AEROBENCH_HTTP_PORT");
  }

  @Test
  void non_numeric_value_from_the_environment_is_refused_naming_the_variable() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(() -> ConfigLoader.defaults(Map.of("AEROBENCH_INFLIGHT_LIMIT", "lots")))
        .withMessageContaining("'inflight.limit' = 'lots'")
        .withMessageContaining("from environment variable AEROBENCH_INFLIGHT_LIMIT")
        .withMessageContaining("must be an integer in 0..100000");
  }

  @Test
  void unknown_event_loop_kind_is_refused_listing_the_allowed_kinds() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () -> ConfigLoader.load(props("aerospike.event.loop.kind", "epoll"), "f", Map.of()))
        .withMessageContaining("'aerospike.event.loop.kind' = 'epoll'")
        .withMessageContaining("must be one of nio, netty_epoll, netty-epoll");
  }

  @Test
  void host_without_port_is_refused() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(() -> ConfigLoader.load(props("aerospike.hosts", "localhost"), "f", Map.of()))
        .withMessageContaining("'aerospike.hosts' = 'localhost'")
        .withMessageContaining("host:port");
  }

  @Test
  void host_the_client_would_refuse_is_refused_naming_the_key() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(() -> ConfigLoader.load(props("aerospike.hosts", "a:1,[]:3000"), "f", Map.of()))
        .withMessageStartingWith("config key 'aerospike.hosts' = 'a:1,[]:3000' (from f) is invalid")
        .withMessageContaining("fix it in the config file or with AEROBENCH_AEROSPIKE_HOSTS");
  }

  @Test
  void misspelt_key_in_the_file_is_refused_listing_known_keys() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(() -> ConfigLoader.load(props("aerospike.host", "a:1"), "f", Map.of()))
        .withMessageStartingWith("unknown key 'aerospike.host' in f; known keys: aerospike.hosts");
  }

  @Test
  void fractional_latency_milliseconds_are_accepted() {
    AppConfig config = ConfigLoader.load(props("embedded.latency.fixed.ms", "0.5"), "f", Map.of());

    assertThat(config.embedded().latency()).isEqualTo(Latency.fixed(Duration.ofNanos(500_000)));
  }

  @Test
  void latency_p99_below_the_median_is_refused() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(
            () ->
                ConfigLoader.load(
                    props("embedded.latency.median.ms", "10", "embedded.latency.p99.ms", "5"),
                    "f",
                    Map.of()))
        .withMessageContaining("embedded.latency.")
        .withMessageContaining("p99 5 ms is below the median 10 ms; give p99 >= median");
  }

  @Test
  void a_test_slowdown_needs_both_a_style_and_a_delay() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(() -> ConfigLoader.load(props("test.slowdown.ms", "1.2"), "f", Map.of()))
        .withMessageContaining("test.slowdown.style=none and test.slowdown.ms=1.2")
        .withMessageContaining("e.g. test.slowdown.style=async test.slowdown.ms=1.2");

    AppConfig slowed =
        ConfigLoader.load(
            props("test.slowdown.style", "async", "test.slowdown.ms", "1.2"), "f", Map.of());
    assertThat(slowed.slowdown().active()).isTrue();
    assertThat(slowed.slowdown().describe()).isEqualTo("async +1.2 ms per read");
    assertThat(ConfigLoader.defaults(Map.of()).slowdown().active()).isFalse();
  }

  @Test
  void credentials_come_only_from_the_environment_and_never_print() {
    AppConfig config =
        ConfigLoader.defaults(Map.of("AEROSPIKE_USER", "bench", "AEROSPIKE_PASSWORD", "s3cret"));

    assertThat(config.aerospike().user()).isEqualTo("bench");
    assertThat(config.aerospike().password()).isEqualTo("s3cret");
    assertThat(config.toString()).doesNotContain("s3cret").contains("password=***");
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(() -> ConfigLoader.load(props("aerospike.password", "x"), "f", Map.of()))
        .withMessageContaining("unknown key 'aerospike.password'");
  }

  @Test
  void half_set_credentials_are_refused() {
    assertThatExceptionOfType(ConfigException.class)
        .isThrownBy(() -> ConfigLoader.defaults(Map.of("AEROSPIKE_USER", "bench")))
        .withMessageContaining("set both AEROSPIKE_USER and AEROSPIKE_PASSWORD");
  }

  @Test
  void shipped_config_file_documents_every_key_with_its_code_default() throws IOException {
    Path file = Path.of("conf/app.properties");
    Properties shipped = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      shipped.load(in);
    }
    for (ConfigKey key : ConfigKey.values()) {
      assertThat(shipped.getProperty(key.key()))
          .as("conf/app.properties value of %s", key.key())
          .isEqualTo(key.defaultValue());
    }
    assertThat(shipped.stringPropertyNames()).hasSize(ConfigKey.values().length);
    assertThat(ConfigLoader.load(file)).isEqualTo(ConfigLoader.defaults(System.getenv()));
  }
}
