package org.aerobench.embedded.exp;

import static org.aerobench.embedded.exp.ExpType.BOOL;
import static org.aerobench.embedded.exp.ExpType.FLOAT;
import static org.aerobench.embedded.exp.ExpType.INT;

import org.aerobench.embedded.exp.ExpCompiler.Typed;

/**
 * The type rules of the operators (comparison, logic, arithmetic, integer bits), as the server's
 * build step enforces them: e.g. add takes ints or floats but not both, pow and log take floats
 * only, mod and the bit operators ints only.
 */
final class Operators {

  private Operators() {}

  static Typed compile(ExpCompiler c, int code, int args) throws ExpException {
    switch (code) {
      case LogicNodes.EQ,
          LogicNodes.NE,
          LogicNodes.GT,
          LogicNodes.GE,
          LogicNodes.LT,
          LogicNodes.LE -> {
        ExpCompiler.need(args, 2, "comparison");
        Typed l = c.next();
        Typed r = c.next();
        if (l.type() != r.type()) {
          throw ExpException.invalid("comparison of " + l.type() + " with " + r.type());
        }
        return new Typed(new LogicNodes.Compare(code, l.node(), r.node()), BOOL);
      }
      case 7 -> {
        ExpCompiler.need(args, 3, "regex");
        long flags = c.reader().integer("regex flags");
        byte[] regex = c.reader().raw("a regex");
        Typed arg = c.next();
        if (arg.type() != ExpType.STR) {
          throw ExpException.invalid("regex compares a string, not " + arg.type());
        }
        return new Typed(new LogicNodes.Regex(PosixRegex.compile(regex, flags), arg.node()), BOOL);
      }
      case 8 -> throw ExpException.unsupported("geo comparison");
      case 9 -> throw ExpException.unsupported("in-list (list expressions)");
      case 16, 17, 19 -> {
        if (args < 2) {
          throw ExpException.invalid("and/or/exclusive take at least two arguments");
        }
        Node[] nodes = all(c, args, BOOL);
        Node n =
            code == 16
                ? new LogicNodes.And(nodes)
                : code == 17 ? new LogicNodes.Or(nodes) : new LogicNodes.Exclusive(nodes);
        return new Typed(n, BOOL);
      }
      case 18 -> {
        ExpCompiler.need(args, 1, "not");
        return new Typed(new LogicNodes.Not(one(c, BOOL)), BOOL);
      }
      case ArithmeticNodes.ADD,
          ArithmeticNodes.SUB,
          ArithmeticNodes.MUL,
          ArithmeticNodes.DIV,
          ArithmeticNodes.MIN,
          ArithmeticNodes.MAX -> {
        return numericFold(c, code, args);
      }
      case ArithmeticNodes.POW, ArithmeticNodes.LOG, ArithmeticNodes.MOD -> {
        ExpCompiler.need(args, 2, "pow/log/mod");
        ExpType t = code == ArithmeticNodes.MOD ? INT : FLOAT;
        Node l = one(c, t);
        Node r = one(c, t);
        return new Typed(new ArithmeticNodes.Binary(code, l, r), t);
      }
      case ArithmeticNodes.ABS -> {
        ExpCompiler.need(args, 1, "abs");
        Typed a = c.next();
        if (a.type() != INT && a.type() != FLOAT) {
          throw ExpException.invalid("abs of " + a.type());
        }
        return new Typed(new ArithmeticNodes.Unary(code, a.node()), a.type());
      }
      case ArithmeticNodes.FLOOR, ArithmeticNodes.CEIL, ArithmeticNodes.TO_INT -> {
        ExpCompiler.need(args, 1, "floor/ceil/to_int");
        Node a = one(c, FLOAT);
        return new Typed(
            new ArithmeticNodes.Unary(code, a), code == ArithmeticNodes.TO_INT ? INT : FLOAT);
      }
      case ArithmeticNodes.TO_FLOAT -> {
        ExpCompiler.need(args, 1, "to_float");
        return new Typed(new ArithmeticNodes.Unary(code, one(c, INT)), FLOAT);
      }
      case BitNodes.INT_AND, BitNodes.INT_OR, BitNodes.INT_XOR -> {
        if (args < 1) {
          throw ExpException.invalid("integer and/or/xor take at least one argument");
        }
        return new Typed(new BitNodes.Fold(code, all(c, args, INT)), INT);
      }
      case BitNodes.INT_NOT, BitNodes.INT_COUNT -> {
        ExpCompiler.need(args, 1, "int_not/int_count");
        return new Typed(new BitNodes.Unary(code, one(c, INT)), INT);
      }
      case BitNodes.INT_LSHIFT, BitNodes.INT_RSHIFT, BitNodes.INT_ARSHIFT -> {
        ExpCompiler.need(args, 2, "shift");
        Node v = one(c, INT);
        Node n = one(c, INT);
        return new Typed(new BitNodes.Shift(code, v, n), INT);
      }
      case BitNodes.INT_LSCAN, BitNodes.INT_RSCAN -> {
        ExpCompiler.need(args, 2, "lscan/rscan");
        Node v = one(c, INT);
        Node search = one(c, BOOL);
        return new Typed(new BitNodes.Scan(code, v, search), INT);
      }
      default -> throw ExpException.invalid("unknown expression op " + code);
    }
  }

  /** add, sub, mul, div, min, max: one or more arguments, all ints or all floats. */
  private static Typed numericFold(ExpCompiler c, int code, int args) throws ExpException {
    if (args < 1) {
      throw ExpException.invalid("arithmetic takes at least one argument");
    }
    Node[] nodes = new Node[args];
    ExpType type = null;
    for (int i = 0; i < args; i++) {
      Typed a = c.next();
      if (a.type() != INT && a.type() != FLOAT) {
        throw ExpException.invalid("arithmetic on " + a.type() + " at argument " + (i + 1));
      }
      if (type != null && a.type() != type) {
        throw ExpException.invalid("arithmetic mixes " + type + " and " + a.type());
      }
      type = a.type();
      nodes[i] = a.node();
    }
    return new Typed(new ArithmeticNodes.Fold(code, nodes, type == FLOAT), type);
  }

  private static Node one(ExpCompiler c, ExpType type) throws ExpException {
    Typed a = c.next();
    if (a.type() != type) {
      throw ExpException.invalid("argument is " + a.type() + ", expected " + type);
    }
    return a.node();
  }

  private static Node[] all(ExpCompiler c, int args, ExpType type) throws ExpException {
    Node[] nodes = new Node[args];
    for (int i = 0; i < args; i++) {
      nodes[i] = one(c, type);
    }
    return nodes;
  }
}
