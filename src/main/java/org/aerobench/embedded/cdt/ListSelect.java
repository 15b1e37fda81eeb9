package org.aerobench.embedded.cdt;

import org.aerobench.embedded.wire.Wire;

/** The list "get by" / "remove by" commands: index, rank, value, value list, interval, rank. */
final class ListSelect {

  private ListSelect() {}

  /** {@code getCommand} is the "get by" number (a remove passes its twin's). */
  static Val pick(Args a, int getCommand, Val.Lst list, boolean remove) {
    int rt = a.returnType(0);
    Results.check(rt, false);
    Elements el = Elements.of(list);
    int n = el.size();
    Selection sel =
        switch (getCommand) {
          case ListOps.GET_BY_INDEX -> Selectors.byIndex(n, a.integer(1));
          case ListOps.GET_BY_RANK -> Selectors.byRank(el, a.integer(1));
          case ListOps.GET_ALL_BY_VALUE -> {
            Val v = a.value(1);
            yield Selectors.byValueInterval(el, v, v);
          }
          case ListOps.GET_BY_VALUE_LIST -> Selectors.byValueList(el, a.list(1), list.ordered());
          case ListOps.GET_BY_INDEX_RANGE -> Selectors.byIndexRange(n, a.integer(1), a.count(2));
          case ListOps.GET_BY_VALUE_INTERVAL ->
              Selectors.byValueInterval(el, a.value(1), a.has(2) ? a.value(2) : null);
          case ListOps.GET_BY_RANK_RANGE -> Selectors.byRankRange(el, a.integer(1), a.count(2));
          case ListOps.GET_BY_VALUE_REL_RANK_RANGE ->
              Selectors.byValueRelRankRange(el, a.value(1), a.integer(2), a.count(3));
          default ->
              throw new CdtException(
                  Wire.RESULT_UNSUPPORTED_FEATURE, "list command " + a.command() + " unsupported");
        };
    return Picks.finish(rt, sel, el, list, remove);
  }
}
