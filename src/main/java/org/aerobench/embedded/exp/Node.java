package org.aerobench.embedded.exp;

/** One compiled expression node; evaluation never throws, it answers {@link Value#UNKNOWN}. */
interface Node {

  Value eval(EvalContext ctx);
}
