package org.aerobench.embedded.exp;

import org.aerobench.embedded.wire.Wire;

/**
 * An expression the server would not build: malformed or ill-typed (PARAMETER_ERROR, as the server
 * answers), or a part this embedded server does not implement (UNSUPPORTED_FEATURE).
 */
final class ExpException extends Exception {

  private final int resultCode;

  private ExpException(int resultCode, String message) {
    super(message, null, false, false);
    this.resultCode = resultCode;
  }

  static ExpException invalid(String message) {
    return new ExpException(Wire.RESULT_PARAMETER_ERROR, message);
  }

  static ExpException unsupported(String what) {
    return new ExpException(Wire.RESULT_UNSUPPORTED_FEATURE, what + " is not supported here");
  }

  int resultCode() {
    return resultCode;
  }
}
