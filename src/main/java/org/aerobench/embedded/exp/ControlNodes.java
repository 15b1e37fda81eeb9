package org.aerobench.embedded.exp;

/** Constants, cond and let/var. */
final class ControlNodes {

  private ControlNodes() {}

  static final int COND = 123;
  static final int VAR = 124;
  static final int LET = 125;

  record Literal(Value value) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      return value;
    }
  }

  /**
   * The result of the first true condition, else the default. An unknown condition makes the whole
   * cond unknown, as on the server: it does not fall through to the next case.
   */
  record Cond(Node[] conditions, Node[] results, Node otherwise) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      for (int i = 0; i < conditions.length; i++) {
        Value c = conditions[i].eval(ctx);
        if (c instanceof Value.Unknown) {
          return c;
        }
        if (((Value.Bool) c).value()) {
          return results[i].eval(ctx);
        }
      }
      return otherwise.eval(ctx);
    }
  }

  /** Evaluates each definition once, in order, into its slot, then the scope expression. */
  record Let(int[] slots, Node[] definitions, Node body) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      for (int i = 0; i < slots.length; i++) {
        ctx.vars()[slots[i]] = definitions[i].eval(ctx);
      }
      return body.eval(ctx);
    }
  }

  record Var(int slot) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      return ctx.vars()[slot];
    }
  }
}
