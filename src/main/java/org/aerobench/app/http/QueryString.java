package org.aerobench.app.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a raw query string strictly. Javalin's own decoding drops a parameter whose
 * percent-escape is malformed ({@code ?mode=gather%} then ran with the default mode), so the app
 * decodes the raw string itself: {@code +} is a space, {@code %} must be followed by two hex
 * digits, and the bytes must be valid UTF-8. Any other value is refused with a 400 naming the
 * parameter (or, when the name itself cannot be decoded, quoting the raw name).
 */
final class QueryString {

  static final String ENCODING_RULE =
      "percent-encoded UTF-8: '%' followed by two hex digits, and the bytes valid UTF-8";

  private QueryString() {}

  /** Parameter name → values in order of appearance; a missing {@code =} gives an empty value. */
  static Map<String, List<String>> decode(String raw) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String part : raw.split("&", -1)) {
      if (part.isEmpty()) {
        continue; // "a=1&&b=2": an empty pair carries nothing
      }
      int eq = part.indexOf('=');
      String rawName = eq < 0 ? part : part.substring(0, eq);
      String rawValue = eq < 0 ? "" : part.substring(eq + 1);
      String name = decodeOrNull(rawName);
      if (name == null) {
        throw new InvalidParameterException(rawName, rawValue, "a parameter name " + ENCODING_RULE);
      }
      String value = decodeOrNull(rawValue);
      if (value == null) {
        throw new InvalidParameterException(name, rawValue, ENCODING_RULE);
      }
      params.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }
    return params;
  }

  /** The decoded text, or null when an escape is malformed or the bytes are not UTF-8. */
  private static String decodeOrNull(String raw) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0 && isAscii(raw)) {
      return raw; // the common case: nothing to decode
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= raw.length()
            || !isAsciiHex(raw.charAt(i + 1))
            || !isAsciiHex(raw.charAt(i + 2))) {
          return null; // "%", "%4" at the end, "%zz", or a full-width digit after '%'
        }
        bytes.write(
            Character.digit(raw.charAt(i + 1), 16) << 4 | Character.digit(raw.charAt(i + 2), 16));
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // A raw non-ASCII character (not percent-encoded): take its UTF-8 bytes as sent.
        if (c == '\uFFFD') {
          return null; // Jetty's stand-in for raw bytes that were not UTF-8
        }
        int codePoint = raw.codePointAt(i);
        if (Character.isSurrogate(c) && !Character.isSupplementaryCodePoint(codePoint)) {
          return null; // a lone surrogate has no UTF-8 form
        }
        byte[] utf8 = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.charCount(codePoint) - 1;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isAsciiHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
