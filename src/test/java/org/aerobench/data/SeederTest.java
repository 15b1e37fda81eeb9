package org.aerobench.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import com.aerospike.client.policy.ClientPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeederTest {

  static EmbeddedAerospike server;
  static AerospikeClient client;
  static SeedReport report;
  static final List<String> progress = new ArrayList<>();
  static final RequestFixture fixture = Fixtures.load();

  @BeforeAll
  static void start_and_seed() {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    ClientPolicy policy = new ClientPolicy();
    policy.timeout = 5_000;
    client = new AerospikeClient(policy, new Host(server.host(), server.port()));
    report = new Seeder(progress::add).seed(client, "test", fixture);
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void batch_read_of_the_fixture_keys_finds_the_intended_count_per_set() {
    KeyPlan plan = KeyPlan.of(fixture, "test", 9, 200);
    int[] referenceCounts = {164, 179, 129, 115, 153, 125, 180, 0, 168};

    for (SetKeys set : plan.sets()) {
      Record[] records = client.get(null, set.keys().toArray(Key[]::new));
      long found = Arrays.stream(records).filter(r -> r != null).count();
      assertThat(found).as(set.set().setName()).isEqualTo(referenceCounts[set.set().ordinal()]);
      boolean[] present = SeedPlan.present(set.set(), 200);
      for (int i = 0; i < 200; i++) {
        assertThat(records[i] != null)
            .as(set.set().setName() + "[" + i + "]")
            .isEqualTo(present[i]);
      }
    }
  }

  @Test
  void batch_of_50_finds_the_reference_batch_50_counts() {
    KeyPlan plan = KeyPlan.of(fixture, "test", 9, 50);
    int[] referenceCounts = {43, 46, 35, 42, 41, 35, 49, 0, 49};

    for (SetKeys set : plan.sets()) {
      long found =
          Arrays.stream(client.get(null, set.keys().toArray(Key[]::new)))
              .filter(r -> r != null)
              .count();
      assertThat(found).as(set.set().setName()).isEqualTo(referenceCounts[set.set().ordinal()]);
    }
  }

  @Test
  void report_says_what_was_written_and_progress_has_a_line_per_set() {
    assertThat(report.written()).isEqualTo(164 + 179 + 129 + 115 + 153 + 125 + 180 + 168);
    assertThat(report.of(FeatureSet.NCCSH_USERID).written()).isZero();
    assertThat(report.of(FeatureSet.NCCSH_USERID).absent()).isEqualTo(1); // one bcookie
    assertThat(report.of(FeatureSet.NCCSH_ADID).intendedFoundRatio()).isEqualTo(0.82);
    assertThat(report.of(FeatureSet.NCCSH_ADID).keys()).isEqualTo(200);
    assertThat(server.recordCount("test")).isEqualTo(report.written());
    assertThat(progress).hasSize(10);
    assertThat(progress.get(0)).contains("nccsh_adid", "164 records written", "82.0%");
  }

  @Test
  void adid_records_carry_the_13_feature_bins_and_others_about_6() {
    CandidateAd ad = firstPresent(FeatureSet.NCCSH_ADID);
    Record record = client.get(null, new Key("test", "nccsh_adid", ad.adId()));

    assertThat(record.bins)
        .containsOnlyKeys(
            "adId",
            "adGroupId",
            "campaignId",
            "channelId",
            "gender",
            "age",
            "impCnt",
            "clkCnt",
            "convCnt",
            "spend",
            "ctr",
            "cvr",
            "roas");
    assertThat(record.getString("adId")).isEqualTo(ad.adId());
    assertThat(record.getString("channelId")).isEqualTo(Long.toString(fixture.channelId()));
    assertThat(record.getString("gender")).isIn("M", "F", "U");
    assertThat(record.getLong("clkCnt")).isLessThanOrEqualTo(record.getLong("impCnt"));
    assertThat(record.getDouble("ctr"))
        .isEqualTo((double) record.getLong("clkCnt") / record.getLong("impCnt"));

    CandidateAd other = firstPresent(FeatureSet.NCCSH_NVMID);
    assertThat(client.get(null, new Key("test", "nccsh_nvmid", other.nvMid())).bins).hasSize(6);
  }

  @Test
  void seeding_again_leaves_the_same_data() {
    KeyPlan plan = KeyPlan.of(fixture, "test", 9, 200);
    List<Map<String, Object>> before = allBins(plan);
    long countBefore = server.recordCount("test");

    SeedReport again = new Seeder().seed(client, "test", fixture);

    assertThat(allBins(plan)).isEqualTo(before);
    assertThat(server.recordCount("test")).isEqualTo(countBefore);
    assertThat(again.sets()).isEqualTo(report.sets());
  }

  private static CandidateAd firstPresent(FeatureSet set) {
    boolean[] present = SeedPlan.present(set, 200);
    for (int i = 0; ; i++) {
      if (present[i]) {
        return fixture.candidateAds().get(i);
      }
    }
  }

  private static List<Map<String, Object>> allBins(KeyPlan plan) {
    return Arrays.stream(client.get(null, plan.allKeys()))
        .map(r -> r == null ? null : r.bins)
        .toList();
  }
}
