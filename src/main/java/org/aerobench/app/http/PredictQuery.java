package org.aerobench.app.http;

import java.util.List;
import java.util.Map;
import org.aerobench.app.pipeline.PredictParams;
import org.aerobench.client.ReadMode;
import org.aerobench.data.FeatureSet;

/**
 * Parses and validates the predict query at the edge: {@code mode} (single), {@code num_sets}
 * (1..9, default 9), {@code batch_size} (1..fixture size, default the fixture size), {@code
 * skip_inference} (true|false, default false). Any bad value, including a parameter given twice,
 * throws {@link InvalidParameterException}. Unknown parameters are ignored (load tools add
 * cache-busters).
 */
public final class PredictQuery {

  private final int maxBatch;

  /**
   * @param maxBatch the fixture's ad count, the largest batch_size
   */
  public PredictQuery(int maxBatch) {
    this.maxBatch = maxBatch;
  }

  public PredictParams parse(Map<String, List<String>> query) {
    String mode = single(query, "mode");
    String numSets = single(query, "num_sets");
    String batch = single(query, "batch_size");
    String skip = single(query, "skip_inference");
    return new PredictParams(
        mode == null ? ReadMode.SINGLE : mode(mode),
        numSets == null ? FeatureSet.count() : intIn("num_sets", numSets, 1, FeatureSet.count()),
        batch == null ? maxBatch : intIn("batch_size", batch, 1, maxBatch),
        skip != null && bool(skip));
  }

  private static String single(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new InvalidParameterException(
          name,
          String.join(",", values),
          "a single value (the parameter was given more than once)");
    }
    return values.get(0);
  }

  private static ReadMode mode(String value) {
    for (ReadMode mode : ReadMode.values()) {
      if (mode.wireName().equals(value)) {
        return mode;
      }
    }
    throw new InvalidParameterException("mode", value, ReadMode.allowedNames());
  }

  private static int intIn(String name, String value, int min, int max) {
    int parsed;
    try {
      parsed = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException(name, value, "an integer in " + min + ".." + max);
    }
    if (parsed < min || parsed > max) {
      throw new InvalidParameterException(name, value, "an integer in " + min + ".." + max);
    }
    return parsed;
  }

  private static boolean bool(String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new InvalidParameterException("skip_inference", value, "true, false");
  }
}
