package org.aerobench.embedded.exp;

/**
 * The static result types of the expression language, numbered as on the wire (the type argument of
 * a bin or key read). The server checks every expression against them before it runs it and refuses
 * a mismatch with PARAMETER_ERROR, so a type error never reaches evaluation.
 */
enum ExpType {
  NIL,
  BOOL,
  INT,
  STR,
  LIST,
  MAP,
  BLOB,
  FLOAT,
  GEO,
  HLL;

  /** The type with wire code {@code code}, or null when the code names none. */
  static ExpType of(long code) {
    return code >= 0 && code < values().length ? values()[(int) code] : null;
  }
}
