package org.aerobench.embedded.cdt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The elements a selector runs over, in index order: a list's items as stored, or a map's entries
 * by key (the server's map index is key order for every map, ordered or not). Ranks order the
 * values, ties broken by index, as the server's order index does.
 */
final class Elements {

  final List<Val> values;
  final List<Val.Entry> entries; // map entries in key order; null for a list
  private final int[] storageIndex; // a map entry's place in the map as stored; null for a list
  private int[] byRank;
  private int[] rankOf;

  private Elements(List<Val> values, List<Val.Entry> entries, int[] storageIndex) {
    this.values = values;
    this.entries = entries;
    this.storageIndex = storageIndex;
  }

  static Elements of(Val.Lst list) {
    return new Elements(list.items(), null, null);
  }

  static Elements of(Val.Mp map) {
    List<Val.Entry> sorted = new ArrayList<>(map.entries());
    if (!map.keyOrdered()) {
      sorted.sort(ValueOrder::byKey);
    }
    List<Val> values = new ArrayList<>(sorted.size());
    java.util.IdentityHashMap<Val.Entry, Integer> stored = new java.util.IdentityHashMap<>();
    for (int i = 0; i < map.entries().size(); i++) {
      stored.put(map.entries().get(i), i);
    }
    int[] storageIndex = new int[sorted.size()];
    for (int i = 0; i < sorted.size(); i++) {
      values.add(sorted.get(i).value);
      storageIndex[i] = stored.get(sorted.get(i));
    }
    return new Elements(values, sorted, storageIndex);
  }

  /**
   * {@code positions} in the order the elements are stored. The server builds most multi-element
   * map results from a bit mask over the stored map, so an unordered map answers in insertion
   * order; a list's storage order is its index order.
   */
  List<Integer> storageOrder(List<Integer> positions) {
    List<Integer> out = new ArrayList<>(positions);
    if (storageIndex != null) {
      out.sort(Comparator.comparingInt(p -> storageIndex[p]));
    } else {
      out.sort(Integer::compare);
    }
    return out;
  }

  /** {@code positions} in rank (value) order. */
  List<Integer> rankOrder(List<Integer> positions) {
    List<Integer> out = new ArrayList<>(positions);
    out.sort(Comparator.comparingInt(this::rankOf));
    return out;
  }

  int size() {
    return values.size();
  }

  boolean isMap() {
    return entries != null;
  }

  Val key(int pos) {
    return entries.get(pos).key;
  }

  /** The position of rank {@code rank}. */
  int atRank(int rank) {
    ranks();
    return byRank[rank];
  }

  int rankOf(int pos) {
    ranks();
    return rankOf[pos];
  }

  private void ranks() {
    if (byRank != null) {
      return;
    }
    int n = values.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Comparator<Integer> byValue = (a, b) -> ValueOrder.cmp(values.get(a), values.get(b));
    Arrays.sort(order, byValue.thenComparing(Integer::compare)); // stable: ties by index
    byRank = new int[n];
    rankOf = new int[n];
    for (int r = 0; r < n; r++) {
      byRank[r] = order[r];
      rankOf[order[r]] = r;
    }
  }

  /** How many values are below {@code v}: the rank a value equal to v would start at. */
  int countBelow(Val v) {
    int c = 0;
    for (Val x : values) {
      if (ValueOrder.cmp(x, v) < 0) {
        c++;
      }
    }
    return c;
  }

  /** How many keys are below {@code k}: the index a key equal to k has or would have. */
  int countKeysBelow(Val k) {
    int c = 0;
    for (Val.Entry e : entries) {
      if (ValueOrder.cmp(e.key, k) < 0) {
        c++;
      }
    }
    return c;
  }
}
