package org.aerobench.data;

import com.aerospike.client.Bin;
import com.aerospike.client.IAerospikeClient;
import com.aerospike.client.Key;
import com.aerospike.client.policy.RecordExistsAction;
import com.aerospike.client.policy.WritePolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Writes the benchmark's data set through the official client, to any Aerospike (embedded or real).
 * For each of the nine sets and each candidate ad of the fixture, the key exists or not as {@link
 * SeedPlan} says; existing keys get deterministic bins (a function of the set and the key only), so
 * seeding twice leaves the same data. Keys meant to be absent are deleted, so that the found ratios
 * are exact even where an older run left other data.
 *
 * <pre>{@code
 * SeedReport report = new Seeder(System.out::println).seed(client, "test", Fixtures.load());
 * }</pre>
 */
public final class Seeder {

  /** Fixed seed of the bin values. */
  public static final long VALUE_SEED = 0x0A11_B1A5_2026L;

  private final Consumer<String> progress;

  /** A seeder that prints a line per set to {@code progress}. */
  public Seeder(Consumer<String> progress) {
    this.progress = progress;
  }

  /** A silent seeder. */
  public Seeder() {
    this(line -> {});
  }

  /**
   * Seeds all nine sets.
   *
   * @throws com.aerospike.client.AerospikeException when a write fails (nothing is retried)
   */
  public SeedReport seed(IAerospikeClient client, String namespace, RequestFixture fixture) {
    long start = System.nanoTime();
    WritePolicy replace = new WritePolicy(client.getWritePolicyDefault());
    replace.recordExistsAction = RecordExistsAction.REPLACE;
    WritePolicy delete = new WritePolicy(client.getWritePolicyDefault());

    List<SeedReport.SetSeed> sets = new ArrayList<>();
    for (FeatureSet set : FeatureSet.values()) {
      // A key string may repeat within a set (nccsh_userid: one bcookie 200 times); it exists if
      // the plan wants any of its positions to exist.
      boolean[] present = SeedPlan.present(set, fixture.size());
      Map<String, Integer> firstIndex = new LinkedHashMap<>();
      Map<String, Boolean> wanted = new LinkedHashMap<>();
      for (int i = 0; i < fixture.size(); i++) {
        String userKey = set.userKey(fixture, fixture.candidateAds().get(i));
        firstIndex.putIfAbsent(userKey, i);
        wanted.merge(userKey, present[i], Boolean::logicalOr);
      }
      int written = 0;
      int absent = 0;
      for (Map.Entry<String, Boolean> entry : wanted.entrySet()) {
        Key key = new Key(namespace, set.setName(), entry.getKey());
        if (entry.getValue()) {
          CandidateAd ad = fixture.candidateAds().get(firstIndex.get(entry.getKey()));
          client.put(replace, key, bins(set, entry.getKey(), ad, fixture));
          written++;
        } else {
          client.delete(delete, key);
          absent++;
        }
      }
      int found = 0; // keys a full-fixture read finds, one per position the plan wants present
      for (boolean wantedHere : present) {
        found += wantedHere ? 1 : 0;
      }
      SeedReport.SetSeed seeded =
          new SeedReport.SetSeed(
              set, fixture.size(), written, absent, (double) found / fixture.size());
      sets.add(seeded);
      progress.accept(
          String.format(
              Locale.ROOT,
              "seeded %s.%-26s %3d records written, %3d keys absent, intended found %5.1f%% of %d",
              namespace,
              set.setName(),
              written,
              absent,
              seeded.intendedFoundRatio() * 100,
              fixture.size()));
    }
    SeedReport report = new SeedReport(namespace, sets, System.nanoTime() - start);
    progress.accept(
        String.format(
            Locale.ROOT,
            "seeded %d records in %d sets of namespace %s in %d ms",
            report.written(),
            sets.size(),
            namespace,
            report.elapsedNanos() / 1_000_000));
    return report;
  }

  /**
   * The bins of one record: a function of the set and the user key only. {@code nccsh_adid} carries
   * the 13 feature bins the model reads; the other sets about 6 bins (reference §1.3).
   */
  static Bin[] bins(FeatureSet set, String userKey, CandidateAd ad, RequestFixture fixture) {
    SplittableRandom random = new SplittableRandom(VALUE_SEED ^ mix(set.ordinal(), userKey));
    long impCnt = 1_000 + random.nextLong(1_000_000);
    long clkCnt = Math.round(impCnt * (0.002 + random.nextDouble() * 0.05));
    if (set == FeatureSet.NCCSH_ADID) {
      long convCnt = Math.round(clkCnt * random.nextDouble() * 0.12);
      double spend = Math.round(clkCnt * (50 + random.nextDouble() * 950)) / 100.0;
      double revenue = spend * (0.5 + random.nextDouble() * 6);
      return new Bin[] {
        new Bin("adId", ad.adId()),
        new Bin("adGroupId", ad.adGroupId()),
        new Bin("campaignId", ad.campaignId()),
        new Bin("channelId", Long.toString(fixture.channelId())),
        new Bin("gender", new String[] {"M", "F", "U"}[random.nextInt(3)]),
        new Bin("age", 18 + random.nextInt(48)),
        new Bin("impCnt", impCnt),
        new Bin("clkCnt", clkCnt),
        new Bin("convCnt", convCnt),
        new Bin("spend", spend),
        new Bin("ctr", (double) clkCnt / impCnt),
        new Bin("cvr", clkCnt == 0 ? 0.0 : (double) convCnt / clkCnt),
        new Bin("roas", spend == 0 ? 0.0 : revenue / spend)
      };
    }
    return new Bin[] {
      new Bin("key", userKey),
      new Bin("segment", String.format(Locale.ROOT, "seg-%04x", random.nextInt(0x10000))),
      new Bin("impCnt", impCnt),
      new Bin("clkCnt", clkCnt),
      new Bin("score", random.nextDouble()),
      new Bin("updatedAt", 1_776_000_000L + random.nextLong(1_000_000))
    };
  }

  private static long mix(int ordinal, String userKey) {
    long h = ordinal * 0x9E37_79B9_7F4A_7C15L;
    for (int i = 0; i < userKey.length(); i++) {
      h = (h ^ userKey.charAt(i)) * 0x100_0000_01B3L;
    }
    return h;
  }
}
