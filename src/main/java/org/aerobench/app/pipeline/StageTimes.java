package org.aerobench.app.pipeline;

/**
 * One request's stage durations in nanoseconds (System.nanoTime differences). The stages follow
 * each other without gaps, so they add up to {@code totalNanos}: key extraction + queue + aerospike
 * + features + inference + response = total.
 *
 * @param queueNanos waiting for a slot: admission (from arrival), the read's waits for a sync pool
 *     thread, a virtual permit or an async command slot (and between the calls of a sequential
 *     read), and the wait for an inference thread after the read
 * @param aerospikeNanos time during which at least one of the request's Aerospike calls was running
 * @param featureNanos feature build (0 with skip_inference)
 * @param inferenceNanos the model (0 with skip_inference)
 * @param responseNanos building the predictions and serialising the reply's JSON
 * @param totalNanos arrival to the serialised reply (only writing it to the socket is after)
 */
public record StageTimes(
    long keyExtractionNanos,
    long queueNanos,
    long aerospikeNanos,
    long featureNanos,
    long inferenceNanos,
    long responseNanos,
    long totalNanos) {}
