package org.aerobench.embedded.cdt;

import java.util.List;
import org.aerobench.embedded.wire.Wire;

/**
 * The map "get by" / "remove by" commands: key, index, rank, value, lists, intervals. Besides what
 * is picked, the server's map code decides the order of the answer (see {@link #resultOrder}); it
 * is mirrored here because a KEY_VALUE result reaches the client as an ordered list of entries.
 */
final class MapSelect {

  /** Map flag: the map keeps a value order index (KEY_VALUE_ORDERED). */
  private static final int VALUE_ORDERED = 2;

  private MapSelect() {}

  /** {@code getCommand} is the "get by" number (a remove passes its twin's). */
  static Val pick(Args a, int getCommand, Val.Mp map, boolean remove) {
    int rt = a.returnType(0);
    Results.check(rt, true);
    Elements el = Elements.of(map);
    int n = el.size();
    switch (getCommand) {
      case MapOps.GET_BY_INDEX_RANGE -> {
        return range(
            rt, Selectors.byIndexRange(n, a.integer(1), a.count(2)), el, map, remove, false);
      }
      case MapOps.GET_BY_RANK_RANGE -> {
        return range(
            rt, Selectors.byIndexRange(n, a.integer(1), a.count(2)), el, map, remove, true);
      }
      case MapOps.GET_BY_KEY_REL_INDEX_RANGE -> {
        Selection s = Selectors.byKeyRelIndexRange(el, a.value(1), a.integer(2), a.count(3));
        return range(rt, s, el, map, remove, false);
      }
      case MapOps.GET_BY_VALUE_REL_RANK_RANGE -> {
        long[] ic = Selectors.relative(el.countBelow(a.value(1)), a.integer(2), a.count(3));
        return range(rt, Selectors.byIndexRange(n, ic[0], ic[1]), el, map, remove, true);
      }
      default -> {}
    }
    Selection sel =
        switch (getCommand) {
          case MapOps.GET_BY_KEY -> Selectors.byKey(el, a.value(1));
          case MapOps.GET_BY_INDEX -> Selectors.byIndex(n, a.integer(1));
          case MapOps.GET_BY_RANK -> Selectors.byRank(el, a.integer(1));
          case MapOps.GET_ALL_BY_VALUE -> {
            Val v = a.value(1);
            yield Selectors.byValueInterval(el, v, v);
          }
          case MapOps.GET_BY_KEY_INTERVAL ->
              Selectors.byKeyInterval(el, a.value(1), a.has(2) ? a.value(2) : null);
          case MapOps.GET_BY_VALUE_INTERVAL ->
              Selectors.byValueInterval(el, a.value(1), a.has(2) ? a.value(2) : null);
          case MapOps.GET_BY_KEY_LIST -> Selectors.byKeyList(el, a.list(1));
          case MapOps.GET_BY_VALUE_LIST -> Selectors.byValueList(el, a.list(1), false);
          default ->
              throw new CdtException(
                  Wire.RESULT_UNSUPPORTED_FEATURE, "map command " + a.command() + " unsupported");
        };
    return Picks.finish(rt, resultOrder(getCommand, sel, el, map), el, map, remove);
  }

  /**
   * An index range ({@code byRank} false: positions in key order) or rank range (true: ranks). Like
   * the server, an INVERTED range whose complement is a head or a tail becomes that plain range
   * (answered in index or rank order); only a middle section stays a complement (answered as
   * stored). A plain index range over the whole map is answered as stored.
   */
  private static Val range(
      int rt, Selection range, Elements el, Val.Mp map, boolean remove, boolean byRank) {
    int n = el.size();
    List<Integer> p = range.positions();
    int start = p.isEmpty() ? n : p.get(0);
    int count = p.size();
    if ((rt & Results.INVERTED) != 0) {
      if (count == 0) {
        start = 0;
        count = n;
      } else if (start == 0) {
        start = count;
        count = n - count;
      } else if (start + count >= n) {
        count = start;
        start = 0;
      } else {
        return Picks.finish(rt, toPositions(range, el, byRank), el, map, remove);
      }
      rt &= ~Results.INVERTED;
      range = Selection.range(start, count);
    }
    if (!byRank && count == n && n > 0) {
      // The server answers "everything" from the stored map.
      Selection all = new Selection(el.storageOrder(range.positions()), true, false);
      return Picks.finish(rt, all, el, map, remove);
    }
    Selection picked = toPositions(range, el, byRank);
    return Picks.finish(rt, new Selection(picked.positions(), true, true), el, map, remove);
  }

  /** Rank numbers to positions (in rank order); index positions stay. */
  private static Selection toPositions(Selection range, Elements el, boolean byRank) {
    if (!byRank) {
      return range;
    }
    List<Integer> out = new java.util.ArrayList<>(range.count());
    for (int r : range.positions()) {
      out.add(el.atRank(r));
    }
    return new Selection(out, true, false);
  }

  /**
   * Key and value selections are answered as stored, except value selections of a key-value ordered
   * map, which its value index answers in rank order.
   */
  private static Selection resultOrder(int getCommand, Selection sel, Elements el, Val.Mp map) {
    if (!sel.multi()) {
      return sel;
    }
    boolean byValue =
        getCommand == MapOps.GET_ALL_BY_VALUE || getCommand == MapOps.GET_BY_VALUE_INTERVAL;
    if (byValue && (map.flags() & VALUE_ORDERED) != 0) {
      return new Selection(el.rankOrder(sel.positions()), true, true);
    }
    return new Selection(el.storageOrder(sel.positions()), true, false);
  }
}
