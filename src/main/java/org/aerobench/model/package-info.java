/**
 * Features and the DLRM model of the target app's env C (reference §4.5).
 *
 * <p>{@link org.aerobench.model.FeatureExtractor} turns the {@code nccsh_adid} records of one
 * request into {@link org.aerobench.model.Features}; an {@link org.aerobench.model.InferenceEngine}
 * made by {@link org.aerobench.model.Engines} scores them with the weights of {@link
 * org.aerobench.model.DlrmWeights}. {@link org.aerobench.model.ScalarDlrm} is the obviously-correct
 * oracle, {@link org.aerobench.model.JavaDlrm} the fast engine. This package does not depend on
 * Aerospike: records arrive as plain bin maps.
 */
package org.aerobench.model;
