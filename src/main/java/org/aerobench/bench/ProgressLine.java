package org.aerobench.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, rewritten in place with {@code \r}: combination i/N, client,
 * set, batch size, iteration. Redraws at most every 100 ms so it costs nothing measurable.
 */
final class ProgressLine {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int BAR_WIDTH = 20;

  private final PrintStream out;
  private final int combos;
  private long lastDraw;
  private int lastLength;

  ProgressLine(PrintStream out, int combos) {
    this.out = out;
    this.combos = combos;
  }

  /** Shows the state; {@code iteration} counts warm-up and measured iterations from 1. */
  void show(int combo, ComboKey key, String phase, int iteration, int ofIterations) {
    long now = System.nanoTime();
    boolean last = combo == combos && iteration == ofIterations;
    if (now - lastDraw < REDRAW_NANOS && !last) {
      return;
    }
    lastDraw = now;
    double done = ((combo - 1) + (double) iteration / Math.max(1, ofIterations)) / combos;
    int filled = (int) Math.round(done * BAR_WIDTH);
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3.0f%% combo %d/%d %s %s batch=%d %s %d/%d",
            "#".repeat(filled),
            ".".repeat(BAR_WIDTH - filled),
            done * 100,
            combo,
            combos,
            key.client().wireName(),
            key.set().setName(),
            key.batchSize(),
            phase,
            iteration,
            ofIterations);
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
