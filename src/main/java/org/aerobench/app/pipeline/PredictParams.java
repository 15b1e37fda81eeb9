package org.aerobench.app.pipeline;

import org.aerobench.client.ReadMode;

/**
 * One predict request's validated query parameters.
 *
 * @param skipInference true = env B (lookup only: no features, no inference, scores 0.0)
 */
public record PredictParams(ReadMode mode, int numSets, int batchSize, boolean skipInference) {}
