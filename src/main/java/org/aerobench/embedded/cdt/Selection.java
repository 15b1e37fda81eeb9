package org.aerobench.embedded.cdt;

import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.wire.Wire;

/**
 * The elements an operation picked, as positions of {@link Elements} in the order the results come
 * back (index order, rank order, or the order of a value list).
 *
 * @param positions chosen positions, in result order
 * @param multi whether the op returns many results (a range, a value or key list) or one
 * @param keepOrder whether index and rank results keep {@code positions}' order instead of
 *     ascending order (only the value-list selectors of ordered lists do, like the server)
 */
record Selection(List<Integer> positions, boolean multi, boolean keepOrder) {

  static Selection single(int pos) {
    return new Selection(List.of(pos), false, false);
  }

  static Selection none(boolean multi) {
    return new Selection(List.of(), multi, false);
  }

  static Selection range(int start, int count) {
    List<Integer> p = new ArrayList<>(count);
    for (int i = start; i < start + count; i++) {
      p.add(i);
    }
    return new Selection(p, true, false);
  }

  int count() {
    return positions.size();
  }

  /**
   * The complement, in index order: what INVERTED selects. Single-result selectors refuse it, as
   * the server does ("INVERTED flag not supported for single result ops").
   */
  Selection inverted(int size) {
    if (!multi) {
      throw new CdtException(Wire.RESULT_OP_NOT_APPLICABLE, "INVERTED on a single-result op");
    }
    boolean[] chosen = new boolean[size];
    for (int p : positions) {
      chosen[p] = true;
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (!chosen[i]) {
        out.add(i);
      }
    }
    return new Selection(out, true, false);
  }
}
