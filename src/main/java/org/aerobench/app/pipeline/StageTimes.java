package org.aerobench.app.pipeline;

/**
 * One request's stage durations in nanoseconds (System.nanoTime differences). {@code totalNanos}
 * covers the whole pipeline, so it also holds what no stage owns: the wait for an in-flight slot
 * and the hop from the completing Aerospike thread to the inference executor.
 */
public record StageTimes(
    long keyExtractionNanos,
    long aerospikeNanos,
    long featureNanos,
    long inferenceNanos,
    long responseNanos,
    long totalNanos) {}
