package org.aerobench.data;

/** One candidate ad of the request fixture: the four ids the key plan derives keys from. */
public record CandidateAd(String adId, String adGroupId, String campaignId, String nvMid) {}
