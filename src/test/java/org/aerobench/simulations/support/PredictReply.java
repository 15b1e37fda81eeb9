package org.aerobench.simulations.support;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.aerobench.report.run.ServerTimes;
import org.aerobench.report.run.Stage;

/**
 * What the simulations need from a predict reply, read in one streaming pass: the number of
 * predictions and the stage times. Gatling's {@code jsonPath} checks build a tree of the whole body
 * (200 predictions); on this project's replies they cost about ten times the CPU of the rest of a
 * request on Gatling's side, enough to make the load generator the bottleneck.
 *
 * @param predictions entries of the {@code predictions} array, -1 when it is absent
 * @param stageMillis stage times by {@link Stage#ordinal()}, NaN when absent
 * @param recordsFound {@code records_found}, -1 when absent
 * @param recordsTotal {@code records_total}, -1 when absent
 */
public record PredictReply(
    int predictions, double[] stageMillis, int recordsFound, int recordsTotal) {

  private static final JsonFactory JSON = new JsonFactory();
  private static final Stage[] STAGES = Stage.values();

  /**
   * Parses a reply body.
   *
   * @throws IllegalStateException naming what is wrong when the body is not a JSON object
   */
  public static PredictReply parse(byte[] body) {
    int predictions = -1;
    int found = -1;
    int total = -1;
    double[] stages = new double[STAGES.length];
    Arrays.fill(stages, Double.NaN);
    try (JsonParser json = JSON.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("reply is not a JSON object: " + preview(body));
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if ("predictions".equals(field) && value == JsonToken.START_ARRAY) {
          predictions = 0;
          while (json.nextToken() != JsonToken.END_ARRAY) {
            json.skipChildren(); // an {adId, score} object: only counted
            predictions++;
          }
        } else if ("records_found".equals(field) && value.isNumeric()) {
          found = json.getIntValue();
        } else if ("records_total".equals(field) && value.isNumeric()) {
          total = json.getIntValue();
        } else if (value.isNumeric()) {
          Stage stage = stageOf(field);
          if (stage != null) {
            stages[stage.ordinal()] = json.getDoubleValue();
          }
        } else {
          json.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("reply is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalStateException("reply could not be read: " + e.getMessage());
    }
    return new PredictReply(predictions, stages, found, total);
  }

  private static Stage stageOf(String field) {
    for (Stage stage : STAGES) {
      if (stage.jsonField().equals(field)) {
        return stage;
      }
    }
    return null;
  }

  /** The stage's time in milliseconds, NaN when the reply did not send it. */
  public double millis(Stage stage) {
    return stageMillis[stage.ordinal()];
  }

  /**
   * Checks the reply's shape.
   *
   * @throws IllegalStateException saying what is missing or wrong
   */
  public void requireWellFormed(int expectedPredictions) {
    if (predictions != expectedPredictions) {
      throw new IllegalStateException(
          predictions < 0
              ? "no predictions array"
              : "predictions has " + predictions + " entries, expected " + expectedPredictions);
    }
    if (Double.isNaN(millis(Stage.TOTAL))) {
      throw new IllegalStateException("no " + Stage.TOTAL.jsonField());
    }
  }

  /** Records every stage time the reply sent under the request's name. */
  public void recordInto(ServerTimes times, String requestName) {
    for (Stage stage : STAGES) {
      double ms = millis(stage);
      if (!Double.isNaN(ms)) {
        times.record(requestName, stage, ms);
      }
    }
  }

  private static String preview(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
    return body.length > 80 ? text + "..." : text;
  }
}
