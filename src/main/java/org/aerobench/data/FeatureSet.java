package org.aerobench.data;

import java.util.function.BiFunction;

/**
 * The nine feature sets in the reference order (reference §1.2), each with the derivation of its
 * user key from the request fixture and the index of a candidate ad. {@code num_sets=N} takes the
 * first N.
 */
public enum FeatureSet {
  NCCSH_ADID("nccsh_adid", (f, ad) -> ad.adId()),
  NCCSH_ADGROUPID("nccsh_adgroupid", (f, ad) -> ad.adGroupId()),
  NCCSH_CAMPAIGNID("nccsh_campaignid", (f, ad) -> ad.campaignId()),
  NCCSH_ADID_CHANNELID("nccsh_adid_channelid", (f, ad) -> ad.adId() + "_" + f.channelId()),
  NCCSH_ADGROUPID_CHANNELID(
      "nccsh_adgroupid_channelid", (f, ad) -> ad.adGroupId() + "_" + f.channelId()),
  NCCSH_CAMPAIGNID_CHANNELID(
      "nccsh_campaignid_channelid", (f, ad) -> ad.campaignId() + "_" + f.channelId()),
  NCCSH_NVMID("nccsh_nvmid", (f, ad) -> ad.nvMid()),
  /** The same bcookie for every ad; the reference leaves this set empty (0% found). */
  NCCSH_USERID("nccsh_userid", (f, ad) -> f.bcookie()),
  /** Shares its key strings with {@link #NCCSH_NVMID}: demultiplex by position, not by key. */
  NCCSH_HCONVVALUE_NVMID("nccsh_hconvvalue_nvmid", (f, ad) -> ad.nvMid());

  private final String setName;
  private final BiFunction<RequestFixture, CandidateAd, String> userKey;

  FeatureSet(String setName, BiFunction<RequestFixture, CandidateAd, String> userKey) {
    this.setName = setName;
    this.userKey = userKey;
  }

  /** The Aerospike set name. */
  public String setName() {
    return setName;
  }

  /** The string user key of this set for the given candidate ad of the fixture. */
  public String userKey(RequestFixture fixture, CandidateAd ad) {
    return userKey.apply(fixture, ad);
  }

  /** Number of sets (9). */
  public static int count() {
    return values().length;
  }
}
