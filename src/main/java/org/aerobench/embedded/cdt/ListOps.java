package org.aerobench.embedded.cdt;

import java.util.List;
import org.aerobench.embedded.wire.Wire;

/**
 * List commands (client ListOperation; server particle_list.c). Reads are 16..31; the rest modify.
 * Results follow the server: append and insert answer the new size, remove and trim the number
 * removed, pop the values, set/clear/sort/set-type nothing.
 */
final class ListOps {

  static final int SET_TYPE = 0;
  static final int APPEND = 1;
  static final int APPEND_ITEMS = 2;
  static final int INSERT = 3;
  static final int INSERT_ITEMS = 4;
  static final int POP = 5;
  static final int POP_RANGE = 6;
  static final int REMOVE = 7;
  static final int REMOVE_RANGE = 8;
  static final int SET = 9;
  static final int TRIM = 10;
  static final int CLEAR = 11;
  static final int INCREMENT = 12;
  static final int SORT = 13;
  static final int SIZE = 16;
  static final int GET = 17;
  static final int GET_RANGE = 18;
  static final int GET_BY_INDEX = 19;
  static final int GET_BY_RANK = 21;
  static final int GET_ALL_BY_VALUE = 22;
  static final int GET_BY_VALUE_LIST = 23;
  static final int GET_BY_INDEX_RANGE = 24;
  static final int GET_BY_VALUE_INTERVAL = 25;
  static final int GET_BY_RANK_RANGE = 26;
  static final int GET_BY_VALUE_REL_RANK_RANGE = 27;
  static final int REMOVE_BY_INDEX = 32;
  static final int REMOVE_BY_RANK = 34;
  static final int REMOVE_ALL_BY_VALUE = 35;
  static final int REMOVE_BY_VALUE_LIST = 36;
  static final int REMOVE_BY_INDEX_RANGE = 37;
  static final int REMOVE_BY_VALUE_INTERVAL = 38;
  static final int REMOVE_BY_RANK_RANGE = 39;
  static final int REMOVE_BY_VALUE_REL_RANK_RANGE = 40;

  /** The "remove by" commands are their "get by" twins plus this. */
  private static final int REMOVE_OFFSET = REMOVE_BY_INDEX - GET_BY_INDEX;

  private ListOps() {}

  static boolean isList(int command) {
    return command >= 0 && command < 64;
  }

  static boolean isRead(int command) {
    return command >= SIZE && command < REMOVE_BY_INDEX;
  }

  /** Commands that do nothing (and create nothing) when there is no list yet. */
  private static boolean needsList(int command) {
    return switch (command) {
      case POP, POP_RANGE, REMOVE, REMOVE_RANGE, TRIM, CLEAR -> true;
      default -> command >= REMOVE_BY_INDEX;
    };
  }

  /** The order a list gets when this command creates it (append's ListPolicy attributes). */
  private static int createFlags(Args a) {
    return switch (a.command()) {
      case APPEND, APPEND_ITEMS -> (int) a.integer(1, 0) & 1;
      case INCREMENT -> (int) a.integer(2, 0) & 1;
      default -> 0;
    };
  }

  /** Runs one list command on the list in {@code slot}; returns the result, or null for none. */
  static Val apply(Args a, Slot slot, boolean topLevel) {
    int cmd = a.command();
    if (slot.value != null && !(slot.value instanceof Val.Lst)) {
      throw new CdtException(Wire.RESULT_BIN_TYPE_ERROR, "list command on a non-list");
    }
    if (slot.value == null) {
      if (isRead(cmd) || needsList(cmd)) {
        return null; // nothing to read or remove: no result, nothing created
      }
      if (cmd == SORT) {
        throw new CdtException(Wire.RESULT_BIN_TYPE_ERROR, "sort of a missing list");
      }
      slot.value = Val.Lst.of(cmd == SET_TYPE ? 0 : createFlags(a));
    }
    Val.Lst list = (Val.Lst) slot.value;
    if (isRead(cmd)) {
      return read(a, list);
    }
    if (cmd >= REMOVE_BY_INDEX) {
      return ListSelect.pick(a, cmd - REMOVE_OFFSET, list, true);
    }
    return ListWrites.apply(a, slot, list, topLevel);
  }

  private static Val read(Args a, Val.Lst list) {
    int n = list.items().size();
    switch (a.command()) {
      case SIZE -> {
        return new Val.Int(n);
      }
      case GET -> {
        return list.items().get(Selectors.byIndex(n, a.integer(0)).positions().get(0));
      }
      case GET_RANGE -> {
        Selection s = Selectors.byIndexRange(n, a.integer(0), a.count(1));
        return valuesOf(list.items(), s.positions());
      }
      default -> {
        return ListSelect.pick(a, a.command(), list, false);
      }
    }
  }

  static Val.Lst valuesOf(List<Val> items, List<Integer> positions) {
    Val.Lst out = Val.Lst.of(0);
    for (int p : positions) {
      out.items().add(items.get(p));
    }
    return out;
  }
}
