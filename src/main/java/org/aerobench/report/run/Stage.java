package org.aerobench.report.run;

/**
 * The pipeline stages a predict response reports (its JSON field) and the server-times log keeps
 * per request name. {@link #TOTAL} is the server's whole pipeline, as the reference's k6 trends.
 */
public enum Stage {
  TOTAL("total_ms"),
  KEY_EXTRACTION("key_extraction_ms"),
  AEROSPIKE("aerospike_ms"),
  FEATURES("feature_ms"),
  INFERENCE("inference_ms"),
  RESPONSE("response_ms"),
  /** Waits for a slot (admission, a worker per Aerospike call, an inference thread). */
  QUEUE("queue_ms");

  private final String jsonField;

  Stage(String jsonField) {
    this.jsonField = jsonField;
  }

  /** The predict response's JSON field holding this stage's time in milliseconds. */
  public String jsonField() {
    return jsonField;
  }
}
