package org.aerobench.embedded.cdt;

import org.aerobench.embedded.wire.Wire;

/** Increment and decrement of list items and map values (the server's cdt_calc_delta). */
final class Numbers {

  private Numbers() {}

  /**
   * {@code current + delta} (minus for a decrement). The delta is an integer, a double or absent
   * (1). A missing current value starts at 0 with the delta's type; otherwise the current value's
   * type wins (a double delta on an integer is truncated). Anything not a number is a
   * PARAMETER_ERROR, as the server answers.
   */
  static Val add(Val current, Val delta, boolean decrement) {
    boolean doubleDelta;
    long di = 1;
    double dd = 1;
    switch (delta) {
      case Val.Int i -> {
        doubleDelta = false;
        di = i.value();
        dd = i.value();
      }
      case Val.Dbl d -> {
        doubleDelta = true;
        dd = d.value();
        di = (long) d.value();
      }
      case Val.Nil n -> doubleDelta = false;
      default -> throw new CdtException(Wire.RESULT_PARAMETER_ERROR, "delta is not a number");
    }
    if (decrement) {
      di = -di;
      dd = -dd;
    }
    return switch (current) {
      case null -> doubleDelta ? new Val.Dbl(dd) : new Val.Int(di);
      case Val.Int i -> new Val.Int(i.value() + di);
      case Val.Dbl d -> new Val.Dbl(d.value() + (doubleDelta ? dd : (double) di));
      default -> throw new CdtException(Wire.RESULT_PARAMETER_ERROR, "increment of a non-number");
    };
  }
}
