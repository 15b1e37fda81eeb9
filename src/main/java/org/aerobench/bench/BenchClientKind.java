package org.aerobench.bench;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The ways environment A calls the client (reference §2.1), named as the app names its styles:
 * {@code sync}, {@code async} and {@code virtual} are the app's styles themselves, with their
 * limits set to the run's concurrency. {@code sync-callers} is env A's own: the bare blocking call,
 * as the reference's {@code official}.
 */
public enum BenchClientKind {
  /**
   * The app's {@code sync} style: the blocking batch call handed to a pool of {@code concurrency}
   * threads (the reference's {@code official-async}; env A called it {@code sync-executor}).
   */
  SYNC("sync"),
  /**
   * Bare blocking batch call, made by each of {@code concurrency} caller threads itself (the
   * reference's {@code official}; env A called it {@code sync}). No app style works this way.
   */
  SYNC_CALLERS("sync-callers"),
  /** The app's {@code async} style: the native async API on the client's event loops. */
  ASYNC("async"),
  /** The app's {@code virtual} style: the blocking call on a virtual thread per call. */
  VIRTUAL("virtual");

  /** The former name of {@link #SYNC}, refused with a pointer to the new names. */
  private static final String FORMER_SYNC_EXECUTOR = "sync-executor";

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
    if (FORMER_SYNC_EXECUTOR.equals(value)) {
      throw new IllegalArgumentException(
          "--clients: 'sync-executor' is now 'sync', as the app names its pool style; the bare"
              + " blocking call on caller threads (formerly 'sync') is 'sync-callers'; allowed: "
              + allowedNames());
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
