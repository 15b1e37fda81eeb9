package org.aerobench.bench;

import org.aerobench.data.FeatureSet;

/** The statistics of one measured (client, set, batch size) combination. */
public record ComboOutcome(
    BenchClientKind client,
    FeatureSet set,
    int batchSize,
    int concurrency,
    int iterations,
    ComboStatistics stats) {}
