package org.aerobench.embedded.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.aerospike.client.Info;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;
import org.junit.jupiter.api.Test;

/** The cluster's controls (Java, info command, standard input) and the rules they enforce. */
class ClusterControlTest {

  static EmbeddedCluster twoNodes() {
    return EmbeddedCluster.start(
        ClusterConfig.of(EmbeddedConfig.defaults(), 2).withHeartbeatTimeout(Duration.ZERO));
  }

  @Test
  void anyNodeStopsAndStartsAnotherThroughTheInfoCommand() {
    try (EmbeddedCluster cluster = twoNodes()) {
      String stop = Info.request("127.0.0.1", cluster.port(1), "aerobench-cluster:stop=2");
      assertThat(stop).startsWith("ok");
      assertThat(cluster.state(2)).isEqualTo(EmbeddedCluster.State.STOPPED);
      assertThat(Info.request("127.0.0.1", cluster.port(1), "aerobench-cluster"))
          .contains("node2=stopped");

      assertThat(Info.request("127.0.0.1", cluster.port(1), "aerobench-cluster:start=2"))
          .startsWith("ok");
      assertThat(cluster.state(2)).isEqualTo(EmbeddedCluster.State.UP);
      assertThat(Info.request("127.0.0.1", cluster.port(2), "node")).isEqualTo(cluster.nodeId(2));
    }
  }

  @Test
  void aFrozenNodeCanBeStoppedAndStartedAgain() {
    try (EmbeddedCluster cluster = twoNodes()) {
      cluster.freeze(2);
      long started = System.nanoTime();
      cluster.stop(2);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
      assertThat(cluster.state(2)).isEqualTo(EmbeddedCluster.State.STOPPED);
      cluster.start(2);
      assertThat(Info.request("127.0.0.1", cluster.port(2), "node")).isEqualTo(cluster.nodeId(2));
    }
  }

  @Test
  void stoppingTheLastRunningNodeIsRefusedWithTheRule() {
    try (EmbeddedCluster cluster = twoNodes()) {
      cluster.stop(1);
      assertThatIllegalStateException()
          .isThrownBy(() -> cluster.stop(2))
          .withMessageContaining("last node running");
      assertThat(Info.request("127.0.0.1", cluster.port(2), "aerobench-cluster:stop=2"))
          .startsWith("ERROR:4:")
          .contains("last node running");
      assertThat(cluster.state(2)).isEqualTo(EmbeddedCluster.State.UP);
    }
  }

  @Test
  void aNodeThatDoesNotExistOrAWrongStateOrABadCommandIsNamedInTheError() {
    try (EmbeddedCluster cluster = twoNodes()) {
      int port = cluster.port(1);
      assertThat(Info.request("127.0.0.1", port, "aerobench-cluster:stop=5"))
          .isEqualTo("ERROR:4:node 5 does not exist; this cluster has nodes 1..2");
      assertThat(Info.request("127.0.0.1", port, "aerobench-cluster:start=2"))
          .contains("node 2 is up; stop it first");
      assertThat(Info.request("127.0.0.1", port, "aerobench-cluster:thaw=2"))
          .contains("not frozen");
      assertThat(Info.request("127.0.0.1", port, "aerobench-cluster:explode=1"))
          .contains("no action")
          .contains("aerobench-cluster:stop=2");
      assertThat(Info.request("127.0.0.1", port, "aerobench-cluster:freeze=2;ms=x"))
          .contains("ms='x' is not a number");
    }
  }

  @Test
  void oneNodesLatencyChangesThroughTheInfoCommandAndTheOthersKeepTheirs() {
    try (EmbeddedCluster cluster = twoNodes()) {
      assertThat(Info.request("127.0.0.1", cluster.port(1), "aerobench-latency:node=2;fixed-ms=20"))
          .isEqualTo("node 2 fixed 20 ms");
      assertThat(cluster.latency(2).describe()).isEqualTo("fixed 20 ms");
      assertThat(cluster.latency(1)).isEqualTo(Latency.NONE);
      Info.request("127.0.0.1", cluster.port(2), "aerobench-latency:fixed-ms=1");
      assertThat(cluster.latency(1).describe()).isEqualTo("fixed 1 ms");
      assertThat(cluster.latency(2).describe()).isEqualTo("fixed 1 ms");
      assertThat(Info.request("127.0.0.1", cluster.port(1), "aerobench-latency:node=3;off"))
          .contains("node 3 does not exist");
    }
  }

  @Test
  void standardInputCommandsAreAnsweredLikeTheInfoCommand() {
    try (EmbeddedCluster cluster = twoNodes()) {
      StringWriter out = new StringWriter();
      StdinControl.serve(
          cluster,
          new ByteArrayInputStream(
              "stop 2\nstatus\nstart 2\nfly away\n".getBytes(StandardCharsets.UTF_8)),
          new PrintWriter(out));
      List<String> lines = out.toString().lines().toList();
      assertThat(lines).hasSize(4);
      assertThat(lines.get(0)).startsWith("ok stop node 2");
      assertThat(lines.get(1)).contains("node2=stopped");
      assertThat(lines.get(2)).startsWith("ok start node 2");
      assertThat(lines.get(3)).contains("'fly away' is not a command");
      assertThat(cluster.state(2)).isEqualTo(EmbeddedCluster.State.UP);
    }
  }

  @Test
  void clusterShapesOutsideTheRulesAreRefusedWithAnExample() {
    EmbeddedConfig node = EmbeddedConfig.defaults();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClusterConfig.of(node, 9))
        .withMessage("nodes 9 is outside 1..8; e.g. 3");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClusterConfig.of(node, 2).withReplicationFactor(3))
        .withMessageContaining("replication factor 3 is outside 1..nodes (2)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NodeLatency.parse("--node-latency", "4:fixed-ms=2", 3))
        .withMessageContaining("node 4 does not exist; the cluster has nodes 1..3")
        .withMessageContaining("e.g. --node-latency 3:median-ms=20;p99-ms=100");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> NodeLatency.parse("--node-latency", "2:median-ms=20", 3))
        .withMessageContaining("needs both a median and a p99");
    assertThat(NodeLatency.parse("-DnodeLatency", "3:median-ms=20;p99-ms=100, 1:fixed-ms=2", 3))
        .isEqualTo(
            Map.of(
                3, Latency.logNormal(Duration.ofMillis(20), Duration.ofMillis(100)),
                1, Latency.fixed(Duration.ofMillis(2))));
  }
}
