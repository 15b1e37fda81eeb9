package org.aerobench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  private static final RequestContext CTX = new RequestContext("306962", 25, "U");
  private final FeatureExtractor extractor = new FeatureExtractor();

  private static AdInput ad(int i, Map<String, Object> bins) {
    return new AdInput(
        "nad-a001-02-0000000915%05d".formatted(i),
        "grp-a001-02-0000000158%05d".formatted(i),
        Integer.toString(1_000_000_000 + i),
        bins);
  }

  @Test
  void hashed_ids_land_in_their_tables_and_spread() {
    List<AdInput> ads = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      ads.add(ad(i, null));
    }
    Features f = extractor.extract(ads, CTX);
    Set<Integer> adBuckets = new HashSet<>();
    for (int r = 0; r < 2000; r++) {
      for (int t = 0; t < Features.SPARSE; t++) {
        assertThat(f.sparse()[r * 5 + t]).isBetween(0, Features.tableRows(t) - 1);
      }
      adBuckets.add(f.sparse()[r * 5]);
    }
    // 2000 ids differing only in their last digits into 100,000 buckets: few collisions.
    assertThat(adBuckets.size()).isGreaterThan(1950);
  }

  @Test
  void buckets_are_stable_values_of_the_documented_hash() {
    String id = "nad-a001-02-000000091503633";
    int h = id.hashCode();
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    assertThat(FeatureExtractor.bucket(id, 100_000)).isEqualTo(Math.floorMod(h, 100_000));
    assertThat(FeatureExtractor.bucket(id, 100_000))
        .isEqualTo(FeatureExtractor.bucket(new String(id.toCharArray()), 100_000));
  }

  @Test
  void gender_maps_m_f_u_to_0_1_2_and_anything_else_to_2() {
    assertThat(FeatureExtractor.gender("M")).isZero();
    assertThat(FeatureExtractor.gender("f")).isEqualTo(1);
    assertThat(FeatureExtractor.gender("U")).isEqualTo(2);
    assertThat(FeatureExtractor.gender("X")).isEqualTo(2);
    assertThat(FeatureExtractor.gender(null)).isEqualTo(2);
  }

  @Test
  void a_missing_record_takes_the_request_values_and_zero_counters() {
    RequestContext ctx = new RequestContext("306962", 40, "F");
    AdInput missing = ad(1, null);
    Features f = extractor.extract(List.of(missing), ctx);
    assertThat(f.sparse())
        .containsExactly(
            FeatureExtractor.bucket(missing.adId(), 100_000),
            FeatureExtractor.bucket(missing.adGroupId(), 50_000),
            FeatureExtractor.bucket(missing.campaignId(), 20_000),
            FeatureExtractor.bucket("306962", 10_000),
            1);
    assertThat(f.dense()[0]).isEqualTo(1f); // (40 - 25) / 15
    for (int c = 1; c < 8; c++) {
      assertThat(f.dense()[c]).isZero();
    }
  }

  @Test
  void record_bins_win_over_the_request_and_numbers_of_any_type_are_accepted() {
    Map<String, Object> bins = new HashMap<>();
    bins.put("adId", "other-ad");
    bins.put("channelId", 777L);
    bins.put("gender", "M");
    bins.put("age", 55L);
    bins.put("impCnt", 1000L);
    bins.put("clkCnt", 12);
    bins.put("convCnt", "3");
    bins.put("spend", 45.5);
    bins.put("ctr", 0.012f);
    bins.put("cvr", " 0.25 ");
    // roas missing → 0
    Features f = extractor.extract(List.of(ad(2, bins)), CTX);
    assertThat(f.sparse()[0]).isEqualTo(FeatureExtractor.bucket("other-ad", 100_000));
    assertThat(f.sparse()[3]).isEqualTo(FeatureExtractor.bucket("777", 10_000));
    assertThat(f.sparse()[4]).isZero();
    assertThat(f.dense()[0]).isCloseTo(2f, within(1e-6f));
    assertThat(f.dense()).containsExactly(2f, 1000f, 12f, 3f, 45.5f, 0.012f, 0.25f, 0f);
  }

  @Test
  void ids_stored_as_numbers_hash_like_the_request_strings() {
    Features f =
        extractor.extract(
            List.of(
                ad(1, Map.of("channelId", 306962L)),
                ad(2, Map.of("channelId", 306962.0)),
                ad(3, Map.of("channelId", 306962))),
            CTX);
    int expected = FeatureExtractor.bucket("306962", 10_000);
    assertThat(f.sparse()[3]).isEqualTo(expected);
    assertThat(f.sparse()[8]).isEqualTo(expected);
    assertThat(f.sparse()[13]).isEqualTo(expected);
  }

  @Test
  void age_is_normalised_around_25_by_15() {
    Features f =
        extractor.extract(
            List.of(ad(1, Map.of("age", 25)), ad(2, Map.of("age", 10)), ad(3, Map.of())), CTX);
    assertThat(f.dense()[0]).isZero();
    assertThat(f.dense()[8]).isEqualTo(-1f);
    assertThat(f.dense()[16]).isZero(); // request age 25
  }

  @Test
  void a_non_numeric_counter_is_refused_naming_bin_ad_and_value() {
    AdInput bad = ad(3, Map.of("impCnt", "lots"));
    assertThatThrownBy(() -> extractor.extract(List.of(bad), CTX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bin 'impCnt'")
        .hasMessageContaining(bad.adId())
        .hasMessageContaining("'lots'");
  }

  @Test
  void an_empty_batch_is_refused() {
    assertThatThrownBy(() -> extractor.extract(List.of(), CTX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one candidate ad");
  }
}
