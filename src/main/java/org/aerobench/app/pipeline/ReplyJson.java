package org.aerobench.app.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a predict reply's JSON in two steps so that serialising it is inside {@code total_ms}: the
 * predictions (nearly all of the bytes) while the response stage is timed, then, after the clock
 * stopped, the few fields that carry the times (a reply cannot contain the time taken to write that
 * time). Only writing the bytes to the socket is outside.
 */
final class ReplyJson {

  private static final JsonFactory JSON = new JsonFactory();

  private final ByteArrayOutputStream out;
  private final JsonGenerator json;

  private ReplyJson(int predictions) {
    this.out = new ByteArrayOutputStream(256 + 48 * predictions);
    try {
      this.json = JSON.createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array cannot fail
    }
  }

  /** Starts the reply object and writes its {@code predictions} array. */
  static ReplyJson startWith(List<Prediction> predictions) {
    ReplyJson reply = new ReplyJson(predictions.size());
    try {
      JsonGenerator json = reply.json;
      json.writeStartObject();
      json.writeArrayFieldStart("predictions");
      for (Prediction p : predictions) {
        json.writeStartObject();
        json.writeStringField("adId", p.adId());
        json.writeNumberField("score", p.score());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return reply;
  }

  /** Writes the other fields of {@code r} (its predictions are already written) and ends. */
  byte[] finish(PredictResponse r) {
    try {
      json.writeStringField("client_type", r.clientType());
      json.writeStringField("mode", r.mode());
      json.writeNumberField("key_extraction_ms", r.keyExtractionMs());
      json.writeNumberField("queue_ms", r.queueMs());
      json.writeNumberField("aerospike_ms", r.aerospikeMs());
      json.writeNumberField("feature_ms", r.featureMs());
      json.writeNumberField("inference_ms", r.inferenceMs());
      json.writeNumberField("response_ms", r.responseMs());
      json.writeNumberField("total_ms", r.totalMs());
      json.writeNumberField("records_found", r.recordsFound());
      json.writeNumberField("records_total", r.recordsTotal());
      json.writeEndObject();
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
