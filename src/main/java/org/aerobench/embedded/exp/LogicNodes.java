package org.aerobench.embedded.exp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/** Comparisons, regex match and the boolean operators, with the server's three-valued logic. */
final class LogicNodes {

  private LogicNodes() {}

  static final int EQ = 1;
  static final int NE = 2;
  static final int GT = 3;
  static final int GE = 4;
  static final int LT = 5;
  static final int LE = 6;

  /** {@code Exp.unknown()}: a deliberate "no answer". */
  record UnknownNode() implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      return Value.UNKNOWN;
    }
  }

  /** Both sides have one static type; an unknown side makes the comparison unknown. */
  record Compare(int op, Node left, Node right) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      Value a = left.eval(ctx);
      if (a instanceof Value.Unknown) {
        return a;
      }
      Value b = right.eval(ctx);
      if (b instanceof Value.Unknown) {
        return b;
      }
      return switch (a) {
        case Value.Nil n -> Value.bool(op == EQ || op == GE || op == LE); // nil == nil
        case Value.Bool x -> ordered(Boolean.compare(x.value(), ((Value.Bool) b).value()));
        case Value.Int x -> ordered(Long.compare(x.value(), ((Value.Int) b).value()));
        case Value.Flt x -> floats(x.value(), ((Value.Flt) b).value());
        case Value.Str x -> ordered(Arrays.compareUnsigned(x.utf8(), ((Value.Str) b).utf8()));
        case Value.Blob x -> ordered(Arrays.compareUnsigned(x.bytes(), ((Value.Blob) b).bytes()));
        case Value.Unknown u -> u;
      };
    }

    private Value ordered(int cmp) {
      return Value.bool(
          switch (op) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            case LT -> cmp < 0;
            default -> cmp <= 0;
          });
    }

    /** IEEE comparisons, as C does them: NaN equals nothing and is unequal to everything. */
    private Value floats(double x, double y) {
      return Value.bool(
          switch (op) {
            case EQ -> x == y;
            case NE -> x != y;
            case GT -> x > y;
            case GE -> x >= y;
            case LT -> x < y;
            default -> x <= y;
          });
    }
  }

  /** A POSIX-style regex search in a string; a non-string (missing bin) is unknown. */
  record Regex(Pattern pattern, Node arg) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      Value v = arg.eval(ctx);
      if (!(v instanceof Value.Str s)) {
        return Value.UNKNOWN;
      }
      return Value.bool(pattern.matcher(new String(s.utf8(), StandardCharsets.ISO_8859_1)).find());
    }
  }

  /** False as soon as one argument is false; otherwise unknown if any was unknown. */
  record And(Node[] args) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      boolean unknown = false;
      for (Node n : args) {
        Value v = n.eval(ctx);
        if (v instanceof Value.Unknown) {
          unknown = true;
        } else if (!((Value.Bool) v).value()) {
          return Value.FALSE;
        }
      }
      return unknown ? Value.UNKNOWN : Value.TRUE;
    }
  }

  /** True as soon as one argument is true; otherwise unknown if any was unknown. */
  record Or(Node[] args) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      boolean unknown = false;
      for (Node n : args) {
        Value v = n.eval(ctx);
        if (v instanceof Value.Unknown) {
          unknown = true;
        } else if (((Value.Bool) v).value()) {
          return Value.TRUE;
        }
      }
      return unknown ? Value.UNKNOWN : Value.FALSE;
    }
  }

  record Not(Node arg) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      Value v = arg.eval(ctx);
      return v instanceof Value.Bool b ? Value.bool(!b.value()) : v;
    }
  }

  /**
   * True when exactly one argument is true. Like the server, it stops at a second true (false) or
   * at the first unknown (unknown), whichever comes first.
   */
  record Exclusive(Node[] args) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      boolean seenTrue = false;
      for (Node n : args) {
        Value v = n.eval(ctx);
        if (v instanceof Value.Unknown) {
          return v;
        }
        if (((Value.Bool) v).value()) {
          if (seenTrue) {
            return Value.FALSE;
          }
          seenTrue = true;
        }
      }
      return Value.bool(seenTrue);
    }
  }
}
