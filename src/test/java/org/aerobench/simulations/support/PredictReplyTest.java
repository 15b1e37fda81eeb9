package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.aerobench.report.run.ServerTimes;
import org.aerobench.report.run.Stage;
import org.junit.jupiter.api.Test;

class PredictReplyTest {

  private static PredictReply parse(String json) {
    return PredictReply.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static final String REPLY =
      """
      {"predictions":[{"adId":"a1","score":0.5},{"adId":"a2","score":0.25},{"adId":"a3","score":0}],
       "client_type":"async","mode":"single","key_extraction_ms":0.012,"aerospike_ms":1.234,
       "feature_ms":0.2,"inference_ms":0.5,"response_ms":0.05,"total_ms":2.001,
       "records_found":15,"records_total":18,"extra":{"nested":[1,2,{"total_ms":99}]}}
      """;

  @Test
  void counts_predictions_and_reads_every_stage() {
    PredictReply reply = parse(REPLY);
    assertThat(reply.predictions()).isEqualTo(3);
    assertThat(reply.millis(Stage.TOTAL)).isEqualTo(2.001);
    assertThat(reply.millis(Stage.AEROSPIKE)).isEqualTo(1.234);
    assertThat(reply.millis(Stage.KEY_EXTRACTION)).isEqualTo(0.012);
    assertThat(reply.millis(Stage.RESPONSE)).isEqualTo(0.05);
  }

  @Test
  void records_stage_times_in_microseconds_under_the_request_name() {
    ServerTimes times = new ServerTimes();
    parse(REPLY).recordInto(times, "single async");
    assertThat(times.histogram("single async", Stage.TOTAL).getTotalCount()).isEqualTo(1);
    assertThat(times.histogram("single async", Stage.TOTAL).getMaxValue()).isBetween(2000L, 2002L);
    assertThat(times.histogram("single async", Stage.INFERENCE).getTotalCount()).isEqualTo(1);
  }

  @Test
  void a_missing_stage_is_absent_not_zero() {
    PredictReply reply = parse("{\"predictions\":[],\"total_ms\":1.5}");
    assertThat(reply.millis(Stage.INFERENCE)).isNaN();
    ServerTimes times = new ServerTimes();
    reply.recordInto(times, "lookup sync");
    assertThat(times.byRequest().get("lookup sync")).containsOnlyKeys(Stage.TOTAL);
  }

  @Test
  void a_short_or_incomplete_reply_says_what_is_wrong() {
    assertThatThrownBy(() -> parse(REPLY).requireWellFormed(200))
        .hasMessage("predictions has 3 entries, expected 200");
    assertThatThrownBy(() -> parse("{\"total_ms\":1}").requireWellFormed(200))
        .hasMessage("no predictions array");
    assertThatThrownBy(() -> parse("{\"predictions\":[{}]}").requireWellFormed(1))
        .hasMessage("no total_ms");
  }

  @Test
  void an_error_body_is_refused_with_its_start() {
    assertThatThrownBy(() -> parse("[1,2]"))
        .hasMessageStartingWith("reply is not a JSON object: [1,2]");
    assertThatThrownBy(() -> parse("{\"predictions\":["))
        .hasMessageStartingWith("reply is not valid JSON");
  }
}
