package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuUsageTest {

  @Test
  void a_quiet_run_prints_the_table_without_warnings() {
    CpuUsage cpu = new CpuUsage(10, 2, 2, 8, 0.6);
    assertThat(cpu.summary())
        .anySatisfy(
            l -> assertThat(l).contains("load generator").contains("2.0 core-s").contains("10.0%"))
        .anySatisfy(l -> assertThat(l).contains("target").contains("8.0 core-s").contains("40.0%"))
        .anySatisfy(l -> assertThat(l).contains("other processes").contains("2.0 core-s"))
        .noneSatisfy(l -> assertThat(l).startsWith("WARN"));
  }

  @Test
  void a_busy_load_generator_and_a_saturated_machine_are_warned_about() {
    CpuUsage cpu = new CpuUsage(10, 2, 9, 10, 0.97);
    assertThat(cpu.gatlingCoreShare()).isEqualTo(0.9);
    assertThat(cpu.summary())
        .anySatisfy(l -> assertThat(l).startsWith("WARN: Gatling's JVM used 90% of a core"))
        .anySatisfy(l -> assertThat(l).startsWith("WARN: the machine was 97% busy"));
  }

  @Test
  void a_database_in_its_own_jvm_gets_a_row_of_its_own() {
    CpuUsage cpu = new CpuUsage(10, 2, 2, 6, 0.6, 2);
    assertThat(cpu.summary())
        .anySatisfy(l -> assertThat(l).contains("target (app JVM) ").contains("6.0 core-s"))
        .anySatisfy(l -> assertThat(l).contains("embedded db (its own JVM)").contains("2.0 core-s"))
        .anySatisfy(l -> assertThat(l).contains("other processes").contains("2.0 core-s"));
  }

  @Test
  void unknown_target_cpu_is_said_so() {
    assertThat(new CpuUsage(10, 2, 1, -1, -1).summary())
        .anySatisfy(l -> assertThat(l).contains("target").contains("unknown"));
  }

  @Test
  void machine_busy_share_comes_from_two_readings() {
    assertThat(CpuUsage.busyBetween(new long[] {100, 1000}, new long[] {400, 2000})).isEqualTo(0.3);
    assertThat(CpuUsage.busyBetween(null, new long[] {1, 2})).isEqualTo(-1);
  }
}
