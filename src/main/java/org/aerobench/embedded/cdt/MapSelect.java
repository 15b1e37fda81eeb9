package org.aerobench.embedded.cdt;

import org.aerobench.embedded.wire.Wire;

/** The map "get by" / "remove by" commands: key, index, rank, value, lists, intervals. */
final class MapSelect {

  private MapSelect() {}

  /** {@code getCommand} is the "get by" number (a remove passes its twin's). */
  static Val pick(Args a, int getCommand, Val.Mp map, boolean remove) {
    int rt = a.returnType(0);
    Results.check(rt, true);
    Elements el = Elements.of(map);
    int n = el.size();
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
          case MapOps.GET_BY_INDEX_RANGE -> Selectors.byIndexRange(n, a.integer(1), a.count(2));
          case MapOps.GET_BY_VALUE_INTERVAL ->
              Selectors.byValueInterval(el, a.value(1), a.has(2) ? a.value(2) : null);
          case MapOps.GET_BY_RANK_RANGE -> Selectors.byRankRange(el, a.integer(1), a.count(2));
          case MapOps.GET_BY_KEY_LIST -> Selectors.byKeyList(el, a.list(1));
          case MapOps.GET_BY_VALUE_LIST -> Selectors.byValueList(el, a.list(1), false);
          case MapOps.GET_BY_KEY_REL_INDEX_RANGE ->
              Selectors.byKeyRelIndexRange(el, a.value(1), a.integer(2), a.count(3));
          case MapOps.GET_BY_VALUE_REL_RANK_RANGE ->
              Selectors.byValueRelRankRange(el, a.value(1), a.integer(2), a.count(3));
          default ->
              throw new CdtException(
                  Wire.RESULT_UNSUPPORTED_FEATURE, "map command " + a.command() + " unsupported");
        };
    return Picks.finish(rt, sel, el, map, remove);
  }
}
