package org.aerobench.simulations.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.aerobench.report.run.RunConditions;

/**
 * Decides how long the warm-up runs: at least {@code -Dwarmup}, then on until it is steady, at most
 * {@code -DwarmupMax}. Steady means that for every client the p50 of the client-side times in the
 * last two complete windows differ by at most {@code -DwarmupTolerance} of the larger (a JIT still
 * compiling, caches still filling or a pool still growing shows as a p50 that keeps moving). Told
 * of every warm-up call through the {@link Recording}; asked before each warm-up iteration.
 */
public final class WarmupCheck implements Recording.CallListener {

  /** Phase label of the warm-up, first word of its request names. */
  public static final String LABEL = "warmup";

  /** A window's p50 rests on at least this many calls of each client, else it is not steady. */
  static final int MIN_CALLS_PER_WINDOW = 5;

  private final long minimumMillis;
  private final long maximumMillis;
  private final long windowMillis;
  private final double tolerance;
  private final LongSupplier clock;
  private final AtomicLong startMillis = new AtomicLong(-1);
  private final AtomicLong endMillis = new AtomicLong(-1);
  // client -> window index -> client-side µs of its OK calls
  private final Map<String, TreeMap<Long, List<Long>>> calls = new HashMap<>();

  /**
   * @param minimum the warm-up runs at least this long
   * @param maximum and at most this long, steady or not
   * @param window length of the windows whose p50s are compared
   * @param tolerance largest relative difference of two p50s that counts as steady
   * @param clock epoch milliseconds now
   */
  public WarmupCheck(
      Duration minimum, Duration maximum, Duration window, double tolerance, LongSupplier clock) {
    this.minimumMillis = minimum.toMillis();
    this.maximumMillis = maximum.toMillis();
    this.windowMillis = Math.max(1, window.toMillis());
    this.tolerance = tolerance;
    this.clock = clock;
  }

  /** The check of a run: windows of a fifth of {@code -Dwarmup}, at least one second. */
  public static WarmupCheck of(Parameters params) {
    Duration window = params.warmup().dividedBy(5);
    return new WarmupCheck(
        params.warmup(),
        params.warmupMax(),
        window.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : window,
        params.warmupTolerance(),
        System::currentTimeMillis);
  }

  /**
   * Asked before each warm-up iteration (the first call starts the warm-up's clock): true while it
   * should go on.
   */
  public boolean keepGoing() {
    long now = clock.getAsLong();
    startMillis.compareAndSet(-1, now);
    long elapsed = now - startMillis.get();
    boolean goOn = elapsed < minimumMillis || elapsed < maximumMillis && !steadyAt(now);
    if (!goOn) {
      endMillis.compareAndSet(-1, now);
    }
    return goOn;
  }

  @Override
  public void completed(
      String requestName, long sentMillis, long endMillis, long micros, boolean ok) {
    long start = startMillis.get();
    if (!ok || start < 0 || !requestName.startsWith(LABEL + " ")) {
      return;
    }
    String client = requestName.substring(LABEL.length() + 1);
    long window = Math.max(0, (endMillis - start) / windowMillis);
    synchronized (calls) {
      calls
          .computeIfAbsent(client, c -> new TreeMap<>())
          .computeIfAbsent(window, w -> new ArrayList<>())
          .add(micros);
    }
  }

  /** True when every client's last two complete windows (at {@code now}) have agreeing p50s. */
  boolean steadyAt(long now) {
    Map<String, List<Double>> p50s = lastTwoP50s(now);
    if (p50s.isEmpty()) {
      return false;
    }
    for (List<Double> pair : p50s.values()) {
      if (pair.size() < 2 || Double.isNaN(pair.get(0)) || Double.isNaN(pair.get(1))) {
        return false;
      }
      double larger = Math.max(pair.get(0), pair.get(1));
      if (larger > 0 && Math.abs(pair.get(0) - pair.get(1)) / larger > tolerance) {
        return false;
      }
    }
    return true;
  }

  /** Per client, the p50 (ms) of the last two complete windows at {@code now}; NaN = too few. */
  private Map<String, List<Double>> lastTwoP50s(long now) {
    long start = startMillis.get();
    Map<String, List<Double>> p50s = new TreeMap<>();
    if (start < 0) {
      return p50s;
    }
    long complete = (now - start) / windowMillis; // windows 0 .. complete-1 have ended
    if (complete < 2) {
      return p50s;
    }
    synchronized (calls) {
      calls.forEach(
          (client, windows) ->
              p50s.put(
                  client,
                  List.of(
                      p50Millis(windows.get(complete - 2)), p50Millis(windows.get(complete - 1)))));
    }
    return p50s;
  }

  private static double p50Millis(List<Long> micros) {
    if (micros == null || micros.size() < MIN_CALLS_PER_WINDOW) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    return sorted.get((sorted.size() - 1) / 2) / 1000.0;
  }

  /**
   * What the warm-up reached, for {@code conditions.json}: read once it has ended.
   *
   * @param readModes the read modes it called
   */
  public RunConditions.Warmup outcome(List<String> readModes) {
    long start = startMillis.get();
    if (start < 0) {
      return new RunConditions.Warmup(
          false, false, 0, windowMillis / 1000.0, tolerance, readModes, Map.of());
    }
    long end = endMillis.get() >= 0 ? endMillis.get() : clock.getAsLong();
    Map<String, List<Double>> p50s = new TreeMap<>();
    lastTwoP50s(end)
        .forEach(
            (client, pair) ->
                p50s.put(client, pair.stream().map(p -> p.isNaN() ? -1.0 : p).toList()));
    return new RunConditions.Warmup(
        true,
        steadyAt(end),
        (end - start) / 1000.0,
        windowMillis / 1000.0,
        tolerance,
        readModes,
        p50s);
  }
}
