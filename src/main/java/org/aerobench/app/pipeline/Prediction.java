package org.aerobench.app.pipeline;

/** One candidate ad's score, rounded to 6 decimals as the reference does. */
public record Prediction(String adId, double score) {}
