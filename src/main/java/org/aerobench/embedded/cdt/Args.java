package org.aerobench.embedded.cdt;

import java.util.List;
import org.aerobench.embedded.wire.Wire;

/**
 * The arguments of one list or map command (the msgpack list after the command number). A missing
 * required argument, or one of the wrong type, is a PARAMETER_ERROR, as the server's
 * CDT_OP_TABLE_GET_PARAMS answers.
 */
record Args(int command, List<Val> values) {

  int size() {
    return values.size();
  }

  boolean has(int i) {
    return i < values.size();
  }

  Val value(int i) {
    if (!has(i)) {
      throw bad("argument " + i + " of command " + command + " is missing");
    }
    return values.get(i);
  }

  /** A value that will be stored: wildcard and infinity are refused. */
  Val storable(int i) {
    Val v = value(i);
    if (v.hasNonStorage()) {
      throw bad("wildcard or infinity cannot be stored");
    }
    return v.copy();
  }

  long integer(int i) {
    if (value(i) instanceof Val.Int n) {
      return n.value();
    }
    throw bad("argument " + i + " of command " + command + " is not an integer");
  }

  /** An optional integer; absent gives {@code dflt}. */
  long integer(int i, long dflt) {
    return has(i) ? integer(i) : dflt;
  }

  /** An optional count: absent, or negative (the wire carries it unsigned), is unbounded. */
  long count(int i) {
    return has(i) ? Selectors.count(integer(i)) : Long.MAX_VALUE;
  }

  int returnType(int i) {
    return (int) integer(i);
  }

  List<Val> list(int i) {
    if (value(i) instanceof Val.Lst l) {
      return l.items();
    }
    throw bad("argument " + i + " of command " + command + " is not a list");
  }

  Val.Mp map(int i) {
    if (value(i) instanceof Val.Mp m) {
      return m;
    }
    throw bad("argument " + i + " of command " + command + " is not a map");
  }

  static CdtException bad(String why) {
    return new CdtException(Wire.RESULT_PARAMETER_ERROR, why);
  }
}
