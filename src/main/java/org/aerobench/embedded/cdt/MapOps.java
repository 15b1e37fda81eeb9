package org.aerobench.embedded.cdt;

import org.aerobench.embedded.wire.Wire;

/**
 * Map commands (client MapOperation; server particle_map.c), numbered 64 and up. Puts answer the
 * new size; increments the new value; "get by" and "remove by" what the return type asks for.
 */
final class MapOps {

  static final int SET_TYPE = 64;
  static final int ADD = 65;
  static final int ADD_ITEMS = 66;
  static final int PUT = 67;
  static final int PUT_ITEMS = 68;
  static final int REPLACE = 69;
  static final int REPLACE_ITEMS = 70;
  static final int INCREMENT = 73;
  static final int DECREMENT = 74;
  static final int CLEAR = 75;
  static final int REMOVE_BY_KEY = 76;
  static final int REMOVE_BY_INDEX = 77;
  static final int REMOVE_BY_RANK = 79;
  static final int REMOVE_BY_KEY_LIST = 81;
  static final int REMOVE_ALL_BY_VALUE = 82;
  static final int REMOVE_BY_VALUE_LIST = 83;
  static final int REMOVE_BY_KEY_INTERVAL = 84;
  static final int REMOVE_BY_INDEX_RANGE = 85;
  static final int REMOVE_BY_VALUE_INTERVAL = 86;
  static final int REMOVE_BY_RANK_RANGE = 87;
  static final int REMOVE_BY_KEY_REL_INDEX_RANGE = 88;
  static final int REMOVE_BY_VALUE_REL_RANK_RANGE = 89;
  static final int SIZE = 96;
  static final int GET_BY_KEY = 97;
  static final int GET_BY_INDEX = 98;
  static final int GET_BY_RANK = 100;
  static final int GET_ALL_BY_VALUE = 102;
  static final int GET_BY_KEY_INTERVAL = 103;
  static final int GET_BY_INDEX_RANGE = 104;
  static final int GET_BY_VALUE_INTERVAL = 105;
  static final int GET_BY_RANK_RANGE = 106;
  static final int GET_BY_KEY_LIST = 107;
  static final int GET_BY_VALUE_LIST = 108;
  static final int GET_BY_KEY_REL_INDEX_RANGE = 109;
  static final int GET_BY_VALUE_REL_RANK_RANGE = 110;

  private MapOps() {}

  static boolean isMap(int command) {
    return command >= SET_TYPE && command < 128;
  }

  static boolean isRead(int command) {
    return command >= SIZE;
  }

  /** The "get by" twin of a "remove by" command, or -1 for any other command. */
  private static int getTwin(int command) {
    return switch (command) {
      case REMOVE_BY_KEY -> GET_BY_KEY;
      case REMOVE_BY_INDEX -> GET_BY_INDEX;
      case REMOVE_BY_RANK -> GET_BY_RANK;
      case REMOVE_BY_KEY_LIST -> GET_BY_KEY_LIST;
      case REMOVE_ALL_BY_VALUE -> GET_ALL_BY_VALUE;
      case REMOVE_BY_VALUE_LIST -> GET_BY_VALUE_LIST;
      case REMOVE_BY_KEY_INTERVAL -> GET_BY_KEY_INTERVAL;
      case REMOVE_BY_INDEX_RANGE -> GET_BY_INDEX_RANGE;
      case REMOVE_BY_VALUE_INTERVAL -> GET_BY_VALUE_INTERVAL;
      case REMOVE_BY_RANK_RANGE -> GET_BY_RANK_RANGE;
      case REMOVE_BY_KEY_REL_INDEX_RANGE -> GET_BY_KEY_REL_INDEX_RANGE;
      case REMOVE_BY_VALUE_REL_RANK_RANGE -> GET_BY_VALUE_REL_RANK_RANGE;
      default -> -1;
    };
  }

  /** The order a map gets when this command creates it (the MapPolicy attributes). */
  private static int createFlags(Args a, boolean topLevel) {
    int attr =
        switch (a.command()) {
          case ADD, PUT, INCREMENT, DECREMENT -> (int) a.integer(2, 0);
          case ADD_ITEMS, PUT_ITEMS -> (int) a.integer(1, 0);
          default -> 0;
        };
    return attr & (topLevel ? 0x13 : 0x03);
  }

  /** Runs one map command on the map in {@code slot}; returns the result, or null for none. */
  static Val apply(Args a, Slot slot, boolean topLevel) {
    int cmd = a.command();
    if (slot.value != null && !(slot.value instanceof Val.Mp)) {
      throw new CdtException(Wire.RESULT_BIN_TYPE_ERROR, "map command on a non-map");
    }
    int twin = getTwin(cmd);
    if (slot.value == null) {
      if (isRead(cmd) || twin >= 0 || cmd == CLEAR) {
        return null; // nothing to read or remove: no result, nothing created
      }
      slot.value = Val.Mp.of(cmd == SET_TYPE ? 0 : createFlags(a, topLevel));
    }
    Val.Mp map = (Val.Mp) slot.value;
    if (cmd == SIZE) {
      return new Val.Int(map.entries().size());
    }
    if (isRead(cmd)) {
      return MapSelect.pick(a, cmd, map, false);
    }
    if (twin >= 0) {
      return MapSelect.pick(a, twin, map, true);
    }
    return MapWrites.apply(a, slot, map, topLevel);
  }
}
