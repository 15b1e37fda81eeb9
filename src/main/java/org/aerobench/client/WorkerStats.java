package org.aerobench.client;

/**
 * The state of a blocking style's workers at one instant: how many blocking reads may run at once,
 * how many run and wait now, and the running totals Little's law needs.
 *
 * @param limit pool threads (sync) or permits (virtual)
 * @param active reads blocking in the client now
 * @param queued reads waiting for a thread or a permit now
 * @param busyNanos total time workers spent inside the blocking call, since the style started (the
 *     service time, without any wait for a thread or permit)
 * @param reads blocking calls completed since the style started
 */
public record WorkerStats(int limit, int active, int queued, long busyNanos, long reads) {}
