package org.aerobench.app.http;

/**
 * Bounds what an error body quotes back from the request: a hostile 7 KB value must not come back
 * as 14 KB of JSON, and a log line must stay a line.
 */
public final class Echo {

  /** The most characters of a rejected value an error body repeats. */
  public static final int MAX_CHARS = 200;

  private Echo() {}

  /**
   * The value itself when short enough, else its first {@link #MAX_CHARS} characters followed by a
   * marker saying how long it was, e.g. {@code "aaa…[truncated: 7000 chars]"}.
   */
  public static String truncated(String value) {
    if (value == null || value.length() <= MAX_CHARS) {
      return value;
    }
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(value.charAt(end - 1))) {
      end--; // never split a surrogate pair: the JSON writer would emit an invalid character
    }
    return value.substring(0, end) + "…[truncated: " + value.length() + " chars]";
  }
}
