package org.aerobench.embedded.cdt;

import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.wire.Wire;

/**
 * Navigation to a nested list or map by a context ([id, value, ...], client CTX): list by index,
 * rank or value; map by index, rank, key or value. An id's create bits (0x40, 0x80, 0xc0) say how
 * to create the container that id looks into when it is missing, and allow a missing list index or
 * map key to be created; the element at the end is then created by the operation itself, with its
 * own policy (server cdt_context_dig and cdt_context_fill_create). A failed lookup is
 * OP_NOT_APPLICABLE.
 */
final class CdtContext {

  private static final int LIST = 0x10;
  private static final int MAP = 0x20;
  private static final int BY_INDEX = 0;
  private static final int BY_RANK = 1;
  private static final int BY_KEY = 2;
  private static final int BY_VALUE = 3;
  private static final int CREATE_MASK = 0xc0;
  private static final int CREATE_LIST_ORDERED = 0xc0;
  private static final int CREATE_LIST_UNBOUND = 0x80;
  private static final int CREATE_PERSIST_INDEX = 0x100;

  /** Where one level's element lives in its parent: a list position or a map entry. */
  private record Step(Val parent, int index, Val.Entry entry) {
    void put(Val v) {
      if (entry != null) {
        entry.value = v;
      } else {
        ((Val.Lst) parent).items().set(index, v);
      }
    }
  }

  private final List<Step> path = new ArrayList<>();
  private final Slot top;

  private CdtContext(Slot top) {
    this.top = top;
  }

  /**
   * Walks {@code ctx} from the bin's value in {@code top}; the returned slot holds the target (null
   * when it is to be created). Only a modify may create.
   */
  static CdtContext dig(Slot top, List<Val> ctx, boolean modify) {
    if (ctx.isEmpty() || ctx.size() % 2 != 0) {
      throw new CdtException(Wire.RESULT_PARAMETER_ERROR, "context needs id/value pairs");
    }
    CdtContext c = new CdtContext(top);
    Val cur = top.value;
    for (int i = 0; i < ctx.size(); i += 2) {
      if (!(ctx.get(i) instanceof Val.Int idVal)) {
        throw new CdtException(Wire.RESULT_PARAMETER_ERROR, "context id is not an integer");
      }
      int id = (int) idVal.value();
      boolean create = modify && (id & CREATE_MASK) != 0;
      if ((id & (LIST | MAP)) == 0 || (id & (LIST | MAP)) == (LIST | MAP) || (id & 0x0c) != 0) {
        throw new CdtException(Wire.RESULT_UNSUPPORTED_FEATURE, "context id " + id);
      }
      if (cur == null) {
        if (!create) {
          throw new CdtException(Wire.RESULT_OP_NOT_APPLICABLE, "context element missing");
        }
        cur = c.createContainer(id, ctx.get(i + 1));
      }
      cur = c.step(cur, id, ctx.get(i + 1), create);
    }
    return c;
  }

  /** The target's current value (null when it is to be created). */
  Val target() {
    return path.isEmpty() ? top.value : current;
  }

  private Val current;
  private boolean created; // the last step hung a placeholder for a missing element

  /** Puts the operation's (possibly new) target back and re-sorts ordered lists above it. */
  void writeBack(Val target) {
    if (path.isEmpty()) {
      top.value = target;
      return;
    }
    path.get(path.size() - 1).put(target);
    for (int i = path.size() - 1; i >= 0; i--) {
      if (path.get(i).parent() instanceof Val.Lst l && l.ordered()) {
        l.items().sort(ValueOrder.INSTANCE); // a changed element moves to its place in order
      }
    }
  }

  /** A missing container, made as the id that looks into it says, and hung into its parent. */
  private Val createContainer(int id, Val lookup) {
    int cr = id & CREATE_MASK;
    Val made;
    if ((id & LIST) != 0) {
      made = Val.Lst.of(cr == CREATE_LIST_ORDERED ? 1 : 0);
    } else {
      int persist = path.isEmpty() && (id & CREATE_PERSIST_INDEX) != 0 ? 0x10 : 0;
      made = Val.Mp.of((cr == 0x80 ? 1 : cr == 0xc0 ? 3 : 0) | persist);
    }
    if (path.isEmpty()) {
      top.value = made;
    } else {
      path.get(path.size() - 1).put(made);
    }
    return made;
  }

  private Val step(Val cur, int id, Val lookup, boolean create) {
    boolean isList = (id & LIST) != 0;
    if (isList ? !(cur instanceof Val.Lst) : !(cur instanceof Val.Mp)) {
      throw new CdtException(
          Wire.RESULT_OP_NOT_APPLICABLE, "context kind does not match the element");
    }
    Step s =
        isList
            ? listStep((Val.Lst) cur, id, lookup, create)
            : mapStep((Val.Mp) cur, id, lookup, create);
    path.add(s);
    if (created) {
      created = false;
      current = null; // the next id (or the operation) makes it
    } else {
      current = s.entry() != null ? s.entry().value : ((Val.Lst) cur).items().get(s.index());
    }
    return current;
  }

  private Step listStep(Val.Lst list, int id, Val lookup, boolean create) {
    List<Val> items = list.items();
    int n = items.size();
    switch (id & 0x0f) {
      case BY_INDEX -> {
        long index = integer(lookup);
        long at = index < 0 ? n + index : index;
        if (at >= 0 && at < n) {
          return new Step(list, (int) at, null);
        }
        if (!create) {
          throw notFound();
        }
        if ((n == 0 && index == -1) || index == n || (index > n && list.ordered())) {
          at = n;
        } else if (index > n && (id & CREATE_MASK) == CREATE_LIST_UNBOUND) {
          while (items.size() < index) {
            items.add(new Val.Nil());
          }
          at = index;
        } else {
          throw notFound();
        }
        items.add(new Val.Nil()); // placeholder until the element is made
        created = true;
        return new Step(list, (int) at, null);
      }
      case BY_RANK -> {
        Elements el = Elements.of(list);
        return new Step(list, Selectors.byRank(el, integer(lookup)).positions().get(0), null);
      }
      case BY_VALUE -> {
        for (int i = 0; i < n; i++) {
          if (ValueOrder.cmp(items.get(i), lookup) == 0) {
            return new Step(list, i, null);
          }
        }
        throw notFound();
      }
      default -> throw notFound(); // a list has no keys
    }
  }

  private Step mapStep(Val.Mp map, int id, Val lookup, boolean create) {
    Elements el = Elements.of(map);
    switch (id & 0x0f) {
      case BY_INDEX -> {
        return new Step(
            map,
            0,
            el.entries.get(Selectors.byIndex(el.size(), integer(lookup)).positions().get(0)));
      }
      case BY_RANK -> {
        return new Step(
            map, 0, el.entries.get(Selectors.byRank(el, integer(lookup)).positions().get(0)));
      }
      case BY_KEY -> {
        Val.Entry e = MapWrites.find(map, lookup);
        if (e == null) {
          if (!create || lookup.hasNonStorage()) {
            throw notFound();
          }
          e = new Val.Entry(lookup.copy(), new Val.Nil());
          MapWrites.insert(map, e);
          created = true;
        }
        return new Step(map, 0, e);
      }
      default -> {
        for (Val.Entry e : el.entries) {
          if (ValueOrder.cmp(e.value, lookup) == 0) {
            return new Step(map, 0, e);
          }
        }
        throw notFound();
      }
    }
  }

  private static long integer(Val v) {
    if (v instanceof Val.Int i) {
      return i.value();
    }
    throw new CdtException(Wire.RESULT_PARAMETER_ERROR, "context index is not an integer");
  }

  private static CdtException notFound() {
    return new CdtException(Wire.RESULT_OP_NOT_APPLICABLE, "context element not found");
  }
}
