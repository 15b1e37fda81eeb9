package org.aerobench.report.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aerobench.report.capacity.CapacityStudy.ClientCapacity;
import org.junit.jupiter.api.Test;

class CapacityVerdictTest {

  private static final BreakRules RULES = BreakRules.of(Map.of("sync", 500.0, "async", 300.0), 2);

  /** A level as the probe writes it: broken by the shared rules, idle machine unless told. */
  private static Level level(
      String client, double offered, double achieved, double p95, double machineBusy) {
    return level(client, offered, achieved, p95, machineBusy, 20, Map.of());
  }

  private static Level level(
      String client,
      double offered,
      double achieved,
      double p95,
      double machineBusy,
      double generatorCpu,
      Map<String, Double> saturation) {
    return new Level(
        "reference@" + BreakRules.num(offered),
        client,
        "reference",
        offered,
        achieved,
        p95 / 2,
        p95,
        p95 * 1.5,
        1000,
        0,
        RULES.brokenBy(client, offered, achieved, p95, 0),
        saturation,
        machineBusy,
        generatorCpu,
        RULES.machineSaturated(machineBusy),
        RULES.generatorSaturated(generatorCpu));
  }

  private static CapacityRun run(List<Level> levels) {
    return new CapacityRun(
        "gather",
        true,
        25,
        5,
        List.of("sync", "async"),
        List.of(new CapacityRun.Profile("reference", "log-normal median 20 ms, p99 100 ms")),
        RULES,
        levels);
  }

  private static ClientCapacity client(CapacityStudy study, String name) {
    return study.profiles().get(0).clients().stream()
        .filter(c -> c.client().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static final Map<String, Double> POOL =
      Map.of(
          CapacityVerdict.WORKER_LIMIT, 16.0,
          CapacityVerdict.READS_PER_REQUEST, 9.0,
          CapacityVerdict.READ_MEAN_MS, 27.0);

  @Test
  void
      the_sustainable_rate_is_the_highest_level_below_the_first_broken_one_and_the_pool_bound_is_checked() {
    List<Level> levels = new ArrayList<>();
    levels.add(level("sync", 20, 20, 150, 40, 10, POOL));
    levels.add(level("sync", 40, 40, 200, 50, 10, POOL));
    levels.add(level("sync", 80, 62, 4000, 60, 10, POOL)); // the pool saturates: queue grows
    levels.add(level("async", 20, 20, 140, 40));
    levels.add(level("async", 40, 40, 150, 50));
    levels.add(level("async", 80, 80, 170, 60));

    CapacityStudy study = CapacityVerdict.of(run(levels));

    ClientCapacity sync = client(study, "sync");
    assertThat(sync.sustainableRate()).isEqualTo(40.0);
    assertThat(sync.kneeRate()).isEqualTo(80.0);
    assertThat(sync.limit()).isEqualTo("style");
    assertThat(sync.maxAchieved()).isEqualTo(62.0);
    // 16 threads / (9 reads x 27 ms) = 65.8 req/s; the measured ceiling 62 is within 20 %.
    assertThat(sync.littleBound().boundRate())
        .isCloseTo(65.84, org.assertj.core.data.Offset.offset(0.01));
    assertThat(sync.littleBound().note()).contains("agrees with the pool bound");
    ClientCapacity async = client(study, "async");
    assertThat(async.sustainableRate()).isEqualTo(80.0);
    assertThat(async.limit()).isEqualTo("none");
    assertThat(async.littleBound()).isNull();
    assertThat(study.profiles().get(0).ratios())
        .singleElement()
        .asString()
        .contains("2.00×")
        .contains("async did not reach its own limit (it held to the highest level tested)")
        .contains("so the styles' ratio is at least this");
  }

  @Test
  void
      a_client_that_breaks_while_the_machine_is_saturated_is_limited_by_the_machine_not_its_style() {
    List<Level> levels =
        List.of(
            level("sync", 20, 20, 150, 50),
            level("sync", 40, 30, 900, 97),
            level("async", 20, 20, 100, 50),
            level("async", 40, 31, 800, 97));

    CapacityStudy study = CapacityVerdict.of(run(levels));

    assertThat(client(study, "sync").limit()).isEqualTo("machine");
    assertThat(client(study, "async").limit()).isEqualTo("machine");
    assertThat(study.profiles().get(0).ratios().get(0))
        .contains("the climb ended on the machine's limit")
        .contains("not a difference between the styles");
  }

  @Test
  void a_level_every_client_fell_short_of_while_the_generator_was_saturated_is_generator_bound() {
    List<Level> levels =
        List.of(
            level("sync", 20, 20, 150, 50),
            level("sync", 40, 30, 200, 80, 95, Map.of()),
            level("async", 20, 20, 100, 50),
            level("async", 40, 29, 190, 80, 95, Map.of()));

    CapacityStudy study = CapacityVerdict.of(run(levels));

    assertThat(client(study, "sync").limit()).isEqualTo("generator");
    assertThat(client(study, "async").limit()).isEqualTo("generator");
  }

  @Test
  void a_measured_ceiling_far_from_the_pool_bound_is_called_out() {
    List<Level> levels =
        List.of(
            level("sync", 10, 10, 100, 30, 10, POOL),
            level("sync", 20, 14, 2000, 40, 10, POOL), // breaks at a third of its pool bound
            level("async", 10, 10, 100, 30),
            level("async", 20, 20, 100, 40));

    ClientCapacity sync = client(CapacityVerdict.of(run(levels)), "sync");

    assertThat(sync.littleBound().disagreement()).isLessThan(-20);
    assertThat(sync.littleBound().note())
        .contains("off the pool bound")
        .contains("other than the pool");
  }

  @Test
  void a_client_broken_at_the_lowest_level_has_no_sustainable_rate_and_no_ratio() {
    List<Level> levels = List.of(level("sync", 20, 20, 900, 30), level("async", 20, 20, 100, 30));

    CapacityStudy study = CapacityVerdict.of(run(levels));

    assertThat(client(study, "sync").sustainableRate()).isNull();
    assertThat(study.profiles().get(0).ratios().get(0))
        .contains("no ratio")
        .contains("start lower");
  }

  @Test
  void
      a_client_that_breaks_while_the_shared_inference_executor_is_saturated_is_limited_by_the_machine() {
    Map<String, Double> queued =
        Map.of(CapacityVerdict.INFERENCE_QUEUED, 36.0, CapacityVerdict.INFERENCE_LIMIT, 2.0);
    Map<String, Double> idle =
        Map.of(CapacityVerdict.INFERENCE_QUEUED, 0.9, CapacityVerdict.INFERENCE_LIMIT, 2.0);
    List<Level> levels =
        List.of(
            level("sync", 80, 58, 1000, 60, 20, idle), // the pool: the executor had room
            level("async", 80, 80, 120, 60, 20, idle),
            level("async", 160, 120, 1100, 88, 20, queued)); // machine < 90 %, executor full

    CapacityStudy study = CapacityVerdict.of(run(levels));

    assertThat(client(study, "sync").limit()).isEqualTo("style");
    assertThat(client(study, "async").limit()).isEqualTo("machine");
  }
}
