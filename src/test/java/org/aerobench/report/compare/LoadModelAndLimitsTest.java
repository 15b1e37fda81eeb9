package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aerobench.report.ComparisonReport;
import org.aerobench.report.SampleRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison states the experiment's design (load model, call order, every style's limits,
 * batch policy, timeouts and retries, where the database ran) from what the run recorded, and says
 * "not recorded" for what it did not.
 */
class LoadModelAndLimitsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  /** The app's GET /info as AppInfo reports it, plus the fields newer apps and simulations add. */
  private static final String RECORDED =
      """
      {
        "loadModel": {"kind": "closed", "users": 6, "ratePerSecond": 0.0, "pauseMs": 50,
                      "pauseDistribution": "exponential"},
        "callOrder": {"policy": "rotate", "seed": 42},
        "database": {"where": "own-jvm", "address": "127.0.0.1:4242", "cpuSeconds": 1.5},
        "warmup": {"ran": true, "steady": true, "seconds": 5.0, "windowSeconds": 1.0,
                   "tolerance": 0.2, "readModes": ["single"]},
        "app": {
          "aerospike": {"embedded": true, "total_timeout_ms": 1000, "socket_timeout_ms": 300,
                        "max_retries": 2, "client_per_style": false,
                        "batch_policy": {"max_concurrent_threads": 1, "total_timeout_ms": 1000}},
          "client_styles": {
            "sync": {"pool_threads": 16, "queue": 4608},
            "async": {"event_loops": 2, "max_commands_in_process": 128},
            "virtual": {"max_concurrent": 128}
          },
          "admission": {
            "per_style": {"sync": {"limit": 16, "max_waiting": 64}},
            "request_deadline_ms": 2000,
            "inference_threads": 2
          }
        }
      }
      """;

  private Path runWith(String extraFields) throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    Path file = run.resolve("aerobench/conditions.json");
    ObjectNode conditions = (ObjectNode) JSON.readTree(file.toFile());
    conditions.setAll((ObjectNode) JSON.readTree(extraFields));
    JSON.writeValue(file.toFile(), conditions);
    return run;
  }

  @Test
  void theRecordedLoadModelOrderLimitsBatchPolicyTimeoutsAndDatabaseAreOnEveryPage()
      throws IOException {
    var written =
        ComparisonReport.generate(
            runWith(RECORDED), temp.resolve("reports"), ComparisonReport.Options.defaults());

    var design = written.comparison().design();
    assertThat(design.get("load model"))
        .isEqualTo(
            "closed model, 6 users, each calling every client in turn; pause after each call"
                + " 50 ms (exponential)");
    assertThat(design.get("call order")).isEqualTo("rotate, seed 42");
    assertThat(design.get("limits, sync"))
        .contains("pool_threads 16")
        .contains("admission limit 16, max_waiting 64");
    assertThat(design.get("limits, async")).contains("max_commands_in_process 128");
    assertThat(design.get("limits, virtual")).contains("max_concurrent 128");
    assertThat(design.get("shared limits"))
        .contains("inference_threads 2")
        .contains("one AerospikeClient shared by every style");
    assertThat(design.get("batch policy"))
        .isEqualTo("aerospike.batch_policy max_concurrent_threads 1, total_timeout_ms 1000");
    assertThat(design.get("timeouts and retries"))
        .contains("aerospike.total_timeout_ms 1000")
        .contains("aerospike.socket_timeout_ms 300")
        .contains("aerospike.max_retries 2");
    assertThat(design.get("database")).isEqualTo("embedded, in its own JVM at 127.0.0.1:4242");
    assertThat(design.get("warm-up")).startsWith("5.0 s in single; steady");

    JsonNode json = JSON.readTree(written.json().toFile());
    assertThat(json.path("design").path("call order").asText()).isEqualTo("rotate, seed 42");
    assertThat(Files.readString(written.markdown()))
        .contains("## Load model and limits")
        .contains("| call order | rotate, seed 42 |");
    assertThat(Files.readString(written.html()))
        .contains("<table id=\"design\">")
        .contains("rotate, seed 42");
  }

  @Test
  void whatAnOlderRunDidNotRecordReadsNotRecordedAndTheLoadModelIsDerived() throws IOException {
    Path run = SampleRuns.copy(SampleRuns.HEALTHY, temp.resolve("runs"));
    Files.writeString(run.resolve("aerobench/parameters.txt"), "# effective\npause=PT0.05S\n");

    var design =
        ComparisonReport.generate(run, temp.resolve("reports"), ComparisonReport.Options.defaults())
            .comparison()
            .design();

    assertThat(design.get("load model"))
        .isEqualTo("closed model, 6 users (peak), pause 50 ms after each call");
    assertThat(design.get("call order"))
        .startsWith("not recorded")
        .contains("sync then async then virtual");
    assertThat(design.get("limits")).startsWith("not recorded");
    assertThat(design.get("batch policy")).isEqualTo("not recorded");
    assertThat(design.get("timeouts and retries")).isEqualTo("not recorded");
    assertThat(design.get("warm-up")).isEqualTo("not recorded");
    assertThat(design.get("database")).contains("embedded").contains("not recorded");
  }

  @Test
  void anOpenRunSaysItsRateAndThatItsPercentilesAreNotSubjectToCoordinatedOmission()
      throws IOException {
    var design =
        ComparisonReport.generate(
                runWith(
                    """
                    {"arrivalRatePerSecond": 120.0,
                     "loadModel": {"kind": "open", "users": 0, "ratePerSecond": 120.0,
                                   "pauseMs": 0, "pauseDistribution": "none"}}
                    """),
                temp.resolve("reports"),
                ComparisonReport.Options.defaults())
            .comparison()
            .design();

    assertThat(design.get("load model"))
        .isEqualTo(
            "open model, 120.0 requests/s over all clients, each client its own arrival process");
    assertThat(design.get("coordinated omission")).contains("not subject to coordinated omission");
  }
}
