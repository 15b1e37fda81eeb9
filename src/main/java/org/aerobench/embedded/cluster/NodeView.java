package org.aerobench.embedded.cluster;

import java.util.List;
import org.aerobench.embedded.info.Topology;

/** What one node of an {@link EmbeddedCluster} tells the client: the cluster seen from it. */
final class NodeView implements Topology {

  private final EmbeddedCluster cluster;
  private final int index;

  NodeView(EmbeddedCluster cluster, int index) {
    this.cluster = cluster;
    this.index = index;
  }

  @Override
  public long peersGeneration() {
    return cluster.generation();
  }

  @Override
  public long partitionGeneration() {
    return cluster.generation();
  }

  @Override
  public String peers() {
    return cluster.peersOf(index);
  }

  @Override
  public List<String> replicaBitmaps() {
    return cluster.table().bitmaps(index);
  }

  @Override
  public int role(int partition) {
    return cluster.table().role(index, partition);
  }

  @Override
  public boolean servesScan(int partition) {
    return cluster.servesScan(index, partition);
  }

  @Override
  public int clusterSize() {
    return cluster.memberCount();
  }

  @Override
  public int replicationFactor() {
    return cluster.replicationFactor();
  }

  @Override
  public String control(String params) {
    return cluster.control(params, index);
  }
}
