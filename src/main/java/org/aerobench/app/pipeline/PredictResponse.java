package org.aerobench.app.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The predict JSON (reference §4.3 plus the other stage times, {@code queue_ms} among them). Times
 * are milliseconds with 3 decimals (µs resolution). {@code body} is the reply as sent, serialised
 * by {@link ReplyJson} inside the timed pipeline.
 */
public record PredictResponse(
    List<Prediction> predictions,
    @JsonProperty("client_type") String clientType,
    String mode,
    @JsonProperty("key_extraction_ms") double keyExtractionMs,
    @JsonProperty("queue_ms") double queueMs,
    @JsonProperty("aerospike_ms") double aerospikeMs,
    @JsonProperty("feature_ms") double featureMs,
    @JsonProperty("inference_ms") double inferenceMs,
    @JsonProperty("response_ms") double responseMs,
    @JsonProperty("total_ms") double totalMs,
    @JsonProperty("records_found") int recordsFound,
    @JsonProperty("records_total") int recordsTotal,
    @JsonIgnore byte[] body) {

  /** This response with its serialised body. */
  PredictResponse withBody(byte[] json) {
    return new PredictResponse(
        predictions,
        clientType,
        mode,
        keyExtractionMs,
        queueMs,
        aerospikeMs,
        featureMs,
        inferenceMs,
        responseMs,
        totalMs,
        recordsFound,
        recordsTotal,
        json);
  }

  /** Nanoseconds as milliseconds with 3 decimals. */
  static double millis(long nanos) {
    return Math.round(nanos / 1_000.0) / 1_000.0;
  }

  /** A score rounded to 6 decimals. */
  static double score(float score) {
    return Math.round(score * 1_000_000.0) / 1_000_000.0;
  }
}
