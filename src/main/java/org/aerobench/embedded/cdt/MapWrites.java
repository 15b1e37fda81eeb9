package org.aerobench.embedded.cdt;

import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.wire.Wire;

/** The map commands that write entries: put, add, replace (one or many), increment, clear. */
final class MapWrites {

  // MapWriteFlags
  private static final int CREATE_ONLY = 1;
  private static final int UPDATE_ONLY = 2;
  private static final int NO_FAIL = 4;
  private static final int PARTIAL = 8;

  private MapWrites() {}

  static Val apply(Args a, Slot slot, Val.Mp map, boolean topLevel) {
    switch (a.command()) {
      case MapOps.SET_TYPE -> {
        int flags = (int) a.integer(0) & (topLevel ? 0x13 : 0x03);
        Val.Mp typed = new Val.Mp(flags, map.entries());
        if (typed.keyOrdered()) {
          typed.entries().sort(ValueOrder::byKey);
        }
        slot.value = typed;
        return null;
      }
      case MapOps.PUT -> {
        return put(map, List.of(entry(a, 0)), (int) a.integer(3, 0));
      }
      case MapOps.ADD -> {
        return put(map, List.of(entry(a, 0)), CREATE_ONLY);
      }
      case MapOps.REPLACE -> {
        return put(map, List.of(entry(a, 0)), UPDATE_ONLY);
      }
      case MapOps.PUT_ITEMS -> {
        return put(map, entries(a.map(0)), (int) a.integer(2, 0));
      }
      case MapOps.ADD_ITEMS -> {
        return put(map, entries(a.map(0)), CREATE_ONLY);
      }
      case MapOps.REPLACE_ITEMS -> {
        return put(map, entries(a.map(0)), UPDATE_ONLY);
      }
      case MapOps.INCREMENT, MapOps.DECREMENT -> {
        Val key = storableKey(a.value(0));
        Val.Entry e = find(map, key);
        Val delta = a.has(1) ? a.value(1) : new Val.Nil();
        Val next = Numbers.add(e == null ? null : e.value, delta, a.command() == MapOps.DECREMENT);
        if (e == null) {
          insert(map, new Val.Entry(key, next));
        } else {
          e.value = next;
        }
        return next;
      }
      case MapOps.CLEAR -> {
        map.entries().clear();
        return null;
      }
      default ->
          throw new CdtException(
              Wire.RESULT_UNSUPPORTED_FEATURE, "map command " + a.command() + " unsupported");
    }
  }

  private static Val.Entry entry(Args a, int i) {
    Val key = storableKey(a.value(i));
    return new Val.Entry(key, a.storable(i + 1));
  }

  private static List<Val.Entry> entries(Val.Mp in) {
    List<Val.Entry> out = new ArrayList<>(in.entries().size());
    for (Val.Entry e : in.entries()) {
      if (e.value.hasNonStorage()) {
        throw Args.bad("wildcard or infinity cannot be stored");
      }
      out.add(new Val.Entry(storableKey(e.key), e.value.copy()));
    }
    return out;
  }

  /** Map keys are scalars: integers, strings and blobs (and doubles); never lists or maps. */
  private static Val storableKey(Val key) {
    return switch (key) {
      case Val.Int i -> key;
      case Val.Blob b -> key;
      case Val.Dbl d -> key;
      default -> throw Args.bad("a map key must be an integer, a string or a blob");
    };
  }

  /**
   * Writes entries under the MapWriteFlags: CREATE_ONLY refuses an existing key (ELEMENT_EXISTS),
   * UPDATE_ONLY a missing one (ELEMENT_NOT_FOUND); NO_FAIL makes a refusal a no-op for the whole
   * op, NO_FAIL|PARTIAL skips just the refused entries. Answers the size.
   */
  private static Val put(Val.Mp map, List<Val.Entry> items, int flags) {
    List<Val.Entry> accepted = new ArrayList<>(items.size());
    for (Val.Entry item : items) {
      boolean exists = find(map, item.key) != null;
      int refusal =
          (flags & CREATE_ONLY) != 0 && exists
              ? CdtException.ELEMENT_EXISTS
              : (flags & UPDATE_ONLY) != 0 && !exists ? CdtException.ELEMENT_NOT_FOUND : 0;
      if (refusal == 0) {
        accepted.add(item);
      } else if ((flags & NO_FAIL) == 0) {
        throw new CdtException(refusal, "map write refused by its write flags");
      } else if ((flags & PARTIAL) == 0) {
        return new Val.Int(map.entries().size());
      }
    }
    for (Val.Entry item : accepted) {
      Val.Entry e = find(map, item.key);
      if (e != null) {
        e.value = item.value;
      } else {
        insert(map, item);
      }
    }
    return new Val.Int(map.entries().size());
  }

  static Val.Entry find(Val.Mp map, Val key) {
    for (Val.Entry e : map.entries()) {
      if (ValueOrder.cmp(e.key, key) == 0) {
        return e;
      }
    }
    return null;
  }

  /** A new entry: in key order for an ordered map, at the end otherwise. */
  static void insert(Val.Mp map, Val.Entry e) {
    List<Val.Entry> entries = map.entries();
    if (!map.keyOrdered()) {
      entries.add(e);
      return;
    }
    int at = 0;
    while (at < entries.size() && ValueOrder.cmp(entries.get(at).key, e.key) < 0) {
      at++;
    }
    entries.add(at, e);
  }
}
