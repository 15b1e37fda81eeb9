package org.aerobench.model;

import java.util.Map;

/**
 * One candidate ad of a request and its {@code nccsh_adid} record.
 *
 * @param adId the candidate ad's id, from the request
 * @param adGroupId the candidate ad's group id, from the request
 * @param campaignId the candidate ad's campaign id, from the request
 * @param bins the record's bins, or {@code null} when the record was not found (then the request's
 *     values and zero counters are used)
 */
public record AdInput(String adId, String adGroupId, String campaignId, Map<String, Object> bins) {}
