package org.aerobench.embedded.exp;

import java.util.Arrays;

/**
 * A runtime value. {@link Unknown} is the server's third truth value: what a bin read gives when
 * the bin is missing or of another type, an integer division by zero, or {@code Exp.unknown()}. It
 * spreads through every operator except and/or, which can still decide without it.
 */
sealed interface Value {

  Value NIL = new Nil();
  Value UNKNOWN = new Unknown();
  Value TRUE = new Bool(true);
  Value FALSE = new Bool(false);

  static Value bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  record Nil() implements Value {}

  record Unknown() implements Value {}

  record Bool(boolean value) implements Value {}

  record Int(long value) implements Value {}

  record Flt(double value) implements Value {}

  /** UTF-8 bytes, compared bytewise like the server's memcmp. */
  record Str(byte[] utf8) implements Value {
    @Override
    public boolean equals(Object o) {
      return o instanceof Str s && Arrays.equals(s.utf8, utf8);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(utf8);
    }

    @Override
    public String toString() {
      return "Str[" + new String(utf8, java.nio.charset.StandardCharsets.UTF_8) + "]";
    }
  }

  record Blob(byte[] bytes) implements Value {
    @Override
    public boolean equals(Object o) {
      return o instanceof Blob b && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Blob" + Arrays.toString(bytes);
    }
  }
}
