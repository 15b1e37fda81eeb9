package org.aerobench.embedded.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.cluster.Node;
import com.aerospike.client.cluster.Partition;
import com.aerospike.client.command.ScanPartitionCommand;
import com.aerospike.client.policy.Replica;
import com.aerospike.client.policy.ScanPolicy;
import com.aerospike.client.query.PartitionFilter;
import com.aerospike.client.query.PartitionStatus;
import com.aerospike.client.query.PartitionTracker;
import com.aerospike.client.query.PartitionTracker.NodePartitions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.info.Topology;
import org.junit.jupiter.api.Test;

/** Partition scans against three nodes: each node answers the partitions it holds a copy of. */
class ClusterScanTest {

  static final String SET = "scans";

  static EmbeddedCluster cluster(int rf) {
    return EmbeddedCluster.start(
        ClusterConfig.of(EmbeddedConfig.defaults(), 3).withReplicationFactor(rf));
  }

  static Set<Object> seed(AerospikeClient client, int n) {
    Set<Object> keys = new HashSet<>();
    for (int i = 0; i < n; i++) {
      client.put(null, new Key(EmbeddedClusterTest.NS, SET, i), new Bin("v", i));
      keys.add(i);
    }
    return keys;
  }

  static Node clientNode(AerospikeClient client, String id) {
    for (Node n : client.getNodes()) {
      if (n.getName().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("the client does not know node " + id);
  }

  @Test
  void aNodeMarksPartitionsItHoldsNoCopyOfUnavailableAndSendsNoneOfTheirRecords() {
    try (EmbeddedCluster cluster = cluster(1);
        AerospikeClient client =
            new AerospikeClient(
                EmbeddedClusterTest.policy(), new Host(cluster.host(), cluster.port(1)))) {
      seed(client, 400);
      // The client's own scan command, sent to node 1 with partitions of each kind: like a client
      // whose partition map is stale after a rebalance.
      List<Integer> own = new ArrayList<>();
      List<Integer> foreign = new ArrayList<>();
      for (int p = 0; p < 4096; p++) {
        (cluster.table().role(0, p) == Topology.NONE ? foreign : own).add(p);
      }
      List<Integer> every = new ArrayList<>(own);
      every.addAll(foreign);
      Set<Integer> seenPartitions = ConcurrentHashMap.newKeySet();
      NodePartitions np = scanOn(client, cluster, 1, every, seenPartitions);

      assertThat(np.partsUnavailable).isEqualTo(foreign.size());
      assertThat(foreign).isNotEmpty().doesNotContainAnyElementsOf(seenPartitions);
      assertThat(own).containsAll(seenPartitions);
      assertThat(seenPartitions).isNotEmpty();
    }
  }

  /** The client's own scan command for {@code partitions}, sent to node {@code n} only. */
  static NodePartitions scanOn(
      AerospikeClient client,
      EmbeddedCluster cluster,
      int n,
      List<Integer> partitions,
      Set<Integer> seenPartitions) {
    ScanPolicy policy = new ScanPolicy();
    PartitionTracker tracker = new PartitionTracker(policy, client.getNodes());
    NodePartitions np = new NodePartitions(clientNode(client, cluster.nodeId(n)), 4096);
    for (int p : partitions) {
      np.addPartition(new PartitionStatus(p));
    }
    new ScanPartitionCommand(
            client.getCluster(),
            policy,
            EmbeddedClusterTest.NS,
            SET,
            null,
            (key, record) -> seenPartitions.add(Partition.getPartitionId(key.digest)),
            1,
            tracker,
            np)
        .execute();
    return np;
  }

  @Test
  void aNodeKeepsServingScansOfPartitionsARejoinTookFromItUntilTheHandoverEnds() throws Exception {
    try (EmbeddedCluster cluster =
            EmbeddedCluster.start(
                ClusterConfig.of(EmbeddedConfig.defaults(), 3)
                    .withReplicationFactor(2)
                    .withHeartbeatTimeout(java.time.Duration.ofMillis(200)));
        AerospikeClient client =
            new AerospikeClient(
                EmbeddedClusterTest.policy(), new Host(cluster.host(), cluster.port(1)))) {
      seed(client, 800);
      long generation = cluster.generation();
      cluster.stop(3);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (cluster.generation() == generation && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(cluster.generation()).as("node 3 left").isGreaterThan(generation);
      PartitionTable without3 = cluster.table();
      cluster.start(3); // rejoins at once and takes its partitions back
      PartitionTable with3 = cluster.table();
      List<Integer> handed = new ArrayList<>();
      for (int p = 0; p < 4096; p++) {
        if (without3.role(0, p) != Topology.NONE && with3.role(0, p) == Topology.NONE) {
          handed.add(p);
        }
      }
      assertThat(handed).isNotEmpty();

      Set<Integer> seen = ConcurrentHashMap.newKeySet();
      NodePartitions during = scanOn(client, cluster, 1, handed, seen);
      assertThat(during.partsUnavailable).as("while handing over").isZero();
      assertThat(seen).isNotEmpty();
      assertThat(handed).containsAll(seen);

      Thread.sleep(EmbeddedCluster.HANDOVER.toMillis() + 200);
      Set<Integer> after = ConcurrentHashMap.newKeySet();
      NodePartitions done = scanOn(client, cluster, 1, handed, after);
      assertThat(done.partsUnavailable).as("after the handover").isEqualTo(handed.size());
      assertThat(after).isEmpty();
    }
  }

  @Test
  void aReplicaAnswersTheScanOfAPartitionItHoldsACopyOf() {
    try (EmbeddedCluster cluster = cluster(2);
        AerospikeClient client =
            new AerospikeClient(
                EmbeddedClusterTest.policy(), new Host(cluster.host(), cluster.port(1)))) {
      Set<Object> keys = seed(client, 600);
      // MASTER_PROLES sends each partition to its master or its replica, alternating.
      ScanPolicy policy = new ScanPolicy();
      policy.replica = Replica.MASTER_PROLES;
      for (int round = 0; round < 2; round++) {
        Set<Object> seen = ConcurrentHashMap.newKeySet();
        List<Object> all = java.util.Collections.synchronizedList(new ArrayList<>());
        client.scanAll(
            policy,
            EmbeddedClusterTest.NS,
            SET,
            (key, record) -> {
              seen.add(record.getInt("v"));
              all.add(record.getInt("v"));
            });
        assertThat(seen).isEqualTo(keys);
        assertThat(all).hasSameSizeAs(keys);
      }
    }
  }

  @Test
  void aPagedScanOverThreeNodesReturnsEveryRecordOnceWithBothReplicationFactors() {
    for (int rf : new int[] {1, 2}) {
      try (EmbeddedCluster cluster = cluster(rf);
          AerospikeClient client =
              new AerospikeClient(
                  EmbeddedClusterTest.policy(), new Host(cluster.host(), cluster.port(2)))) {
        Set<Object> keys = seed(client, 500);
        ScanPolicy policy = new ScanPolicy();
        policy.maxRecords = 70;
        PartitionFilter filter = PartitionFilter.all();
        List<Object> all = java.util.Collections.synchronizedList(new ArrayList<>());
        int pages = 0;
        while (!filter.isDone() && pages < 100) {
          client.scanPartitions(
              policy,
              filter,
              EmbeddedClusterTest.NS,
              SET,
              (key, record) -> all.add(record.getInt("v")));
          pages++;
        }
        assertThat(new HashSet<>(all)).as("rf %d", rf).isEqualTo(keys);
        assertThat(all).as("rf %d", rf).hasSameSizeAs(keys);
      }
    }
  }
}
