package org.aerobench.embedded.cdt;

/** Ends a list or map operation with a result code; the command fails and nothing is stored. */
final class CdtException extends RuntimeException {

  /** Result code 23: a map key or list element the op needs is not there. */
  static final int ELEMENT_NOT_FOUND = 23;

  /** Result code 24: a create-only map put, or a unique list add, found the element. */
  static final int ELEMENT_EXISTS = 24;

  final int code;

  CdtException(int code, String why) {
    super(why, null, false, false); // control flow, not a bug: no stack trace
    this.code = code;
  }
}
