package org.aerobench.embedded.cdt;

import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.wire.Wire;

/** The list commands that change a list in place: append, insert, set, pop, trim, sort... */
final class ListWrites {

  // ListWriteFlags
  private static final int ADD_UNIQUE = 1;
  private static final int INSERT_BOUNDED = 2;
  private static final int NO_FAIL = 4;
  private static final int PARTIAL = 8;

  // ListSortFlags
  private static final int DESCENDING = 1;
  private static final int DROP_DUPLICATES = 2;

  private ListWrites() {}

  static Val apply(Args a, Slot slot, Val.Lst list, boolean topLevel) {
    List<Val> items = list.items();
    int n = items.size();
    switch (a.command()) {
      case ListOps.SET_TYPE -> {
        // A persisted index exists only for a bin's own list; the server ignores it deeper.
        int flags = (int) a.integer(0) & (topLevel ? 0x11 : 0x01);
        Val.Lst typed = new Val.Lst(flags, items);
        if (typed.ordered()) {
          items.sort(ValueOrder.INSTANCE);
        }
        slot.value = typed;
        return null;
      }
      case ListOps.APPEND -> {
        return add(list, List.of(a.storable(0)), n, (int) a.integer(2, 0), false);
      }
      case ListOps.APPEND_ITEMS -> {
        return add(list, storableList(a, 0), n, (int) a.integer(2, 0), false);
      }
      case ListOps.INSERT -> {
        return add(list, List.of(a.storable(1)), a.integer(0), (int) a.integer(2, 0), true);
      }
      case ListOps.INSERT_ITEMS -> {
        return add(list, storableList(a, 1), a.integer(0), (int) a.integer(2, 0), true);
      }
      case ListOps.POP, ListOps.REMOVE -> {
        int p = Selectors.byIndex(n, a.integer(0)).positions().get(0);
        Val v = items.remove(p);
        return a.command() == ListOps.POP ? v : new Val.Int(1);
      }
      case ListOps.POP_RANGE, ListOps.REMOVE_RANGE -> {
        Selection s = Selectors.byIndexRange(n, a.integer(0), a.count(1));
        Val.Lst values = ListOps.valuesOf(items, s.positions());
        Picks.removePositions(list, null, s.positions());
        return a.command() == ListOps.POP_RANGE ? values : new Val.Int(s.count());
      }
      case ListOps.SET -> {
        set(list, a.integer(0), a.storable(1), (int) a.integer(2, 0));
        return null;
      }
      case ListOps.TRIM -> {
        // Keeps [index, index + count) and answers how many went; the index must exist.
        Selection keep = Selectors.byIndex(n, a.integer(0));
        keep = Selectors.byIndexRange(n, keep.positions().get(0), a.count(1));
        Selection gone = keep.inverted(n);
        Picks.removePositions(list, null, gone.positions());
        return new Val.Int(gone.count());
      }
      case ListOps.CLEAR -> {
        items.clear();
        return null;
      }
      case ListOps.INCREMENT -> {
        return increment(list, a);
      }
      case ListOps.SORT -> {
        sort(list, (int) a.integer(0));
        return null;
      }
      default ->
          throw new CdtException(
              Wire.RESULT_UNSUPPORTED_FEATURE, "list command " + a.command() + " unsupported");
    }
  }

  private static List<Val> storableList(Args a, int i) {
    List<Val> in = a.list(i);
    List<Val> out = new ArrayList<>(in.size());
    for (Val v : in) {
      if (v.hasNonStorage()) {
        throw Args.bad("wildcard or infinity cannot be stored");
      }
      out.add(v.copy());
    }
    return out;
  }

  /**
   * Appends or inserts {@code values} at {@code index} (an ordered list puts each in order; an
   * insert into one is OP_NOT_APPLICABLE). ADD_UNIQUE refuses values already there (or repeated)
   * with ELEMENT_EXISTS; NO_FAIL turns the refusal into a no-op, and NO_FAIL|PARTIAL adds the
   * others. An index past the end pads with nils unless INSERT_BOUNDED. Answers the new size.
   */
  private static Val add(Val.Lst list, List<Val> values, long index, int flags, boolean insert) {
    List<Val> items = list.items();
    int n = items.size();
    if (insert && list.ordered()) {
      throw new CdtException(Wire.RESULT_OP_NOT_APPLICABLE, "insert into an ordered list");
    }
    long at = index < 0 ? n + index : index;
    if (at < 0 || at > Integer.MAX_VALUE) {
      throw new CdtException(Wire.RESULT_OP_NOT_APPLICABLE, "insert index out of bounds");
    }
    if ((flags & INSERT_BOUNDED) != 0 && at > n) {
      if ((flags & NO_FAIL) != 0) {
        return new Val.Int(n);
      }
      throw new CdtException(Wire.RESULT_OP_NOT_APPLICABLE, "insert past the end (bounded)");
    }
    List<Val> adding = values;
    if ((flags & ADD_UNIQUE) != 0) {
      adding = new ArrayList<>();
      for (Val v : values) {
        boolean dup = contains(items, v) || contains(adding, v);
        if (!dup) {
          adding.add(v);
        } else if ((flags & NO_FAIL) == 0) {
          throw new CdtException(CdtException.ELEMENT_EXISTS, "value already in the list");
        } else if ((flags & PARTIAL) == 0) {
          return new Val.Int(n); // all or nothing: nothing
        }
      }
    }
    if (list.ordered()) {
      for (Val v : adding) {
        items.add(upperBound(items, v), v);
      }
    } else {
      while (items.size() < at) {
        items.add(new Val.Nil());
      }
      items.addAll((int) at, adding);
    }
    return new Val.Int(items.size());
  }

  private static boolean contains(List<Val> items, Val v) {
    for (Val x : items) {
      if (ValueOrder.cmp(x, v) == 0) {
        return true;
      }
    }
    return false;
  }

  /** The index after the last element not above {@code v} in a sorted list. */
  static int upperBound(List<Val> sorted, Val v) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ValueOrder.cmp(sorted.get(mid), v) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Replaces the item at index; past the end it is inserted (nil padded), like the server. */
  private static void set(Val.Lst list, long index, Val v, int flags) {
    List<Val> items = list.items();
    int n = items.size();
    if (list.ordered()) {
      throw new CdtException(Wire.RESULT_OP_NOT_APPLICABLE, "set by index in an ordered list");
    }
    if (index >= n) {
      add(list, List.of(v), index, flags, true);
      return;
    }
    int p = Selectors.byIndex(n, index).positions().get(0);
    if ((flags & ADD_UNIQUE) != 0) {
      for (int i = 0; i < n; i++) {
        if (i != p && ValueOrder.cmp(items.get(i), v) == 0) {
          if ((flags & NO_FAIL) != 0) {
            return;
          }
          throw new CdtException(CdtException.ELEMENT_EXISTS, "value already in the list");
        }
      }
    }
    items.set(p, v);
  }

  /**
   * Adds a delta (default 1) to the number at index and answers the new value; the element's type
   * wins (an integer stays an integer). Past the end the delta is inserted.
   */
  private static Val increment(Val.Lst list, Args a) {
    List<Val> items = list.items();
    int n = items.size();
    long index = a.integer(0);
    Val delta = a.has(1) ? a.value(1) : new Val.Nil();
    long at = index < 0 ? n + index : index;
    if (at < 0 || at > Integer.MAX_VALUE) {
      throw new CdtException(Wire.RESULT_OP_NOT_APPLICABLE, "increment index out of bounds");
    }
    Val current = at < n ? items.get((int) at) : null;
    Val next = Numbers.add(current, delta, false);
    int flags = (int) a.integer(3, 0);
    if (list.ordered()) {
      if (current != null) {
        items.remove((int) at);
      }
      items.add(upperBound(items, next), next);
    } else if (current != null) {
      set(list, at, next, flags);
    } else {
      add(list, List.of(next), at, flags, true);
    }
    return next;
  }

  private static void sort(Val.Lst list, int flags) {
    List<Val> items = list.items();
    if (!list.ordered()) {
      items.sort((flags & DESCENDING) != 0 ? ValueOrder.INSTANCE.reversed() : ValueOrder.INSTANCE);
    }
    if ((flags & DROP_DUPLICATES) != 0) {
      List<Val> kept = new ArrayList<>(items.size());
      for (Val v : items) {
        if (kept.isEmpty() || ValueOrder.cmp(kept.get(kept.size() - 1), v) != 0) {
          kept.add(v);
        }
      }
      items.clear();
      items.addAll(kept);
    }
  }
}
