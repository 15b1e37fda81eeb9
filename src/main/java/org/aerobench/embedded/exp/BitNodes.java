package org.aerobench.embedded.exp;

/** Integer bit operations; bit indexes count from the most significant bit (index 0). */
final class BitNodes {

  private BitNodes() {}

  static final int INT_AND = 32;
  static final int INT_OR = 33;
  static final int INT_XOR = 34;
  static final int INT_NOT = 35;
  static final int INT_LSHIFT = 36;
  static final int INT_RSHIFT = 37;
  static final int INT_ARSHIFT = 38;
  static final int INT_COUNT = 39;
  static final int INT_LSCAN = 40;
  static final int INT_RSCAN = 41;

  /** intAnd, intOr, intXor over one or more integers. */
  record Fold(int op, Node[] args) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      long acc = 0;
      for (int i = 0; i < args.length; i++) {
        Value v = args[i].eval(ctx);
        if (!(v instanceof Value.Int x)) {
          return v; // unknown
        }
        if (i == 0) {
          acc = x.value();
        } else if (op == INT_AND) {
          acc &= x.value();
        } else if (op == INT_OR) {
          acc |= x.value();
        } else {
          acc ^= x.value();
        }
      }
      return new Value.Int(acc);
    }
  }

  /** intNot and count (set bits). */
  record Unary(int op, Node arg) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      Value v = arg.eval(ctx);
      if (!(v instanceof Value.Int x)) {
        return v;
      }
      return new Value.Int(op == INT_NOT ? ~x.value() : Long.bitCount(x.value()));
    }
  }

  /**
   * lshift, rshift (logical), arshift (arithmetic). The shift count is used modulo 64, as the
   * server's shifts behave on x86-64 (Java's long shifts do the same).
   */
  record Shift(int op, Node value, Node count) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      Value v = value.eval(ctx);
      if (!(v instanceof Value.Int x)) {
        return v;
      }
      Value c = count.eval(ctx);
      if (!(c instanceof Value.Int n)) {
        return c;
      }
      int s = (int) n.value();
      return new Value.Int(
          switch (op) {
            case INT_LSHIFT -> x.value() << s;
            case INT_RSHIFT -> x.value() >>> s;
            default -> x.value() >> s;
          });
    }
  }

  /**
   * lscan: index of the first bit equal to {@code search} from the most significant end; rscan: the
   * same from the least significant end. -1 when there is none.
   */
  record Scan(int op, Node value, Node search) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      Value v = value.eval(ctx);
      if (!(v instanceof Value.Int x)) {
        return v;
      }
      Value s = search.eval(ctx);
      if (!(s instanceof Value.Bool b)) {
        return s;
      }
      long bits = b.value() ? x.value() : ~x.value();
      if (op == INT_LSCAN) {
        int lead = Long.numberOfLeadingZeros(bits);
        return new Value.Int(lead == 64 ? -1 : lead);
      }
      return new Value.Int(63 - Long.numberOfTrailingZeros(bits));
    }
  }
}
