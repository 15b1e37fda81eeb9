package org.aerobench.embedded.info;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.aerobench.embedded.Latency;
import org.aerobench.embedded.wire.Wire;

/**
 * The embedded server's own info command {@code aerobench-latency}, so that a load run can change
 * the injected latency between phases without restarting the stack (a capacity study under several
 * cluster profiles). A real server answers it as an unknown command. Honoured only while the server
 * listens on a loopback address: no other host may slow it down.
 *
 * <ul>
 *   <li>{@code aerobench-latency}: the current latency, e.g. {@code fixed 2 ms}
 *   <li>{@code aerobench-latency:off}
 *   <li>{@code aerobench-latency:fixed-ms=2}
 *   <li>{@code aerobench-latency:median-ms=20;p99-ms=100}
 * </ul>
 *
 * Values follow {@link Latency#fromMillis}'s rules; a bad one answers {@code ERROR:4:...}.
 */
public final class LatencyControl {

  public static final String COMMAND = "aerobench-latency";

  private final Supplier<Latency> current;
  private final Consumer<Latency> set;
  private final boolean loopback;

  public LatencyControl(Supplier<Latency> current, Consumer<Latency> set, String listenHost) {
    this.current = current;
    this.set = set;
    this.loopback = isLoopback(listenHost);
  }

  /** The info value for the command's parameters (empty = read). */
  String answer(String params) {
    if (params.isEmpty()) {
      return current.get().describe();
    }
    if (!loopback) {
      return error("latency control is loopback-only; this server listens on a public address");
    }
    try {
      Latency latency = params.equals("off") ? Latency.NONE : parse(params);
      set.accept(latency);
      return latency.describe();
    } catch (IllegalArgumentException e) {
      return error(
          e.getMessage()
              + "; use off, fixed-ms=<ms>, or median-ms=<ms>;p99-ms=<ms> (got '"
              + shorten(params)
              + "')");
    }
  }

  private static Latency parse(String params) {
    Map<String, Double> values = new HashMap<>();
    for (String pair : params.split(";")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (eq < 0 || !(key.equals("fixed-ms") || key.equals("median-ms") || key.equals("p99-ms"))) {
        throw new IllegalArgumentException("unknown latency setting '" + shorten(pair) + "'");
      }
      try {
        values.put(key, Double.parseDouble(pair.substring(eq + 1)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " is not a number of milliseconds");
      }
    }
    return Latency.fromMillis(
        values.get("fixed-ms"), values.get("median-ms"), values.get("p99-ms"));
  }

  private static String error(String message) {
    return "ERROR:" + Wire.RESULT_PARAMETER_ERROR + ":" + message.replace('\n', ' ');
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
