package org.aerobench.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which event loops run the client's async commands. */
public enum EventLoopKind {
  /** The client's own Java NIO selector loops ({@code NioEventLoops}); needs nothing extra. */
  NIO,
  /** Netty 4.2 with the native Linux epoll transport ({@code NettyEventLoops}). */
  NETTY_EPOLL;

  /** The config value: {@code nio}, {@code netty_epoll}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a config value, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the allowed names
   */
  public static EventLoopKind fromConfigName(String value) {
    for (EventLoopKind kind : values()) {
      if (kind.configName().equalsIgnoreCase(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "event loop kind '"
            + value
            + "' is unknown; allowed: "
            + Arrays.stream(values())
                .map(EventLoopKind::configName)
                .collect(Collectors.joining(", ")));
  }
}
