package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aerobench.report.run.FaultEvent;
import org.aerobench.report.run.RunConditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the simulations add to conditions.json, under the names the comparison report reads. */
class RunConditionsRecordTest {

  @TempDir Path dir;

  private static RunConditions conditions(
      RunConditions.CallOrder order,
      RunConditions.LoadModel load,
      RunConditions.Warmup warmup,
      RunConditions.Database database) {
    return conditions(order, load, warmup, database, null);
  }

  private static RunConditions conditions(
      RunConditions.CallOrder order,
      RunConditions.LoadModel load,
      RunConditions.Warmup warmup,
      RunConditions.Database database,
      RunConditions.Cluster cluster) {
    return new RunConditions(
        "SingleMode",
        "2026-12-01T12:00:00Z",
        60,
        10,
        List.of("sync", "async"),
        List.of("warmup", "single"),
        true,
        "http://127.0.0.1:1",
        true,
        "off",
        "unknown",
        "jvm",
        2,
        1,
        1,
        0,
        List.of(),
        null,
        order,
        load,
        warmup,
        database,
        cluster);
  }

  @Test
  void call_order_load_model_warm_up_and_database_are_written_and_read_back() throws Exception {
    RunConditions written =
        conditions(
            new RunConditions.CallOrder("rotate", 42),
            new RunConditions.LoadModel("closed", 10, 0, 50, "exponential"),
            new RunConditions.Warmup(
                true, false, 30, 2, 0.2, List.of("single"), Map.of("sync", List.of(5.0, 7.0))),
            new RunConditions.Database("own-jvm", "127.0.0.1:3000", 1.5));
    Path file = dir.resolve("conditions.json");
    written.write(file);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.at("/callOrder/policy").asText()).isEqualTo("rotate");
    assertThat(json.at("/callOrder/seed").asLong()).isEqualTo(42);
    assertThat(json.at("/loadModel/kind").asText()).isEqualTo("closed");
    assertThat(json.at("/loadModel/pauseDistribution").asText()).isEqualTo("exponential");
    assertThat(json.at("/warmup/steady").isBoolean()).isTrue();
    assertThat(json.at("/warmup/lastWindowsP50Ms/sync/1").asDouble()).isEqualTo(7.0);
    assertThat(json.at("/database/where").asText()).isEqualTo("own-jvm");
    assertThat(json.at("/database/cpuSeconds").asDouble()).isEqualTo(1.5);
    assertThat(RunConditions.read(file)).isEqualTo(written);
  }

  @Test
  void files_written_before_them_still_read() throws Exception {
    RunConditions old = conditions(null, null, null, null);
    Path file = dir.resolve("old.json");
    old.write(file);
    RunConditions read = RunConditions.read(file);
    assertThat(read.callOrder()).isNull();
    assertThat(read.warmup()).isNull();
    assertThat(read.cluster()).isNull();
    assertThat(read.faults()).isEmpty();
  }

  @Test
  void theClusterAndEveryFaultPlayedOnItAreWrittenAndReadBack() throws Exception {
    RunConditions written =
        conditions(
            null,
            null,
            null,
            new RunConditions.Database("own-jvm", "127.0.0.1:3000", 1.5),
            new RunConditions.Cluster(
                3,
                2,
                List.of(3000, 3001, 3002),
                "node 3 fixed 5 ms",
                "stop:2@20s,freeze:1@30s+5s",
                List.of(
                    new FaultEvent(
                        20_000,
                        20_003,
                        1_800_000_020_003L,
                        "stop",
                        2,
                        0,
                        "aerobench-cluster:stop=2",
                        1,
                        "ok stopped 2",
                        true),
                    new FaultEvent(
                        30_000,
                        30_001,
                        1_800_000_030_001L,
                        "freeze",
                        1,
                        5_000,
                        "aerobench-cluster:freeze=1;ms=5000",
                        3,
                        "failed: connection refused",
                        false))));
    Path file = dir.resolve("conditions.json");
    written.write(file);
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.at("/cluster/nodes").asInt()).isEqualTo(3);
    assertThat(json.at("/cluster/faults/0/action").asText()).isEqualTo("stop");
    assertThat(json.at("/cluster/faults/1/epochMillis").asLong()).isEqualTo(1_800_000_030_001L);
    assertThat(RunConditions.read(file)).isEqualTo(written);
    assertThat(written.faults())
        .extracting(FaultEvent::label)
        .containsExactly("stop node 2", "freeze node 1 for 5 s (FAILED)");
  }
}
