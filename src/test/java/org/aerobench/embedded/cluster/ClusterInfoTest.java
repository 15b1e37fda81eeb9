package org.aerobench.embedded.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Info;
import com.aerospike.client.Key;
import com.aerospike.client.cluster.Node;
import com.aerospike.client.cluster.Partition;
import java.util.HashMap;
import java.util.Map;
import org.aerobench.embedded.EmbeddedConfig;
import org.junit.jupiter.api.Test;

/** What each of three nodes reports about the records, as a server reports its own copies. */
class ClusterInfoTest {

  static final String SET = "info";
  static final int RECORDS = 900;

  static EmbeddedCluster cluster(int rf) {
    return EmbeddedCluster.start(
        ClusterConfig.of(EmbeddedConfig.defaults(), 3).withReplicationFactor(rf));
  }

  static Map<String, String> pairs(String reply, String separator) {
    Map<String, String> map = new HashMap<>();
    for (String kv : reply.split(separator)) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        map.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    return map;
  }

  static long number(Map<String, String> map, String key) {
    assertThat(map).containsKey(key);
    return Long.parseLong(map.get(key));
  }

  @Test
  void eachNodeCountsTheRecordsOfThePartitionsItIsMasterOrReplicaOfWithBothReplicationFactors() {
    for (int rf : new int[] {1, 2}) {
      try (EmbeddedCluster cluster = cluster(rf);
          AerospikeClient client =
              new AerospikeClient(
                  EmbeddedClusterTest.policy(), new Host(cluster.host(), cluster.port(1)))) {
        long[] mastered = new long[4];
        for (int i = 0; i < RECORDS; i++) {
          Key k = new Key(EmbeddedClusterTest.NS, SET, i);
          client.put(null, k, new Bin("v", i));
          mastered[cluster.masterOf(Partition.getPartitionId(k.digest))]++;
        }
        long masters = 0;
        long proles = 0;
        long setObjects = 0;
        for (int n = 1; n <= 3; n++) {
          Map<String, String> ns =
              pairs(Info.request(cluster.host(), cluster.port(n), "namespace/test"), ";");
          long master = number(ns, "master_objects");
          long prole = number(ns, "prole_objects");
          assertThat(master).as("rf %d node %d masters", rf, n).isEqualTo(mastered[n]);
          assertThat(number(ns, "objects")).isEqualTo(master + prole);
          assertThat(number(ns, "ns_cluster_size")).isEqualTo(3);
          assertThat(number(ns, "effective_replication_factor")).isEqualTo(rf);
          assertThat(number(ns, "replication-factor")).isEqualTo(rf);
          Map<String, String> stats =
              pairs(Info.request(cluster.host(), cluster.port(n), "statistics"), ";");
          assertThat(number(stats, "objects")).isEqualTo(master + prole);
          Map<String, String> set =
              pairs(Info.request(cluster.host(), cluster.port(n), "sets/test/" + SET), ":");
          assertThat(number(set, "objects")).isEqualTo(master + prole);
          masters += master;
          proles += prole;
          setObjects += number(set, "objects");
        }
        assertThat(masters).as("rf %d", rf).isEqualTo(RECORDS);
        assertThat(proles).as("rf %d", rf).isEqualTo((long) RECORDS * (rf - 1));
        assertThat(setObjects).as("rf %d", rf).isEqualTo((long) RECORDS * rf);
      }
    }
  }

  @Test
  void aTruncateSentToOneNodeEmptiesTheSetOnEveryNodeAndEveryNodeAnswersOk() throws Exception {
    try (EmbeddedCluster cluster = cluster(2);
        AerospikeClient client =
            new AerospikeClient(
                EmbeddedClusterTest.policy(), new Host(cluster.host(), cluster.port(1)))) {
      for (int i = 0; i < 300; i++) {
        client.put(null, new Key(EmbeddedClusterTest.NS, SET, i), new Bin("v", i));
      }
      client.truncate(null, EmbeddedClusterTest.NS, SET, null); // the client asks one node
      for (Node node : client.getNodes()) {
        assertThat(Info.request(null, node, "sets/test/" + SET)).isEmpty();
        assertThat(Info.request(null, node, "truncate:namespace=test;set=" + SET)).isEqualTo("ok");
      }
      for (int i = 0; i < 300; i++) {
        assertThat(client.exists(null, new Key(EmbeddedClusterTest.NS, SET, i))).isFalse();
      }
      assertThat(cluster.recordCount(EmbeddedClusterTest.NS)).isZero();
    }
  }
}
