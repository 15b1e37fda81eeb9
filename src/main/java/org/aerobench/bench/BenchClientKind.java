package org.aerobench.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The ways environment A calls the client (reference §2.1). The first two reproduce the reference's
 * {@code official} and {@code official-async}; the last two are what Java adds.
 */
public enum BenchClientKind {
  /** Bare blocking batch call, made directly by each of {@code concurrency} caller threads. */
  SYNC("sync"),
  /** Blocking call handed to a separate pool of {@code concurrency} threads; the caller waits. */
  SYNC_EXECUTOR("sync-executor"),
  /** Native async API on the client's event loops. */
  ASYNC("async"),
  /** Blocking call on a virtual thread per call. */
  VIRTUAL("virtual");

  private final String wireName;

  BenchClientKind(String wireName) {
    this.wireName = wireName;
  }

  /** The name used on the command line and in reports. */
  public String wireName() {
    return wireName;
  }

  /**
   * Parses a command-line name.
   *
   * @throws IllegalArgumentException naming the value and the allowed names
   */
  public static BenchClientKind fromWireName(String value) {
    for (BenchClientKind kind : values()) {
      if (kind.wireName.equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "--clients: '" + value + "' is not a client; allowed: " + allowedNames());
  }

  /** Every name, in declaration order. */
  public static java.util.List<String> wireNames() {
    return Arrays.stream(values()).map(BenchClientKind::wireName).toList();
  }

  /** The allowed names, comma-separated. */
  public static String allowedNames() {
    return Arrays.stream(values()).map(BenchClientKind::wireName).collect(Collectors.joining(", "));
  }
}
