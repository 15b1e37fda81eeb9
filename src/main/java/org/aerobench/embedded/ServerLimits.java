package org.aerobench.embedded;

import java.time.Duration;

/**
 * What one client, or many, may make the embedded server hold. Past a limit the offending
 * connection is closed (and logged once with its address); other connections keep being served.
 *
 * @param maxConnections open client connections; one more is closed at once, like the server's
 *     {@code proto-fd-max}. Default: 15000 (the server's default)
 * @param idleTimeout a connection that neither sends nor receives for this long is closed, like
 *     {@code proto-fd-idle-ms}; zero never reaps. Default: 0 (the server's default; the client's
 *     {@code maxSocketIdle} expects it)
 * @param frameReadTimeout a frame whose first byte has arrived must be complete this much later, so
 *     a stalled sender cannot pin its buffer; zero waits for ever. The real server has no such
 *     limit, only the idle one. Default: 10 s
 * @param maxBufferedBytes request buffers beyond {@link #FREE_BYTES_PER_CONNECTION} per connection
 *     plus unsent replies, over all connections; a connection that would go past it is closed.
 *     Default: 256 MiB
 * @param maxReplyBytes the reply to one request; a batch or scan that would go past it is answered
 *     SERVER_MEM_ERROR (8), an info request is cut with an error line. Default: 64 MiB
 */
public record ServerLimits(
    int maxConnections,
    Duration idleTimeout,
    Duration frameReadTimeout,
    long maxBufferedBytes,
    int maxReplyBytes) {

  /** Each connection's first request bytes are not counted, so small requests always fit. */
  public static final int FREE_BYTES_PER_CONNECTION = 16 * 1024;

  public static final int DEFAULT_MAX_CONNECTIONS = 15_000;
  public static final Duration DEFAULT_FRAME_READ_TIMEOUT = Duration.ofSeconds(10);
  public static final long DEFAULT_MAX_BUFFERED_BYTES = 256L << 20;
  public static final int DEFAULT_MAX_REPLY_BYTES = 64 << 20;

  public ServerLimits {
    if (maxConnections < 1) {
      throw new IllegalArgumentException(
          "maxConnections " + maxConnections + " is below 1; the server default is 15000");
    }
    idleTimeout = nonNegative("idleTimeout", idleTimeout);
    frameReadTimeout = nonNegative("frameReadTimeout", frameReadTimeout);
    if (maxBufferedBytes < 1 << 20) {
      throw new IllegalArgumentException(
          "maxBufferedBytes " + maxBufferedBytes + " is below 1 MiB; e.g. use " + (256L << 20));
    }
    if (maxReplyBytes < 1 << 20) {
      throw new IllegalArgumentException(
          "maxReplyBytes " + maxReplyBytes + " is below 1 MiB; e.g. use " + (64 << 20));
    }
  }

  /** The defaults listed above. */
  public static ServerLimits defaults() {
    return new ServerLimits(
        DEFAULT_MAX_CONNECTIONS,
        Duration.ZERO,
        DEFAULT_FRAME_READ_TIMEOUT,
        DEFAULT_MAX_BUFFERED_BYTES,
        DEFAULT_MAX_REPLY_BYTES);
  }

  public ServerLimits withMaxConnections(int max) {
    return new ServerLimits(max, idleTimeout, frameReadTimeout, maxBufferedBytes, maxReplyBytes);
  }

  public ServerLimits withIdleTimeout(Duration timeout) {
    return new ServerLimits(
        maxConnections, timeout, frameReadTimeout, maxBufferedBytes, maxReplyBytes);
  }

  public ServerLimits withFrameReadTimeout(Duration timeout) {
    return new ServerLimits(maxConnections, idleTimeout, timeout, maxBufferedBytes, maxReplyBytes);
  }

  public ServerLimits withMaxBufferedBytes(long bytes) {
    return new ServerLimits(maxConnections, idleTimeout, frameReadTimeout, bytes, maxReplyBytes);
  }

  private static Duration nonNegative(String name, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(
          name + " " + d + " is not a duration of zero or more; e.g. Duration.ofSeconds(60)");
    }
    return d;
  }
}
