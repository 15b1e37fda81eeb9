package org.aerobench.embedded.cdt;

import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.wire.Wire;

/**
 * The ways an operation picks elements: by index, rank, value (or key), value interval, value list
 * and relative rank (or relative index). Index and count rules follow the server's
 * calc_index_count: a negative index counts from the end, a count is unsigned (a negative count
 * from a client means "to the end"), a range clips to the elements, and a single-element selector
 * out of bounds fails with OP_NOT_APPLICABLE.
 */
final class Selectors {

  private Selectors() {}

  /** An unsigned count from the wire; absent or negative means "all the rest". */
  static long count(Long c) {
    return c == null || c < 0 ? Long.MAX_VALUE : c;
  }

  static Selection byIndex(int size, long index) {
    long i = index < 0 ? size + index : index;
    if (i < 0 || i >= size) {
      throw new CdtException(
          Wire.RESULT_OP_NOT_APPLICABLE, "index " + index + " out of bounds for " + size);
    }
    return Selection.single((int) i);
  }

  /** A multi-element index range, clipped like the server's calc_index_count_multi. */
  static Selection byIndexRange(int size, long index, long count) {
    long start;
    long n;
    if (index >= size) {
      start = size;
      n = 0;
    } else if (index < 0 && size + index < 0) {
      long before = -(size + index); // elements of the range that lie before index 0
      n = count > before ? Math.min(count - before, size) : 0;
      start = 0;
    } else {
      start = index < 0 ? size + index : index;
      n = Math.min(count, size - start);
    }
    return Selection.range((int) start, (int) n);
  }

  static Selection byRank(Elements el, long rank) {
    Selection s = byIndex(el.size(), rank);
    return Selection.single(el.atRank(s.positions().get(0)));
  }

  /** Positions in rank order. */
  static Selection byRankRange(Elements el, long rank, long count) {
    Selection ranks = byIndexRange(el.size(), rank, count);
    List<Integer> p = new ArrayList<>(ranks.count());
    for (int r : ranks.positions()) {
      p.add(el.atRank(r));
    }
    return new Selection(p, true, false);
  }

  /**
   * Values in [begin, end), in index order; a null end is open. {@code end == begin} (the same
   * object) selects values equal to begin, as the server's "by value" does.
   */
  static Selection byValueInterval(Elements el, Val begin, Val end) {
    List<Integer> p = new ArrayList<>();
    for (int i = 0; i < el.size(); i++) {
      if (inInterval(el.values.get(i), begin, end)) {
        p.add(i);
      }
    }
    return new Selection(p, true, false);
  }

  /** Keys in [begin, end), in key order. */
  static Selection byKeyInterval(Elements el, Val begin, Val end) {
    List<Integer> p = new ArrayList<>();
    for (int i = 0; i < el.size(); i++) {
      if (inInterval(el.key(i), begin, end)) {
        p.add(i);
      }
    }
    return new Selection(p, true, false);
  }

  private static boolean inInterval(Val v, Val begin, Val end) {
    if (end == begin) {
      return ValueOrder.cmp(v, begin) == 0;
    }
    return ValueOrder.cmp(v, begin) >= 0 && (end == null || ValueOrder.cmp(v, end) < 0);
  }

  /**
   * Values equal to any of {@code items}. An ordered list answers item by item (the server looks
   * each item up in order), anything else in index order.
   */
  static Selection byValueList(Elements el, List<Val> items, boolean itemOrder) {
    List<Integer> p = new ArrayList<>();
    if (itemOrder) {
      for (Val item : items) {
        for (int i = 0; i < el.size(); i++) {
          if (ValueOrder.cmp(el.values.get(i), item) == 0 && !p.contains(i)) {
            p.add(i);
          }
        }
      }
      return new Selection(p, true, true);
    }
    for (int i = 0; i < el.size(); i++) {
      for (Val item : items) {
        if (ValueOrder.cmp(el.values.get(i), item) == 0) {
          p.add(i);
          break;
        }
      }
    }
    return new Selection(p, true, false);
  }

  /** Keys equal to any of {@code keys}, in key order. */
  static Selection byKeyList(Elements el, List<Val> keys) {
    List<Integer> p = new ArrayList<>();
    for (int i = 0; i < el.size(); i++) {
      for (Val k : keys) {
        if (ValueOrder.cmp(el.key(i), k) == 0) {
          p.add(i);
          break;
        }
      }
    }
    return new Selection(p, true, false);
  }

  /** The map entry with key {@code key}, or nothing. */
  static Selection byKey(Elements el, Val key) {
    for (int i = 0; i < el.size(); i++) {
      if (ValueOrder.cmp(el.key(i), key) == 0) {
        return Selection.single(i);
      }
    }
    return Selection.none(false);
  }

  /**
   * Ranks from (the rank {@code value} has or would have) + {@code rank}, like the server's
   * calc_rel_index_count: a start before rank 0 shortens the count.
   */
  static Selection byValueRelRankRange(Elements el, Val value, long rank, long count) {
    long[] ic = relative(el.countBelow(value), rank, count);
    return byRankRange(el, ic[0], ic[1]);
  }

  /** Indexes from (the index {@code key} has or would have) + {@code index}. */
  static Selection byKeyRelIndexRange(Elements el, Val key, long index, long count) {
    long[] ic = relative(el.countKeysBelow(key), index, count);
    return byIndexRange(el.size(), ic[0], ic[1]);
  }

  /** {base + offset, count}, a start before 0 shortening the count. */
  static long[] relative(int base, long offset, long count) {
    long start = base + offset;
    if (start < 0) {
      count = count > -start ? count + start : 0;
      start = 0;
    }
    return new long[] {start, count};
  }
}
