package org.aerobench.embedded.info;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.aerobench.embedded.wire.Wire;

/**
 * What a node tells the client about the cluster it is in: generations, peers, and which partitions
 * it holds as master or replica. A node started alone is a one-node cluster ({@link #single});
 * {@code embedded.cluster} gives each of its nodes a view of the whole.
 */
public interface Topology {

  /** {@link #role} of the master. */
  int MASTER = 0;

  /** {@link #role} of a node that holds no copy of the partition. */
  int NONE = -1;

  /** Moves when a node joins or leaves ({@code peers-generation}). */
  long peersGeneration();

  /** Moves when partitions move ({@code partition-generation}, {@code rebalance-generation}). */
  long partitionGeneration();

  /** The {@code peers-clear-std} value: {@code generation,default port,[[id,,[host:port]],...]}. */
  String peers();

  /** This node's partitions, one base64 bitmap of 4096 bits per replica position, master first. */
  List<String> replicaBitmaps();

  /** 0 = master, 1.. = replica position, {@link #NONE} = no copy here. */
  int role(int partition);

  /**
   * Whether this node can answer a scan of the partition: it holds a copy ({@link #role}), or held
   * one until a moment ago and, like a server whose migration out has not finished, still serves it
   * while clients catch up with the new map.
   */
  default boolean servesScan(int partition) {
    return role(partition) != NONE;
  }

  int clusterSize();

  /** Copies of each partition the cluster is configured for ({@code replication-factor}). */
  int replicationFactor();

  /** The answer to {@code aerobench-cluster[:params]}. */
  String control(String params);

  /** A node alone: it owns every partition and has no peers. */
  static Topology single(int port) {
    return new Single(port);
  }

  /** Every partition set, base64. */
  static String allPartitions() {
    return Single.ALL;
  }

  /** The one-node view. */
  record Single(int port) implements Topology {
    private static final String ALL;

    static {
      byte[] bitmap = new byte[Wire.PARTITIONS / 8];
      Arrays.fill(bitmap, (byte) 0xFF);
      ALL = Base64.getEncoder().encodeToString(bitmap);
    }

    @Override
    public long peersGeneration() {
      return 1;
    }

    @Override
    public long partitionGeneration() {
      return 1; // one node: partitions never move
    }

    @Override
    public String peers() {
      return "1," + port + ",[]";
    }

    @Override
    public List<String> replicaBitmaps() {
      return List.of(ALL);
    }

    @Override
    public int role(int partition) {
      return MASTER;
    }

    @Override
    public int clusterSize() {
      return 1;
    }

    @Override
    public int replicationFactor() {
      return 1;
    }

    @Override
    public String control(String params) {
      return "ERROR:"
          + Wire.RESULT_PARAMETER_ERROR
          + ":this server is one node; node faults need a cluster, e.g. embedded-server --nodes 3";
    }
  }
}
