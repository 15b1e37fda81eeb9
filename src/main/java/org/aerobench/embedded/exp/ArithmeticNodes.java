package org.aerobench.embedded.exp;

/**
 * Arithmetic on integers or floats. The compiler has checked that all arguments share one numeric
 * type, so a value is either of that type or unknown; unknown spreads. Integers wrap on overflow,
 * as the server's 64-bit C arithmetic does.
 */
final class ArithmeticNodes {

  private ArithmeticNodes() {}

  static final int ADD = 20;
  static final int SUB = 21;
  static final int MUL = 22;
  static final int DIV = 23;
  static final int POW = 24;
  static final int LOG = 25;
  static final int MOD = 26;
  static final int ABS = 27;
  static final int FLOOR = 28;
  static final int CEIL = 29;
  static final int TO_INT = 30;
  static final int TO_FLOAT = 31;
  static final int MIN = 50;
  static final int MAX = 51;

  /** add, sub, mul, div, min, max over one or more arguments of one type. */
  record Fold(int op, Node[] args, boolean isFloat) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      Value[] v = new Value[args.length];
      for (int i = 0; i < args.length; i++) {
        v[i] = args[i].eval(ctx);
        if (v[i] instanceof Value.Unknown) {
          return v[i];
        }
      }
      return isFloat ? floats(v) : ints(v);
    }

    private Value ints(Value[] v) {
      long acc = ((Value.Int) v[0]).value();
      if (v.length == 1) {
        // One argument: sub negates, div inverts (1 / x), the rest give it back.
        if (op == SUB) {
          return new Value.Int(-acc);
        }
        if (op == DIV) {
          return acc == 0 ? Value.UNKNOWN : new Value.Int(1 / acc);
        }
        return v[0];
      }
      long product = 1; // div divides by the product of the divisors, like the server
      for (int i = 1; i < v.length; i++) {
        long x = ((Value.Int) v[i]).value();
        switch (op) {
          case ADD -> acc += x;
          case SUB -> acc -= x;
          case MUL -> acc *= x;
          case DIV -> product *= x;
          case MIN -> acc = Math.min(acc, x);
          default -> acc = Math.max(acc, x);
        }
      }
      if (op == DIV) {
        if (product == 0) {
          return Value.UNKNOWN; // integer division by zero has no answer
        }
        acc /= product;
      }
      return new Value.Int(acc);
    }

    private Value floats(Value[] v) {
      double acc = ((Value.Flt) v[0]).value();
      if (v.length == 1) {
        return switch (op) {
          case SUB -> new Value.Flt(0.0 - acc);
          case DIV -> new Value.Flt(1.0 / acc);
          default -> v[0];
        };
      }
      double product = 1.0;
      for (int i = 1; i < v.length; i++) {
        double x = ((Value.Flt) v[i]).value();
        switch (op) {
          case ADD -> acc += x;
          case SUB -> acc -= x;
          case MUL -> acc *= x;
          case DIV -> product *= x;
          case MIN -> acc = acc > x ? x : acc;
          default -> acc = acc < x ? x : acc;
        }
      }
      return new Value.Flt(op == DIV ? acc / product : acc);
    }
  }

  /** abs, floor, ceil, toInt, toFloat. */
  record Unary(int op, Node arg) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      Value v = arg.eval(ctx);
      if (v instanceof Value.Unknown) {
        return v;
      }
      return switch (op) {
        case ABS ->
            v instanceof Value.Int i
                ? new Value.Int(Math.abs(i.value()))
                : new Value.Flt(Math.abs(((Value.Flt) v).value()));
        case FLOOR -> new Value.Flt(Math.floor(((Value.Flt) v).value()));
        case CEIL -> new Value.Flt(Math.ceil(((Value.Flt) v).value()));
        case TO_INT -> new Value.Int(truncate(((Value.Flt) v).value()));
        default -> new Value.Flt((double) ((Value.Int) v).value());
      };
    }

    /**
     * C's (int64_t) cast on the x86-64 servers: truncation toward zero, and the "integer
     * indefinite" value Long.MIN_VALUE for NaN or out of range (Java would saturate instead).
     */
    private static long truncate(double d) {
      if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
        return Long.MIN_VALUE;
      }
      return (long) d;
    }
  }

  /** pow and log (floats), mod (integers; modulo zero is unknown). */
  record Binary(int op, Node left, Node right) implements Node {
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
      return switch (op) {
        case POW -> new Value.Flt(Math.pow(((Value.Flt) a).value(), ((Value.Flt) b).value()));
        case LOG ->
            new Value.Flt(Math.log(((Value.Flt) a).value()) / Math.log(((Value.Flt) b).value()));
        default -> {
          long d = ((Value.Int) b).value();
          yield d == 0 ? Value.UNKNOWN : new Value.Int(((Value.Int) a).value() % d);
        }
      };
    }
  }
}
