package org.aerobench.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.aerobench.app.pipeline.PredictParams;
import org.aerobench.client.ReadMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PredictQueryTest {

  private static final String NINE =
      "an integer in 1..9 (ASCII digits, no sign, spaces or leading zeros)";
  private static final String TWO_HUNDRED =
      "an integer in 1..200 (ASCII digits, no sign, spaces or leading zeros)";

  private final PredictQuery query = new PredictQuery(200);

  @Test
  void missing_parameters_take_the_reference_defaults() {
    assertThat(query.parse(Map.of())).isEqualTo(new PredictParams(ReadMode.SINGLE, 9, 200, false));
  }

  @Test
  void every_parameter_is_read() {
    PredictParams params =
        query.parse(
            Map.of(
                "mode", List.of("merge_gather"),
                "num_sets", List.of("3"),
                "batch_size", List.of("50"),
                "skip_inference", List.of("true"),
                "cache_buster", List.of("123")));

    assertThat(params).isEqualTo(new PredictParams(ReadMode.MERGE_GATHER, 3, 50, true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mode|fast|single, gather, sequential, merge_gather",
        "mode|SINGLE|single, gather, sequential, merge_gather",
        "num_sets|0|" + NINE,
        "num_sets|10|" + NINE,
        "num_sets|nine|" + NINE,
        "batch_size|201|" + TWO_HUNDRED,
        "batch_size|-1|" + TWO_HUNDRED,
        "batch_size|2.5|" + TWO_HUNDRED,
        "batch_size|+5|" + TWO_HUNDRED,
        "batch_size|' 5'|" + TWO_HUNDRED,
        "batch_size|010|" + TWO_HUNDRED,
        "batch_size|５|" + TWO_HUNDRED,
        "batch_size|٥|" + TWO_HUNDRED,
        "batch_size|99999999999|" + TWO_HUNDRED,
        "skip_inference|maybe|true, false",
        "skip_inference|TRUE|true, false",
        "skip_inference|True|true, false",
        "skip_inference|1|true, false"
      })
  void invalid_value_names_parameter_value_and_allowed_values(
      String parameter, String value, String allowed) {
    InvalidParameterException e =
        catchThrowableOfType(
            InvalidParameterException.class, () -> query.parse(Map.of(parameter, List.of(value))));

    assertThat(e.parameter()).isEqualTo(parameter);
    assertThat(e.value()).isEqualTo(value);
    assertThat(e.allowed()).isEqualTo(allowed);
    assertThat(e.getMessage())
        .isEqualTo(
            "query parameter '"
                + parameter
                + "' has invalid value '"
                + value
                + "'; allowed: "
                + allowed);
  }

  @Test
  void a_parameter_given_twice_is_refused() {
    InvalidParameterException e =
        catchThrowableOfType(
            InvalidParameterException.class,
            () -> query.parse(Map.of("num_sets", List.of("1", "2"))));

    assertThat(e.value()).isEqualTo("1,2");
    assertThat(e.allowed()).contains("given more than once");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mode=gather%|mode|gather%",
        "batch_size=0%|batch_size|0%",
        "skip_inference=true%|skip_inference|true%",
        "batch_size=5%00|batch_size|5\u0000",
        "mode=%zz|mode|%zz",
        "mode=%ff|mode|%ff",
        "mode=%C3|mode|%C3",
        "mode%=single|mode%|single"
      })
  void a_malformed_escape_or_invalid_utf8_is_refused_naming_the_parameter_not_dropped(
      String raw, String parameter, String value) {
    InvalidParameterException e =
        catchThrowableOfType(InvalidParameterException.class, () -> query.parse(raw));

    assertThat(e).as(raw).isNotNull();
    assertThat(e.parameter()).isEqualTo(parameter);
    if (!raw.contains("%00")) {
      assertThat(e.value()).isEqualTo(value);
    }
  }

  @Test
  void a_well_formed_raw_query_decodes_escapes_and_plus() {
    assertThat(query.parse("mode=merge%5Fgather&num_sets=3&x=a+b%20c&&skip_inference=true"))
        .isEqualTo(new PredictParams(ReadMode.MERGE_GATHER, 3, 200, true));
  }

  @Test
  void a_long_rejected_value_is_quoted_truncated_to_200_characters_with_a_marker() {
    String huge = "x".repeat(7_000);

    InvalidParameterException e =
        catchThrowableOfType(InvalidParameterException.class, () -> query.parse("mode=" + huge));

    assertThat(e.value()).startsWith("x".repeat(200)).endsWith("…[truncated: 7000 chars]");
    assertThat(e.value().length()).isLessThan(240);
    assertThat(e.getMessage().length()).isLessThan(400);
  }
}
