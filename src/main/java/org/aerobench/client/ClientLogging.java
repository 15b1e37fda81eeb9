package org.aerobench.client;

import com.aerospike.client.Log;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the Aerospike client's own log (tend failures, node removals, ...) to SLF4J logger {@code
 * com.aerospike.client}. The client logs nowhere by default; the client's log is process-wide, so
 * call this once at startup (the app), not per connection.
 */
public final class ClientLogging {

  private static final Logger logger = LoggerFactory.getLogger("com.aerospike.client");

  private ClientLogging() {}

  /** Sends client messages at {@code level} and above to SLF4J. */
  public static void toSlf4j(Log.Level level) {
    Log.setLevel(level);
    Log.setCallback(
        (messageLevel, message) -> {
          switch (messageLevel) {
            case ERROR -> logger.error(message);
            case WARN -> logger.warn(message);
            case INFO -> logger.info(message);
            case DEBUG -> logger.debug(message);
          }
        });
  }
}
