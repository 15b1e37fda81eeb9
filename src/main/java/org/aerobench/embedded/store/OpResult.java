package org.aerobench.embedded.store;

import org.aerobench.embedded.wire.Wire;

/**
 * What one list, map or expression operation gives back: a result code and, when the operation has
 * a result, the bin the reply carries for it (a NULL-particle bin for a nil result).
 *
 * @param code a result code of {@link Wire}; anything but OK fails the whole command
 * @param value the reply bin, or null when the operation has no result to return
 */
public record OpResult(int code, Bin value) {

  public static OpResult ok(Bin value) {
    return new OpResult(Wire.RESULT_OK, value);
  }

  public static OpResult error(int code) {
    return new OpResult(code, null);
  }
}
