package org.aerobench.embedded.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.aerobench.embedded.info.Topology;
import org.aerobench.embedded.wire.Wire;

/**
 * Which nodes hold each of the 4096 partitions, for one membership: the master first, then the
 * replicas, {@code min(replication factor, members)} in all. Like a server's succession list, the
 * order per partition comes from hashing (node, partition) (rendezvous hashing), so a node that
 * leaves moves only the partitions it held and one that returns gets the same ones back.
 */
final class PartitionTable {

  private final int[] members;
  private final int copies;
  private final byte[][] roles; // [node][partition]: position, or NONE
  private final List<List<String>> bitmaps; // [node] → base64 per position

  /**
   * @param members the nodes in the cluster (0-based), ascending
   * @param seeds one hash seed per node of the whole cluster (members or not)
   */
  PartitionTable(int[] members, long[] seeds, int replicationFactor) {
    if (members.length == 0) {
      throw new IllegalArgumentException("a partition table needs at least one member");
    }
    this.members = members.clone();
    this.copies = Math.min(replicationFactor, members.length);
    int nodes = seeds.length;
    roles = new byte[nodes][Wire.PARTITIONS];
    for (byte[] r : roles) {
      Arrays.fill(r, (byte) Topology.NONE);
    }
    byte[][][] bits = new byte[nodes][copies][Wire.PARTITIONS / 8];
    long[] scores = new long[members.length];
    int[] order = new int[members.length];
    for (int p = 0; p < Wire.PARTITIONS; p++) {
      for (int m = 0; m < members.length; m++) {
        scores[m] = score(seeds[members[m]], p);
        order[m] = m;
      }
      sortByScore(order, scores);
      for (int position = 0; position < copies; position++) {
        int node = members[order[position]];
        roles[node][p] = (byte) position;
        bits[node][position][p >> 3] |= (byte) (0x80 >>> (p & 7)); // partition 0 = top bit
      }
    }
    List<List<String>> encoded = new ArrayList<>(nodes);
    for (int node = 0; node < nodes; node++) {
      List<String> positions = new ArrayList<>(copies);
      for (int position = 0; position < copies; position++) {
        positions.add(Base64.getEncoder().encodeToString(bits[node][position]));
      }
      encoded.add(List.copyOf(positions));
    }
    this.bitmaps = List.copyOf(encoded);
  }

  /** Copies of each partition: the replication factor, or fewer when fewer nodes are in. */
  int copies() {
    return copies;
  }

  int[] members() {
    return members.clone();
  }

  boolean isMember(int node) {
    return Arrays.binarySearch(members, node) >= 0;
  }

  /** 0 = master, 1.. = replica, {@link Topology#NONE} = no copy. */
  int role(int node, int partition) {
    return roles[node][partition];
  }

  /** The master of a partition. */
  int master(int partition) {
    for (int node : members) {
      if (roles[node][partition] == Topology.MASTER) {
        return node;
      }
    }
    throw new IllegalStateException("partition " + partition + " has no master");
  }

  /** A node's bitmaps, master position first; all-empty ones for a node that is not a member. */
  List<String> bitmaps(int node) {
    return bitmaps.get(node);
  }

  /** Descending score; ties (improbable with 64-bit hashes) by member order. */
  private static void sortByScore(int[] order, long[] scores) {
    for (int i = 1; i < order.length; i++) { // at most 8 members: insertion sort
      int o = order[i];
      int j = i - 1;
      while (j >= 0 && scores[order[j]] < scores[o]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = o;
    }
  }

  /** A 64-bit mix (SplitMix64's finalizer) of the node's seed and the partition. */
  static long score(long seed, int partition) {
    long z = seed + (partition + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
