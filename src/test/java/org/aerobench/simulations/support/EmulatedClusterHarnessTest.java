package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.Info;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.aerobench.embedded.cluster.Fault;
import org.aerobench.report.run.FaultEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's side of the emulated cluster against the real one: the database JVM started with
 * the cluster flags, the per-node latency and every fault sent as the run sends them (no load).
 */
class EmulatedClusterHarnessTest {

  @TempDir Path dir;

  @Test
  void theDatabaseJvmStartsTheClusterAndTakesEveryCommandTheRunSends() throws Exception {
    Properties props = new Properties();
    props.setProperty("nodes", "3");
    props.setProperty("nodeLatency", "3:fixed-ms=1");
    props.setProperty("faults", "stop:2@0s,start:2@0s,freeze:1@0s+1s");
    Parameters params = Parameters.read(props, java.util.Map.of(), Parameters.COMPARED);
    AppProcess db =
        AppProcess.embeddedServer(params, Path.of("").toAbsolutePath(), dir.resolve("db.log"));
    assertThat(db.command())
        .contains("--nodes=3", "--replication-factor=2")
        .anyMatch(a -> a.matches("--ports=\\d+,\\d+,\\d+"));
    try {
      db.start();
      ClusterControl cluster =
          new ClusterControl(db.nodePorts(), ClusterControl.InfoChannel.AEROSPIKE);

      for (String command : params.nodeLatency().commands()) {
        assertThat(cluster.send(command)).isEqualTo("node 3 fixed 1 ms");
      }
      List<FaultEvent> events = new ArrayList<>();
      for (Fault fault : params.faults().faults()) {
        events.add(cluster.play(fault, System.currentTimeMillis()));
      }

      assertThat(events).extracting(FaultEvent::reply).allMatch(r -> r.startsWith("ok"), "ok");
      assertThat(events).extracting(FaultEvent::viaNode).containsExactly(1, 1, 2);
      String status = Info.request("127.0.0.1", db.nodePorts().get(2), "aerobench-cluster");
      assertThat(status).contains("nodes=3", "replication_factor=2");
    } finally {
      db.close();
    }
    assertThat(db.isAlive()).isFalse();
  }
}
