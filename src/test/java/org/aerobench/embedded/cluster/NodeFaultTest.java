package org.aerobench.embedded.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.cluster.Partition;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.Policy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.EmbeddedConfig;
import org.junit.jupiter.api.Test;

/** Node stops, restarts and freezes under the unmodified client, with both replication factors. */
class NodeFaultTest {

  static final Duration HEARTBEAT = Duration.ofMillis(300);

  static EmbeddedCluster cluster(int rf) {
    return EmbeddedCluster.start(
        ClusterConfig.of(EmbeddedConfig.defaults(), 3)
            .withReplicationFactor(rf)
            .withHeartbeatTimeout(HEARTBEAT));
  }

  static Policy readPolicy() {
    Policy p = new Policy();
    p.socketTimeout = 200;
    p.totalTimeout = 1000;
    p.maxRetries = 2; // the default SEQUENCE replica policy tries the replica next
    return p;
  }

  static List<Key> seed(AerospikeClient client, int n) {
    List<Key> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Key k = new Key("test", "faults", i);
      client.put(null, k, new Bin("v", i));
      keys.add(k);
    }
    return keys;
  }

  /** Reads every key once; returns how many failed with an exception. */
  static int failedReads(AerospikeClient client, List<Key> keys) {
    int failed = 0;
    for (Key k : keys) {
      try {
        if (client.get(readPolicy(), k) == null) {
          failed++;
        }
      } catch (AerospikeException e) {
        failed++;
      }
    }
    return failed;
  }

  static void awaitNodes(AerospikeClient client, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (client.getNodes().length != count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(client.getNodes()).hasSize(count);
  }

  @Test
  void withTwoCopiesAStoppedNodeLeavesEveryRecordReadableAndARestartBringsItBack()
      throws Exception {
    try (EmbeddedCluster cluster = cluster(2);
        AerospikeClient client =
            new AerospikeClient(
                EmbeddedClusterTest.policy(), new Host("127.0.0.1", cluster.port(1)))) {
      List<Key> keys = seed(client, 600);

      cluster.stop(2);
      // At once, with the old partition map: reads of node 2's partitions fail over to the replica.
      assertThat(failedReads(client, keys)).isZero();
      awaitNodes(client, 2);
      assertThat(failedReads(client, keys)).isZero();
      assertThat(cluster.masterOf(0)).isNotEqualTo(2);

      long before = cluster.stats(2).keysMaster();
      cluster.start(2);
      awaitNodes(client, 3);
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (cluster.stats(2).keysMaster() == before && System.nanoTime() < deadline) {
        assertThat(failedReads(client, keys)).isZero();
      }
      assertThat(cluster.stats(2).keysMaster()).as("node 2 serves again").isGreaterThan(before);
    }
  }

  @Test
  void withOneCopyTheStoppedNodesRecordsReadAsNotFoundAndTheRestStayFound() throws Exception {
    try (EmbeddedCluster cluster = cluster(1);
        AerospikeClient client =
            new AerospikeClient(
                EmbeddedClusterTest.policy(), new Host("127.0.0.1", cluster.port(1)))) {
      List<Key> keys = seed(client, 600);
      List<Key> onNode2 = new ArrayList<>();
      List<Key> elsewhere = new ArrayList<>();
      for (Key k : keys) {
        (cluster.masterOf(Partition.getPartitionId(k.digest)) == 2 ? onNode2 : elsewhere).add(k);
      }
      assertThat(onNode2).isNotEmpty();

      cluster.stop(2);
      awaitNodes(client, 2);

      assertThat(cluster.recordCount("test")).isEqualTo(elsewhere.size());
      for (Key k : onNode2) {
        assertThat(client.get(readPolicy(), k)).as("record on the stopped node").isNull();
      }
      assertThat(failedReads(client, elsewhere)).isZero();
      client.put(null, onNode2.get(0), new Bin("v", -1)); // re-seeded on its new master
      assertThat(client.get(null, onNode2.get(0)).getInt("v")).isEqualTo(-1);
    }
  }

  @Test
  void aFrozenNodeIsDroppedAfterTheHeartbeatTimeoutAndRejoinsWhenItThaws() throws Exception {
    ClientPolicy policy = EmbeddedClusterTest.policy();
    policy.timeout = 300; // a tend waits this long for the frozen node's info reply
    try (EmbeddedCluster cluster = cluster(2);
        AerospikeClient client =
            new AerospikeClient(policy, new Host("127.0.0.1", cluster.port(1)))) {
      List<Key> keys = seed(client, 300);
      long generation = cluster.generation();

      cluster.freeze(3, Duration.ofSeconds(4));
      assertThat(cluster.state(3)).isEqualTo(EmbeddedCluster.State.FROZEN);
      long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (cluster.generation() == generation && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(cluster.generation())
          .as("the others took over its partitions")
          .isGreaterThan(generation);
      awaitNodes(client, 2);
      assertThat(failedReads(client, keys)).isZero();

      awaitNodes(client, 3); // thawed by itself after 4 s
      assertThat(cluster.state(3)).isEqualTo(EmbeddedCluster.State.UP);
      assertThat(failedReads(client, keys)).isZero();
    }
  }
}
