package org.aerobench.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How one request's key plan is read (reference §4.4 and §7). */
public enum ReadMode {
  /** One batch call with all keys of all sets, demultiplexed per set by position. */
  SINGLE,
  /** One batch call per set, all issued concurrently. */
  GATHER,
  /** One batch call per set, one after another. */
  SEQUENTIAL,
  /** One batch call per set issued together, merged in one pass when the last completes. */
  MERGE_GATHER;

  /** The name used in URLs, reports and metrics labels: {@code single}, {@code merge_gather}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException naming the value and the allowed names
   */
  public static ReadMode fromWireName(String value) {
    for (ReadMode mode : values()) {
      if (mode.wireName().equals(value)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "mode '" + value + "' is unknown; allowed: " + allowedNames());
  }

  /** The allowed wire names, comma-separated. */
  public static String allowedNames() {
    return Arrays.stream(values()).map(ReadMode::wireName).collect(Collectors.joining(", "));
  }
}
