package org.aerobench.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, rewritten in place with {@code \r}: combination i/N, client,
 * set, batch size, iteration. Redraws at most every 100 ms so it costs nothing measurable.
 */
final class ProgressLine {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int BAR_WIDTH = 20;

  private final PrintWriter out;
  private final int combos;
  private long lastDraw;
  private int lastLength;

  ProgressLine(PrintWriter out, int combos) {
    this.out = out;
    this.combos = combos;
  }

  /**
   * Shows the state; {@code step} counts the combination's warm-up and measured iterations from 1
   * to {@code steps}, {@code phase} says which one it is ({@code iteration 3/30}).
   */
  void show(int combo, ComboKey key, String phase, int step, int steps) {
    long now = System.nanoTime();
    boolean last = combo == combos && step == steps;
    if (now - lastDraw < REDRAW_NANOS && !last) {
      return;
    }
    lastDraw = now;
    double done = ((combo - 1) + (double) step / Math.max(1, steps)) / combos;
    int filled = (int) Math.round(done * BAR_WIDTH);
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3.0f%% combo %d/%d %s %s batch=%d %s",
            "#".repeat(filled),
            ".".repeat(BAR_WIDTH - filled),
            done * 100,
            combo,
            combos,
            key.client(),
            key.set().setName(),
            key.batchSize(),
            phase);
    // Pad over the previous, possibly longer, line.
    out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
    out.flush();
    lastLength = line.length();
  }

  /** Ends the line so later output starts on a fresh one. */
  void finish() {
    if (lastLength > 0) {
      out.println();
      out.flush();
    }
  }
}
