package org.aerobench.report.envA;

/**
 * One (client, set, batch size) combination of the environment A benchmark, as the reference's
 * {@code summary.csv} row. Times are milliseconds; {@code tps = concurrency / mean wall time of an
 * iteration}; {@code cv = stddev / mean}; {@code foundRatio} in 0..1.
 */
public record ComboResult(
    String client,
    String set,
    int batchSize,
    int concurrency,
    int iterations,
    double mean,
    double p50,
    double p90,
    double p95,
    double p99,
    double min,
    double max,
    double stddev,
    double cv,
    double foundRatio,
    double tps) {}
