package org.aerobench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FixturesTest {

  @Test
  void shipped_fixture_has_200_ads_with_distinct_values_in_the_reference_shapes() {
    RequestFixture fixture = Fixtures.load();

    assertThat(fixture.size()).isEqualTo(200);
    assertThat(fixture.bcookie()).matches("[A-Z]{13}");
    assertThat(fixture.gender()).isIn("M", "F", "U");
    assertThat(fixture.channelId()).isBetween(100_000L, 999_999L);
    assertDistinct(fixture.candidateAds(), CandidateAd::adId, "nad-a001-02-\\d{15}");
    assertDistinct(fixture.candidateAds(), CandidateAd::adGroupId, "grp-a001-02-\\d{15}");
    assertDistinct(fixture.candidateAds(), CandidateAd::campaignId, "1000000\\d{3}");
    assertDistinct(fixture.candidateAds(), CandidateAd::nvMid, "102197\\d{5}");
  }

  @Test
  void load_is_cached() {
    assertThat(Fixtures.load()).isSameAs(Fixtures.load());
  }

  @Test
  void request_envelope_is_accepted() {
    RequestFixture fixture =
        parse(
            """
            {"request": {"channelId": 306962, "bcookie": "QVKQ", "age": 25, "gender": "U",
              "candidateAds": [{"adId": "a", "adGroupId": "g", "campaignId": 1000000602,
                                "nvMid": "n"}]}}
            """);

    assertThat(fixture.channelId()).isEqualTo(306962);
    assertThat(fixture.candidateAds())
        .containsExactly(new CandidateAd("a", "g", "1000000602", "n"));
  }

  @Test
  void missing_field_is_named_with_its_path_and_the_source() {
    assertThatExceptionOfType(FixtureException.class)
        .isThrownBy(
            () ->
                parse(
                    """
                    {"channelId": 1, "bcookie": "B", "age": 25, "gender": "U",
                     "candidateAds": [{"adId": "a", "adGroupId": "g", "campaignId": "c",
                                       "nvMid": "n"},
                                      {"adId": "a2", "adGroupId": "g2", "campaignId": "c2"}]}
                    """))
        .withMessage(
            "fixture test.json: field 'candidateAds[1].nvMid' is missing; expected a non-empty"
                + " string");
  }

  @Test
  void wrong_type_is_named_with_the_value() {
    assertThatExceptionOfType(FixtureException.class)
        .isThrownBy(
            () ->
                parse(
                    """
                    {"channelId": "abc", "bcookie": "B", "age": 25, "gender": "U",
                     "candidateAds": [{"adId": "a", "adGroupId": "g", "campaignId": "c",
                                       "nvMid": "n"}]}
                    """))
        .withMessage("fixture test.json: field 'channelId' is \"abc\"; expected a whole number");
  }

  @Test
  void empty_ads_and_broken_json_are_refused() {
    assertThatExceptionOfType(FixtureException.class)
        .isThrownBy(
            () -> parse("{\"channelId\": 1, \"bcookie\": \"B\", \"age\": 1, \"candidateAds\": []}"))
        .withMessageContaining("field 'candidateAds' must be a non-empty array");
    assertThatExceptionOfType(FixtureException.class)
        .isThrownBy(() -> parse("{\"channelId\": "))
        .withMessageStartingWith("fixture test.json is not valid JSON");
  }

  @Test
  void missing_resource_is_named() {
    assertThatExceptionOfType(FixtureException.class)
        .isThrownBy(() -> Fixtures.loadResource("/fixture/nope.json"))
        .withMessageContaining("/fixture/nope.json is not on the classpath");
  }

  private static RequestFixture parse(String json) {
    return Fixtures.parse("test.json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertDistinct(
      List<CandidateAd> ads, Function<CandidateAd, String> field, String pattern) {
    List<String> values = ads.stream().map(field).toList();
    assertThat(new HashSet<>(values)).hasSize(values.size());
    assertThat(values).allSatisfy(v -> assertThat(v).matches(pattern));
  }
}
