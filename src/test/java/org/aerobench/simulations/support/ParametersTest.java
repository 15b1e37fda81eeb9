package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ParametersTest {

  private static Parameters read(String... keyValues) {
    Properties props = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      props.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return Parameters.read(props, Parameters.COMPARED);
  }

  @Test
  void defaults_follow_the_reference_script() {
    Parameters p = read();
    assertThat(p.selfContained()).isTrue();
    assertThat(p.clients()).containsExactly("sync", "async");
    assertThat(p.stressClients()).containsExactly("async");
    assertThat(p.users()).isEqualTo(10);
    assertThat(p.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.pause()).isEqualTo(Duration.ofMillis(50));
    assertThat(p.warmup()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.inference()).isTrue();
    assertThat(p.ramp())
        .isEqualTo(
            new Ramp(
                20, 50, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30)));
    assertThat(p.latency().isOff()).isTrue();
    assertThat(p.model()).isEqualTo(Parameters.Model.CLOSED);
    assertThat(p.order()).isEqualTo(CallOrder.ROTATE);
    assertThat(p.seed()).isEqualTo(Parameters.DEFAULT_SEED);
    assertThat(p.pauseDistribution()).isEqualTo(Pauses.Distribution.CONSTANT);
    assertThat(p.warmupMax()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.warmupTolerance()).isEqualTo(0.2);
  }

  @Test
  void durations_accept_bare_seconds_and_units() {
    assertThat(Parameters.parseDuration("60")).isEqualTo(Duration.ofSeconds(60));
    assertThat(Parameters.parseDuration("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(Parameters.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Parameters.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(read("duration", "2m").duration()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void unknown_client_names_the_parameter_and_the_allowed_values() {
    assertThatThrownBy(() -> read("clients", "sync,fast"))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("-Dclients=sync,fast")
        .hasMessageContaining("unknown client 'fast'")
        .hasMessageContaining("allowed: sync, async, virtual")
        .hasMessageContaining("no load was sent");
  }

  @Test
  void a_style_listed_twice_is_an_a_a_arm_that_calls_the_same_style() {
    Parameters p = read("clients", "sync,sync,async");
    assertThat(p.clients()).containsExactly("sync", "sync#2", "async");
    assertThat(p.clients().stream().map(c -> PredictCalls.requestName("single", c)))
        .containsExactly("single sync", "single sync#2", "single async");
    assertThat(PredictCalls.path("sync#2", "single", p)).startsWith("/predict/sync/sample?");
  }

  @Test
  void a_bad_arm_name_is_refused_before_any_load_naming_the_value() {
    for (String bad : List.of("sync#x", "sync#1", "fast#2")) {
      assertThatThrownBy(() -> read("clients", "sync," + bad))
          .isInstanceOf(BadParameterException.class)
          .hasMessageContaining("-Dclients=sync," + bad)
          .hasMessageContaining(bad.startsWith("fast") ? "fast" : bad)
          .hasMessageContaining("no load was sent");
    }
  }

  @Test
  void every_bad_parameter_is_listed_at_once() {
    assertThatThrownBy(() -> read("users", "-1", "duration", "soon", "pauseMs", "x"))
        .isInstanceOfSatisfying(
            BadParameterException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(
                        p -> assertThat(p).startsWith("-Dusers=-1: must be a whole number >= 1"))
                    .anySatisfy(
                        p -> assertThat(p).startsWith("-Dduration=soon: must be a duration"))
                    .anySatisfy(p -> assertThat(p).startsWith("-DpauseMs=x")));
  }

  @Test
  void zero_duration_is_refused_but_zero_warmup_skips_it() {
    assertThatThrownBy(() -> read("duration", "0")).hasMessageContaining("-Dduration=0");
    assertThat(read("warmup", "0").warmup()).isZero();
  }

  @Test
  void unknown_mode_lists_the_read_modes() {
    assertThatThrownBy(() -> read("mode", "batch"))
        .hasMessageContaining("-Dmode=batch")
        .hasMessageContaining("single, gather, sequential, merge_gather");
    assertThat(read("mode", "MERGE_GATHER").readMode()).isEqualTo("merge_gather");
  }

  @Test
  void a_remote_base_url_is_refused_unless_allowed() {
    assertThatThrownBy(() -> read("baseUrl", "http://10.1.2.3:8080"))
        .hasMessageContaining("host 10.1.2.3 is not this machine")
        .hasMessageContaining("-DallowRemote=true");
    assertThat(read("baseUrl", "http://10.1.2.3:8080", "allowRemote", "true").baseUrl())
        .isEqualTo("http://10.1.2.3:8080");
    assertThat(read("baseUrl", "http://localhost:7070/").baseUrl())
        .isEqualTo("http://localhost:7070");
  }

  @Test
  void latency_injection_needs_the_embedded_stack_and_a_complete_shape() {
    assertThatThrownBy(() -> read("baseUrl", "http://127.0.0.1:7070", "latencyFixedMs", "2"))
        .hasMessageContaining("drop -DbaseUrl or the latency parameters");
    assertThatThrownBy(() -> read("latencyMedianMs", "1"))
        .hasMessageContaining("-DlatencyP99Ms")
        .hasMessageContaining("needs both a median and a p99");
    assertThatThrownBy(() -> read("latencyMedianMs", "5", "latencyP99Ms", "1"))
        .hasMessageContaining("-DlatencyP99Ms")
        .hasMessageContaining("p99 1 ms is below the median 5 ms");
    assertThat(read("latencyMedianMs", "1", "latencyP99Ms", "5").latency().serveFlags())
        .containsExactly("--latency-median-ms=1", "--latency-p99-ms=5");
    assertThat(read("latencyFixedMs", "2").latency().describe()).isEqualTo("fixed 2 ms");
    // fractional milliseconds, as every latency option accepts them (serve included)
    assertThat(read("latencyFixedMs", "0.5").latency().serveFlags())
        .containsExactly("--latency-fixed-ms=0.5");
    assertThatThrownBy(() -> read("latencyFixedMs", "-1"))
        .hasMessageContaining("fixed -1 ms is not allowed; give milliseconds >= 0");
  }

  @Test
  void open_model_needs_a_rate() {
    assertThatThrownBy(() -> read("model", "open")).hasMessageContaining("needs -Drate=");
    assertThatThrownBy(() -> read("rate", "10"))
        .hasMessageContaining("only applies with -Dmodel=open");
    Parameters open = read("model", "open", "rate", "100");
    assertThat(open.rate()).isEqualTo(100.0);
  }

  @Test
  void the_open_model_ramps_a_rate_for_stress() {
    Ramp derived = read("model", "open", "rate", "100").ramp();
    assertThat(derived.rate1()).isEqualTo(100.0);
    assertThat(derived.rate2()).isEqualTo(250.0);
    Ramp given = read("model", "open", "rate", "100", "rampRate1", "40", "rampRate2", "80").ramp();
    assertThat(List.of(given.rate1(), given.rate2())).containsExactly(40.0, 80.0);
    assertThatThrownBy(() -> read("rampRate1", "40"))
        .hasMessageContaining("-DrampRate1=40: only applies with -Dmodel=open");
  }

  @Test
  void closed_model_parameters_are_refused_in_the_open_model_naming_them() {
    assertThatThrownBy(
            () ->
                read(
                    "model",
                    "open",
                    "rate",
                    "100",
                    "users",
                    "5",
                    "pauseMs",
                    "10",
                    "order",
                    "random",
                    "rampUsers1",
                    "3"))
        .isInstanceOfSatisfying(
            BadParameterException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anySatisfy(p -> assertThat(p).startsWith("-Dusers=5: applies to the closed"))
                    .anySatisfy(p -> assertThat(p).startsWith("-DpauseMs=10: applies to the"))
                    .anySatisfy(p -> assertThat(p).startsWith("-Dorder=random: applies to the"))
                    .anySatisfy(p -> assertThat(p).contains("-DrampRate1/-DrampRate2")));
  }

  @Test
  void a_parameter_the_simulation_does_not_use_is_refused_before_any_load_naming_it() {
    Properties props = new Properties();
    props.setProperty("mode", "gather");
    props.setProperty("stressClients", "sync");
    props.setProperty("users", "4");
    assertThatThrownBy(
            () ->
                Parameters.read(
                    props,
                    "SingleMode",
                    Parameters.COMPARED,
                    java.util.EnumSet.of(Parameters.Part.STEADY, Parameters.Part.CALLS_IN_TURN)))
        .isInstanceOfSatisfying(
            BadParameterException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(2)
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .startsWith("-Dmode=gather: SingleMode does not use it")
                                .contains("leave it out"))
                    .anySatisfy(p -> assertThat(p).startsWith("-DstressClients=sync: SingleMode")));
    Parameters lookup =
        Parameters.read(
            props,
            "LookupOnly",
            Parameters.COMPARED,
            java.util.EnumSet.of(
                Parameters.Part.STEADY,
                Parameters.Part.CALLS_IN_TURN,
                Parameters.Part.READ_MODE,
                Parameters.Part.STRESS_CLIENTS));
    assertThat(lookup.readMode()).isEqualTo("gather");
  }

  @Test
  void call_order_pauses_and_seed_are_read_and_checked() {
    Parameters p = read("order", "RANDOM", "pauseDistribution", "exponential", "seed", "-7");
    assertThat(p.order()).isEqualTo(CallOrder.RANDOM);
    assertThat(p.pauses()).isEqualTo(new Pauses(Pauses.Distribution.EXPONENTIAL, p.pause(), -7));
    assertThatThrownBy(() -> read("seed", "abc"))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("-Dseed=abc: must be a whole number")
        .hasMessageContaining("-Dseed=42");
    assertThatThrownBy(() -> read("order", "alphabetical"))
        .hasMessageContaining("-Dorder=alphabetical: allowed: rotate");
    assertThatThrownBy(() -> read("pauseDistribution", "normal"))
        .hasMessageContaining("-DpauseDistribution=normal: allowed: constant");
  }

  @Test
  void the_warm_up_may_go_on_until_steady_but_not_less_than_its_minimum() {
    Parameters p = read("warmup", "5s", "warmupMax", "20s", "warmupTolerance", "0.1");
    assertThat(p.warmupMax()).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.warmupTolerance()).isEqualTo(0.1);
    assertThatThrownBy(() -> read("warmup", "10s", "warmupMax", "5s"))
        .hasMessageContaining("-DwarmupMax=5s: must be at least -Dwarmup");
    assertThatThrownBy(() -> read("warmupTolerance", "2"))
        .hasMessageContaining("must be a fraction between 0 and 1");
  }

  @Test
  void the_database_runs_in_a_jvm_of_its_own_unless_asked_otherwise() {
    assertThat(read().database()).isEqualTo(Parameters.DatabasePlace.OWN_JVM);
    assertThat(read("database", "app-jvm").database()).isEqualTo(Parameters.DatabasePlace.APP_JVM);
    assertThatThrownBy(() -> read("database", "docker"))
        .hasMessageContaining("-Ddatabase=docker: allowed: own-jvm");
    assertThatThrownBy(() -> read("baseUrl", "http://127.0.0.1:7070", "database", "own-jvm"))
        .hasMessageContaining("-Ddatabase=own-jvm: applies when the simulation starts the stack");
  }

  @Test
  void the_load_model_is_recorded_as_run() {
    assertThat(RunHarness.loadModelOf(read("users", "7"), 7))
        .isEqualTo(
            new org.aerobench.report.run.RunConditions.LoadModel("closed", 7, 0, 50, "constant"));
    assertThat(RunHarness.loadModelOf(read("model", "open", "rate", "80"), 0))
        .isEqualTo(new org.aerobench.report.run.RunConditions.LoadModel("open", 0, 80, 0, "none"));
  }

  @Test
  void ramp_duration_sets_every_leg_unless_a_leg_is_given() {
    Ramp ramp = read("rampDuration", "3s", "rampDuration2", "4s").ramp();
    assertThat(List.of(ramp.up1(), ramp.up2(), ramp.down()))
        .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(3));
  }

  @Test
  void lookup_and_stress_variants_keep_everything_else() {
    Parameters p = read("users", "3");
    assertThat(p.withInference(false).inference()).isFalse();
    assertThat(p.withInference(false).users()).isEqualTo(3);
    assertThat(p.withClients(List.of("virtual")).clients()).containsExactly("virtual");
  }

  private static Parameters readWithEnv(java.util.Map<String, String> env, String... keyValues) {
    Properties props = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      props.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return Parameters.read(props, env, Parameters.COMPARED);
  }

  @Test
  void byDefaultTheDatabaseIsOneNodeWithoutFaults() {
    Parameters p = read();
    assertThat(p.nodes()).isEqualTo(1);
    assertThat(p.replicationFactor()).isEqualTo(1);
    assertThat(p.nodeLatency().isOff()).isTrue();
    assertThat(p.faults().isEmpty()).isTrue();
    assertThat(p.emulatesCluster()).isFalse();
  }

  @Test
  void aClusterOfSeveralNodesKeepsTwoCopiesOfEachPartitionByDefault() {
    Parameters p = read("nodes", "3");
    assertThat(p.nodes()).isEqualTo(3);
    assertThat(p.replicationFactor()).isEqualTo(2);
    assertThat(p.emulatesCluster()).isTrue();
    assertThat(read("nodes", "3", "replicationFactor", "3").replicationFactor()).isEqualTo(3);
  }

  @Test
  void aNodeCountOutsideOneToEightIsRefusedWithAnExample() {
    for (String bad : List.of("0", "9", "three")) {
      assertThatThrownBy(() -> read("nodes", bad))
          .isInstanceOf(BadParameterException.class)
          .hasMessageContaining(
              "-Dnodes=" + bad + ": must be a whole number from 1 to 8 (nodes of the emulated")
          .hasMessageContaining("e.g. -Dnodes=3");
    }
  }

  @Test
  void aReplicationFactorAboveTheNodesIsRefused() {
    assertThatThrownBy(() -> read("nodes", "2", "replicationFactor", "3"))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining(
            "-DreplicationFactor=3: must be a whole number from 1 to -Dnodes (2): a partition has"
                + " at most one copy per node, e.g. -DreplicationFactor=2 (or more nodes:"
                + " -Dnodes=3)");
    assertThatThrownBy(() -> read("replicationFactor", "0"))
        .hasMessageContaining("-DreplicationFactor=0: must be a whole number from 1 to -Dnodes");
  }

  @Test
  void perNodeLatencyIsReadForNodesOfTheCluster() {
    Parameters p = read("nodes", "3", "nodeLatency", "3:median-ms=20;p99-ms=100,2:fixed-ms=5");
    assertThat(p.nodeLatency().byNode()).containsOnlyKeys(2, 3);
    assertThat(p.nodeLatency().commands())
        .containsExactly(
            "aerobench-latency:node=2;fixed-ms=5",
            "aerobench-latency:node=3;median-ms=20;p99-ms=100");
    assertThatThrownBy(() -> read("nodes", "2", "nodeLatency", "3:fixed-ms=5"))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining(
            "-DnodeLatency='3:fixed-ms=5': node 3 does not exist; the cluster has nodes 1..2; e.g."
                + " -DnodeLatency=3:median-ms=20;p99-ms=100");
    assertThatThrownBy(() -> read("nodes", "2", "nodeLatency", "2:slow"))
        .hasMessageContaining("-DnodeLatency='2:slow': ")
        .hasMessageContaining("(nodes 1..-Dnodes, 2 here)");
  }

  @Test
  void faultsAreCheckedAgainstTheClusterOfTheRun() {
    Parameters p = read("nodes", "3", "faults", "stop:2@20s,start:2@40s,freeze:1@60s+5s");
    assertThat(p.faults().faults()).hasSize(3);
    assertThat(p.faults().replicationFactor()).isEqualTo(2);
    assertThatThrownBy(() -> read("nodes", "3", "faults", "stop:4@20s"))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining(
            "-Dfaults=stop:4@20s: event 1 'stop:4@20s': node '4' is outside 1..3");
    // -Dnodes defaults to 1: a single node cannot be stopped.
    assertThatThrownBy(() -> read("faults", "stop:1@20s"))
        .hasMessageContaining("it would stop the last node that is up");
  }

  @Test
  void clusterParametersAreRefusedAgainstAnAppThisRunDidNotStart() {
    assertThatThrownBy(
            () -> read("baseUrl", "http://127.0.0.1:7070", "nodes", "3", "faults", "stop:2@20s"))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining(
            "-Dnodes=3: the harness cannot stop someone's real nodes: -Dnodes,"
                + " -DreplicationFactor, -DnodeLatency and -Dfaults apply to the emulated cluster"
                + " the simulation starts itself; with -DbaseUrl")
        .hasMessageContaining("-Dfaults=stop:2@20s: the harness cannot stop someone's real nodes")
        .hasMessageContaining("drop -DbaseUrl");
    assertThatThrownBy(
            () -> read("baseUrl", "http://127.0.0.1:7070", "nodeLatency", "1:fixed-ms=2"))
        .hasMessageContaining("-DnodeLatency=1:fixed-ms=2: the harness cannot stop");
    // One node is what every run has: not a cluster parameter to refuse.
    assertThat(read("baseUrl", "http://127.0.0.1:7070", "nodes", "1").nodes()).isEqualTo(1);
  }

  @Test
  void clusterParametersAreRefusedWhenTheAppIsPointedAtARealAerospike() {
    var env = java.util.Map.of("AEROBENCH_AEROSPIKE_HOSTS", "db-1:3000");
    assertThatThrownBy(() -> readWithEnv(env, "nodes", "2", "faults", "stop:2@20s"))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("-Dfaults=stop:2@20s: the harness cannot stop someone's real nodes")
        .hasMessageContaining(
            "the app is pointed at a real Aerospike (AEROBENCH_AEROSPIKE_HOSTS=db-1:3000)");
    assertThat(readWithEnv(java.util.Map.of(), "nodes", "2").nodes()).isEqualTo(2);
  }

  @Test
  void aClusterNeedsTheDatabaseInAJvmOfItsOwn() {
    assertThatThrownBy(() -> read("database", "app-jvm", "nodes", "2"))
        .isInstanceOf(BadParameterException.class)
        .hasMessageContaining("-Dnodes=2: the harness cannot stop someone's real nodes")
        .hasMessageContaining("(-Ddatabase=own-jvm, the default)");
  }
}
