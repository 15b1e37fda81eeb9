package org.aerobench.embedded.exp;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The server matches {@code regexCompare} with POSIX regcomp/regexec on bytes. Java's regex agrees
 * with POSIX extended syntax on its common subset only, so that subset is translated and anything
 * outside it (escapes, POSIX classes, nested brackets, basic-syntax operators) answers
 * UNSUPPORTED_FEATURE rather than a match the server would not make. Patterns and subjects are read
 * as ISO-8859-1 so that one char is one byte, as for the server's C-locale matching.
 */
final class PosixRegex {

  private PosixRegex() {}

  static final int EXTENDED = 1; // client RegexFlag, the glibc REG_* values
  static final int ICASE = 2;
  static final int NOSUB = 4;
  static final int NEWLINE = 8;

  static Pattern compile(byte[] regex, long flags) throws ExpException {
    int len = regex.length;
    if (len > 0 && regex[len - 1] == 0) {
      len--; // a NUL-terminated pattern
    }
    String posix = new String(regex, 0, len, StandardCharsets.ISO_8859_1);
    boolean extended = (flags & EXTENDED) != 0;
    boolean newline = (flags & NEWLINE) != 0;
    StringBuilder java = new StringBuilder(posix.length() + 4);
    boolean inBracket = false;
    for (int i = 0; i < posix.length(); i++) {
      char c = posix.charAt(i);
      if (c == '\\' || (c == '[' && inBracket) || posix.startsWith("&&", i)) {
        throw unsupported(posix);
      }
      if (inBracket) {
        if (c == ']') {
          inBracket = false;
        }
        java.append(c);
        continue;
      }
      if (c == '[') {
        if (posix.startsWith("[]", i) || posix.startsWith("[^]", i)) {
          throw unsupported(posix);
        }
        inBracket = true;
        java.append(c);
      } else if ("+?|(){}".indexOf(c) >= 0 && !extended) {
        throw unsupported(posix); // in basic syntax these are literals or \-escaped operators
      } else if (c == '(' && posix.startsWith("(?", i)) {
        throw unsupported(posix);
      } else if (c == '^' && i > 0 && !extended) {
        throw unsupported(posix);
      } else if (c == '$' && !newline) {
        java.append("\\z"); // POSIX '$' is the very end; Java's would also match before a '\n'
      } else {
        java.append(c);
      }
    }
    int javaFlags = newline ? Pattern.MULTILINE : Pattern.DOTALL;
    if ((flags & ICASE) != 0) {
      javaFlags |= Pattern.CASE_INSENSITIVE; // ASCII only, like the C locale
    }
    try {
      return Pattern.compile(java.toString(), javaFlags);
    } catch (PatternSyntaxException e) {
      throw unsupported(posix);
    }
  }

  private static ExpException unsupported(String regex) {
    return ExpException.unsupported("regex '" + regex + "' (outside the POSIX subset Java shares)");
  }
}
