package org.aerobench.embedded.cdt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.aerobench.embedded.wire.Wire;

/**
 * Turns a selection into what the return type asks for (ListReturnType / MapReturnType), like the
 * server's cdt_result_data: a single-result op answers a value (-1 for a missing index or rank,
 * nothing for a missing value), a multi-result op a list; INVERTED selects the complement.
 */
final class Results {

  static final int NONE = 0;
  static final int INDEX = 1;
  static final int REVERSE_INDEX = 2;
  static final int RANK = 3;
  static final int REVERSE_RANK = 4;
  static final int COUNT = 5;
  static final int KEY = 6;
  static final int VALUE = 7;
  static final int KEY_VALUE = 8;
  static final int EXISTS = 13;
  static final int UNORDERED_MAP = 16;
  static final int ORDERED_MAP = 17;
  static final int INVERTED = 0x10000;

  /** Map header flag of a key/value result whose entry order matters (client: List of Entry). */
  static final int MAP_PRESERVE_ORDER = 8;

  private Results() {}

  /** Applies the INVERTED bit of {@code returnType} to {@code sel}. */
  static Selection select(int returnType, Selection sel, Elements el) {
    if ((returnType & INVERTED) == 0) {
      return sel;
    }
    Selection inv = sel.inverted(el.size());
    // The complement is a mask over the stored elements: storage order (index order for a list).
    return new Selection(el.storageOrder(inv.positions()), true, false);
  }

  /** Checks a return type before anything changes: unknown ones fail the op. */
  static void check(int returnType, boolean isMap) {
    switch (returnType & ~INVERTED) {
      case NONE, INDEX, REVERSE_INDEX, RANK, REVERSE_RANK, COUNT, VALUE, EXISTS -> {}
      case KEY, KEY_VALUE, UNORDERED_MAP, ORDERED_MAP -> {
        if (!isMap) {
          throw new CdtException(Wire.RESULT_OP_NOT_APPLICABLE, "map return type on a list");
        }
      }
      default ->
          throw new CdtException(
              Wire.RESULT_UNSUPPORTED_FEATURE, "return type " + returnType + " is not supported");
    }
  }

  /** The result of an already inverted selection; null when the op returns nothing. */
  static Val shape(int returnType, Selection sel, Elements el) {
    int n = el.size();
    List<Integer> pos = sel.positions();
    switch (returnType & ~INVERTED) {
      case NONE -> {
        return null;
      }
      case COUNT -> {
        return new Val.Int(sel.count());
      }
      case EXISTS -> {
        return new Val.Bool(sel.count() > 0);
      }
      case INDEX, REVERSE_INDEX -> {
        boolean rev = (returnType & ~INVERTED) == REVERSE_INDEX;
        return numbers(sel, pos, p -> p, rev, n);
      }
      case RANK, REVERSE_RANK -> {
        boolean rev = (returnType & ~INVERTED) == REVERSE_RANK;
        return numbers(sel, pos, el::rankOf, rev, n);
      }
      case VALUE, KEY -> {
        boolean keys = (returnType & ~INVERTED) == KEY;
        if (!sel.multi()) {
          return pos.isEmpty() ? null : (keys ? el.key(pos.get(0)) : el.values.get(pos.get(0)));
        }
        Val.Lst out = Val.Lst.of(0);
        for (int p : pos) {
          out.items().add(keys ? el.key(p) : el.values.get(p));
        }
        return out;
      }
      case KEY_VALUE, UNORDERED_MAP, ORDERED_MAP -> {
        int t = returnType & ~INVERTED;
        List<Integer> order = pos;
        if (t == ORDERED_MAP) {
          order = new ArrayList<>(pos);
          order.sort(Integer::compare); // positions are in key order
        }
        int flags = t == KEY_VALUE ? MAP_PRESERVE_ORDER : t == ORDERED_MAP ? 1 : 0;
        Val.Mp out = Val.Mp.of(flags);
        for (int p : order) {
          out.entries().add(new Val.Entry(el.key(p), el.values.get(p)));
        }
        return out;
      }
      default ->
          throw new CdtException(
              Wire.RESULT_UNSUPPORTED_FEATURE, "return type " + returnType + " is not supported");
    }
  }

  /**
   * Indexes or ranks: ascending (reverse ones follow the same order, counted from the end), or in
   * selection order when it is kept.
   */
  private static Val numbers(
      Selection sel, List<Integer> pos, IntUnaryOperator base, boolean reverse, int size) {
    IntUnaryOperator out = reverse ? v -> size - 1 - v : v -> v;
    if (!sel.multi()) {
      return new Val.Int(pos.isEmpty() ? -1 : out.applyAsInt(base.applyAsInt(pos.get(0))));
    }
    List<Integer> values = new ArrayList<>(pos.size());
    for (int p : pos) {
      values.add(base.applyAsInt(p));
    }
    if (!sel.keepOrder()) {
      values.sort(Integer::compare);
    }
    Val.Lst list = Val.Lst.of(0);
    for (int v : values) {
      list.items().add(new Val.Int(out.applyAsInt(v)));
    }
    return list;
  }
}
