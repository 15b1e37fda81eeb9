package org.aerobench.embedded.cdt;

import java.util.ArrayList;
import java.util.List;

/** What every "get by" and "remove by" command shares: select, invert, shape, maybe remove. */
final class Picks {

  private Picks() {}

  /**
   * Shapes {@code sel} for {@code returnType} and, for a remove command, removes the picked
   * elements from {@code container} (a list or a map).
   */
  static Val finish(int returnType, Selection sel, Elements el, Val container, boolean remove) {
    Selection picked = Results.select(returnType, sel, el);
    Val result = Results.shape(returnType, picked, el);
    if (remove && picked.count() > 0) {
      removePositions(container, el, picked.positions());
    }
    return result;
  }

  static void removePositions(Val container, Elements el, List<Integer> positions) {
    List<Integer> desc = new ArrayList<>(positions);
    desc.sort((a, b) -> Integer.compare(b, a));
    if (container instanceof Val.Lst l) {
      for (int p : desc) {
        l.items().remove(p);
      }
    } else if (container instanceof Val.Mp m) {
      for (int p : desc) {
        Val.Entry e = el.entries.get(p);
        m.entries().removeIf(x -> x == e);
      }
    }
  }
}
