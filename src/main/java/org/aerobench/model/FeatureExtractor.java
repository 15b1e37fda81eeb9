package org.aerobench.model;

import java.util.List;
import java.util.Map;

/**
 * Builds the DLRM input from the {@code nccsh_adid} records of one request (reference §4.5).
 *
 * <p>Sparse ids: adId, adGroupId, campaignId and channelId are hashed into 100,000, 50,000, 20,000
 * and 10,000 buckets; gender maps M/F/U to 0/1/2 (anything else 2). Dense: {@code (age − 25) / 15}
 * then impCnt, clkCnt, convCnt, spend, ctr, cvr, roas. A record's bin wins over the request's
 * value; a missing record or bin gives the request's value (ids, gender, age) or 0 (counters).
 *
 * <p>Hashing: the reference uses Python's {@code hash(str) % vocab}, which is salted per process
 * ({@code PYTHONHASHSEED}), so its buckets cannot be reproduced and are not even stable between two
 * runs of the reference. We use a stable one instead: {@link String#hashCode()} (fixed by the Java
 * Language Specification) mixed by MurmurHash3's 32-bit finaliser (so that ids differing only in
 * their last digits spread over the whole table), then {@link Math#floorMod}. The same string
 * always lands in the same bucket, in every JVM and run.
 *
 * <p>Thread-safe and stateless.
 */
public final class FeatureExtractor {

  static final String[] COUNTER_BINS = {
    "impCnt", "clkCnt", "convCnt", "spend", "ctr", "cvr", "roas"
  };

  /** Scores the given ads in order; row {@code i} of the result describes {@code ads.get(i)}. */
  public Features extract(List<AdInput> ads, RequestContext ctx) {
    if (ads == null || ads.isEmpty()) {
      throw new IllegalArgumentException("no ads to score: pass at least one candidate ad");
    }
    if (ctx == null) {
      throw new IllegalArgumentException("request context is missing: pass channel, age, gender");
    }
    int batch = ads.size();
    int[] sparse = new int[batch * Features.SPARSE];
    float[] dense = new float[batch * Features.DENSE];
    for (int row = 0; row < batch; row++) {
      AdInput ad = ads.get(row);
      Map<String, Object> bins = ad.bins() == null ? Map.of() : ad.bins();
      int s = row * Features.SPARSE;
      sparse[s] = bucket(text(bins, "adId", ad.adId()), Features.tableRows(0));
      sparse[s + 1] = bucket(text(bins, "adGroupId", ad.adGroupId()), Features.tableRows(1));
      sparse[s + 2] = bucket(text(bins, "campaignId", ad.campaignId()), Features.tableRows(2));
      sparse[s + 3] = bucket(text(bins, "channelId", ctx.channelId()), Features.tableRows(3));
      sparse[s + 4] = gender(text(bins, "gender", ctx.gender()));

      int d = row * Features.DENSE;
      Object age = bins.get("age");
      double ageValue = age == null ? ctx.age() : number(age, "age", ad);
      dense[d] = (float) ((ageValue - 25.0) / 15.0);
      for (int c = 0; c < COUNTER_BINS.length; c++) {
        Object v = bins.get(COUNTER_BINS[c]);
        dense[d + 1 + c] = v == null ? 0f : (float) number(v, COUNTER_BINS[c], ad);
      }
    }
    return new Features(batch, sparse, dense);
  }

  /**
   * The stable bucket of {@code value} in a table of {@code buckets} rows (see the class comment);
   * {@code null} hashes like the empty string.
   */
  public static int bucket(String value, int buckets) {
    int h = value == null ? 0 : value.hashCode();
    // MurmurHash3 fmix32: every input bit affects every output bit.
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return Math.floorMod(h, buckets);
  }

  /** M → 0, F → 1, anything else (U, empty, unknown) → 2, as the reference's default. */
  public static int gender(String value) {
    if (value == null) {
      return 2;
    }
    return switch (value.trim().toUpperCase(java.util.Locale.ROOT)) {
      case "M" -> 0;
      case "F" -> 1;
      default -> 2;
    };
  }

  /**
   * A bin as the string that gets hashed; an integral float or double reads as the integer, so a
   * channel id stored as 306962.0 hashes like the request's "306962".
   */
  private static String text(Map<String, Object> bins, String name, String fallback) {
    Object v = bins.get(name);
    if (v == null) {
      return fallback;
    }
    if ((v instanceof Double || v instanceof Float)) {
      double d = ((Number) v).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
        return Long.toString((long) d);
      }
    }
    return v.toString();
  }

  private static double number(Object v, String bin, AdInput ad) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // Falls through to the error below: a silent 0 would be a silent wrong score.
      }
    }
    throw new IllegalArgumentException(
        "bin '"
            + bin
            + "' of ad '"
            + ad.adId()
            + "' must be a number (int, long, float, double or numeric string), got "
            + v.getClass().getSimpleName()
            + " '"
            + v
            + "': fix the record or the seeder");
  }
}
