package org.aerobench.data;

import java.util.List;

/**
 * The fixed request every predict call serves (reference §1.1): 200 candidate ads plus the user
 * context. Loaded once from the classpath resource {@link #RESOURCE}.
 */
public record RequestFixture(
    long channelId, String bcookie, int age, String gender, List<CandidateAd> candidateAds) {

  /** Classpath location of the shipped fixture. */
  public static final String RESOURCE = "/fixture/sample_request200.json";

  public RequestFixture {
    candidateAds = List.copyOf(candidateAds);
  }

  /** Number of candidate ads, i.e. the largest batch size a key plan can ask for. */
  public int size() {
    return candidateAds.size();
  }
}
