package org.aerobench.embedded.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Info;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.cluster.Node;
import com.aerospike.client.cluster.Partition;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.ClientPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aerobench.embedded.ClientLog;
import org.aerobench.embedded.EmbeddedConfig;
import org.junit.jupiter.api.Test;

class EmbeddedClusterTest {

  static final String NS = "test";

  static ClientPolicy policy() {
    ClientPolicy policy = new ClientPolicy();
    policy.tendInterval = 50;
    policy.timeout = 5_000;
    return policy;
  }

  static List<Key> keys(int n) {
    List<Key> keys = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      keys.add(new Key(NS, "cluster", "k" + i));
    }
    return keys;
  }

  @Test
  void theClientSeesEveryNodeFromAnySeedAndEachNodeMastersAShareOfThePartitions() {
    ClientLog.capture();
    try (EmbeddedCluster cluster =
            EmbeddedCluster.start(ClusterConfig.of(EmbeddedConfig.defaults(), 3));
        AerospikeClient client =
            new AerospikeClient(policy(), new Host(cluster.host(), cluster.port(3)))) {
      Node[] nodes = client.getNodes();
      assertThat(Arrays.stream(nodes).map(Node::getName))
          .containsExactlyInAnyOrder(cluster.nodeId(1), cluster.nodeId(2), cluster.nodeId(3));
      int[] owned = new int[4];
      for (int p = 0; p < 4096; p++) {
        owned[cluster.masterOf(p)]++;
      }
      for (int n = 1; n <= 3; n++) {
        assertThat(owned[n]).as("partitions mastered by node %d", n).isBetween(1100, 1650);
      }
      String peers = Info.request(cluster.host(), cluster.port(1), "peers-clear-std");
      assertThat(peers)
          .contains(cluster.nodeId(2))
          .contains(cluster.nodeId(3))
          .doesNotContain(cluster.nodeId(1));
      assertThat(ClientLog.problems()).isEmpty();
    }
  }

  @Test
  void aBatchOf1800KeysIsSplitByPartitionOwnershipAndEveryKeyGoesToItsMaster() {
    try (EmbeddedCluster cluster =
            EmbeddedCluster.start(ClusterConfig.of(EmbeddedConfig.defaults(), 3));
        AerospikeClient client =
            new AerospikeClient(policy(), new Host(cluster.host(), cluster.port(1)))) {
      List<Key> keys = keys(1800);
      for (Key k : keys) {
        client.put(null, k, new Bin("v", k.userKey.toString()));
      }
      long[] masterBefore = new long[4];
      long[] otherBefore = new long[4];
      for (int n = 1; n <= 3; n++) {
        masterBefore[n] = cluster.stats(n).keysMaster();
        otherBefore[n] = cluster.stats(n).keysReplica() + cluster.stats(n).keysProxied();
      }
      long[] expected = new long[4];
      for (Key k : keys) {
        expected[cluster.masterOf(Partition.getPartitionId(k.digest))]++;
      }

      Record[] records = client.get(new BatchPolicy(), keys.toArray(Key[]::new));

      assertThat(records).allSatisfy(r -> assertThat(r).isNotNull());
      long sum = 0;
      for (int n = 1; n <= 3; n++) {
        long sent = cluster.stats(n).keysMaster() - masterBefore[n];
        assertThat(sent).as("keys node %d got as master", n).isEqualTo(expected[n]);
        assertThat(cluster.stats(n).keysReplica() + cluster.stats(n).keysProxied())
            .as("keys node %d got without being their master", n)
            .isEqualTo(otherBefore[n]);
        assertThat(sent).isPositive();
        sum += sent;
      }
      assertThat(sum).isEqualTo(1800);
    }
  }

  @Test
  void batchRecordsOfBothTheSyncFanOutsReachEveryNode() {
    try (EmbeddedCluster cluster =
            EmbeddedCluster.start(ClusterConfig.of(EmbeddedConfig.defaults(), 3));
        AerospikeClient client =
            new AerospikeClient(policy(), new Host(cluster.host(), cluster.port(2)))) {
      List<BatchRead> reads = new ArrayList<>();
      for (Key k : keys(300)) {
        client.put(null, k, new Bin("v", 1));
        reads.add(new BatchRead(k, true));
      }
      for (int threads : new int[] {1, 0}) {
        BatchPolicy policy = new BatchPolicy();
        policy.maxConcurrentThreads = threads;
        List<BatchRecord> rows = new ArrayList<>(reads);
        assertThat(client.operate(policy, rows)).isTrue();
        assertThat(rows).allSatisfy(r -> assertThat(r.record.getInt("v")).isEqualTo(1));
      }
    }
  }
}
