package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Info;
import com.aerospike.client.Key;
import com.aerospike.client.cluster.Node;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InfoCommandsTest {

  static EmbeddedAerospike server;
  static AerospikeClient client;

  @BeforeAll
  static void start() {
    server =
        EmbeddedAerospike.start(EmbeddedConfig.defaults().withNamespaces(List.of("test", "bar")));
    client = new AerospikeClient(server.host(), server.port());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void tend_commands_answer_like_a_one_node_cluster() throws Exception {
    try (RawWire raw = new RawWire(server)) {
      Map<String, String> reply =
          parse(
              raw.info(
                  "node",
                  "partition-generation",
                  "peers-generation",
                  "peers-clear-std",
                  "features",
                  "cluster-name",
                  "namespaces",
                  "build"));

      assertThat(reply.get("node")).matches("[0-9A-F]{16}");
      assertThat(reply.get("partition-generation")).isEqualTo("1");
      assertThat(reply.get("peers-clear-std")).isEqualTo("1," + server.port() + ",[]");
      assertThat(reply.get("features").split(";")).contains("pscans", "batch-any");
      assertThat(reply.get("cluster-name")).isEqualTo("embedded");
      assertThat(reply.get("namespaces")).isEqualTo("test;bar");
      assertThat(reply.get("build")).startsWith("8.");
    }
  }

  @Test
  void replicas_gives_every_namespace_all_4096_partitions() throws Exception {
    try (RawWire raw = new RawWire(server)) {
      String value = parse(raw.info("replicas")).get("replicas");

      String[] namespaces = value.split(";");
      assertThat(namespaces).hasSize(2);
      for (String ns : namespaces) {
        String[] parts = ns.split("[:,]");
        assertThat(parts[1]).isEqualTo("0"); // regime
        assertThat(parts[2]).isEqualTo("1"); // replica count
        byte[] bitmap = Base64.getDecoder().decode(parts[3]);
        assertThat(bitmap).hasSize(512).containsOnly((byte) 0xFF);
      }
    }
  }

  @Test
  void namespace_and_statistics_count_objects() {
    client.put(null, new Key("bar", "s", 1), new Bin("a", 1));
    Node node = client.getNodes()[0];

    assertThat(Info.request(node, "namespace/bar")).contains("objects=1");
    assertThat(Info.request(node, "statistics")).contains("cluster_size=1");
    assertThat(Info.request(node, "namespace/nope")).startsWith("ERROR:20:");
    assertThat(server.recordCount("bar")).isEqualTo(1);
  }

  @Test
  void namespace_info_carries_the_keys_clients_and_tools_read() {
    Map<String, String> kv = pairs(Info.request(client.getNodes()[0], "namespace/test"), ";");

    assertThat(kv)
        .containsEntry("nsup-period", "10")
        .containsEntry("allow-ttl-without-nsup", "false")
        .containsEntry("max-record-size", "1048576")
        .containsEntry("replication-factor", "1")
        .containsEntry("default-ttl", "0")
        .containsEntry("storage-engine", "memory")
        .containsKeys("objects", "data_used_bytes", "data_total_bytes", "index_used_bytes");
  }

  @Test
  void sets_info_counts_the_objects_of_each_set() {
    client.put(null, new Key("test", "alpha", 1), new Bin("a", 1));
    client.put(null, new Key("test", "alpha", 2), new Bin("a", 1));
    client.put(null, new Key("test", "beta", 1), new Bin("a", 1));
    Node node = client.getNodes()[0];

    String ofTest = Info.request(node, "sets/test");
    String all = Info.request(node, "sets");

    assertThat(ofTest)
        .contains("ns=test:set=alpha:objects=2:")
        .contains("ns=test:set=beta:objects=1:");
    assertThat(all).contains("ns=test:set=alpha:objects=2:");
    assertThat(pairs(Info.request(node, "namespace/test"), ";")).containsEntry("objects", "3");
  }

  @Test
  void truncate_namespace_removes_every_set() {
    client.put(null, new Key("bar", "s1", 1), new Bin("a", 1));
    client.put(null, new Key("bar", "s2", 1), new Bin("a", 1));

    client.truncate(null, "bar", null, null);

    assertThat(client.exists(null, new Key("bar", "s1", 1))).isFalse();
    assertThat(client.exists(null, new Key("bar", "s2", 1))).isFalse();
  }

  private static Map<String, String> pairs(String value, String separator) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (String kv : value.split(separator)) {
      int eq = kv.indexOf('=');
      map.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return map;
  }

  private static Map<String, String> parse(String reply) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (String line : reply.split("\n")) {
      int tab = line.indexOf('\t');
      map.put(line.substring(0, tab), line.substring(tab + 1));
    }
    return map;
  }
}
