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
                "skip_inference", List.of("TRUE"),
                "cache_buster", List.of("123")));

    assertThat(params).isEqualTo(new PredictParams(ReadMode.MERGE_GATHER, 3, 50, true));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mode|fast|single, gather, sequential, merge_gather",
        "mode|SINGLE|single, gather, sequential, merge_gather",
        "num_sets|0|an integer in 1..9",
        "num_sets|10|an integer in 1..9",
        "num_sets|nine|an integer in 1..9",
        "batch_size|201|an integer in 1..200",
        "batch_size|-1|an integer in 1..200",
        "batch_size|2.5|an integer in 1..200",
        "skip_inference|maybe|true, false",
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
}
