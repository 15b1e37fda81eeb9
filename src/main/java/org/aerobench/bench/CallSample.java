package org.aerobench.bench;

/**
 * One batch call as its caller saw it.
 *
 * @param latencyNanos from the call's issue to its completion, {@link System#nanoTime} based
 * @param found records found
 * @param keys keys asked for
 */
public record CallSample(long latencyNanos, int found, int keys) {}
