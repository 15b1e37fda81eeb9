package org.aerobench.embedded.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.EmbeddedConfig;
import org.junit.jupiter.api.Test;

/** Like servers, nodes started again on the same ports get the same ids and partitions. */
class StableIdsTest {

  static List<Integer> freePorts(int n) throws IOException {
    List<Integer> ports = new ArrayList<>();
    List<ServerSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0);
        open.add(s);
        ports.add(s.getLocalPort());
      }
    } finally {
      for (ServerSocket s : open) {
        s.close();
      }
    }
    return ports;
  }

  static List<String> view(EmbeddedCluster cluster) {
    List<String> view = new ArrayList<>();
    for (int n = 1; n <= cluster.size(); n++) {
      view.add(cluster.nodeId(n));
    }
    for (int p = 0; p < 4096; p++) {
      view.add(Integer.toString(cluster.masterOf(p)));
    }
    return view;
  }

  @Test
  void aClusterStartedTwiceOnTheSamePortsHasTheSameNodeIdsAndPartitionSplit() throws Exception {
    List<Integer> ports = freePorts(3);
    ClusterConfig config = ClusterConfig.of(EmbeddedConfig.defaults(), 3).withPorts(ports);
    List<String> first;
    try (EmbeddedCluster cluster = EmbeddedCluster.start(config)) {
      first = view(cluster);
    }
    try (EmbeddedCluster cluster = EmbeddedCluster.start(config)) {
      assertThat(view(cluster)).isEqualTo(first);
      assertThat(first.subList(0, 3)).doesNotHaveDuplicates();
    }
    List<Integer> others = freePorts(3);
    try (EmbeddedCluster cluster =
        EmbeddedCluster.start(ClusterConfig.of(EmbeddedConfig.defaults(), 3).withPorts(others))) {
      assertThat(view(cluster).subList(0, 3)).doesNotContainAnyElementsOf(first.subList(0, 3));
    }
  }
}
