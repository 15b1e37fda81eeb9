package org.aerobench.bench;

import org.aerobench.data.FeatureSet;

/** One (client, set, batch size) combination of a run. */
public record ComboKey(String client, FeatureSet set, int batchSize) {}
