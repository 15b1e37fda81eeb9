package org.aerobench.app.http;

import java.util.List;
import java.util.Map;
import org.aerobench.app.pipeline.PredictParams;
import org.aerobench.client.ReadMode;
import org.aerobench.data.FeatureSet;

/**
 * Parses and validates the predict query at the edge: {@code mode} (single), {@code num_sets}
 * (1..9, default 9), {@code batch_size} (1..fixture size, default the fixture size), {@code
 * skip_inference} (true|false, default false). The rules, one for every parameter:
 *
 * <ul>
 *   <li>the raw query is decoded strictly ({@link QueryString}): a malformed escape or invalid
 *       UTF-8 is refused, never dropped;
 *   <li>numbers are ASCII digits only, without sign, spaces or leading zeros ({@code 5}, not {@code
 *       +5}, {@code 05}, {@code ５} or {@code ٥});
 *   <li>enumerated values are lower-case and matched exactly ({@code true}, not {@code TRUE});
 *   <li>a parameter given twice is refused.
 * </ul>
 *
 * Any bad value throws {@link InvalidParameterException}. Unknown parameters are ignored (load
 * tools add cache-busters) once they decode.
 */
public final class PredictQuery {

  /** The digits rule quoted after a number's range. */
  static final String DIGITS_RULE = "ASCII digits, no sign, spaces or leading zeros";

  /** At most this many digits: enough for every range here, and never an int overflow. */
  private static final int MAX_DIGITS = 9;

  private final int maxBatch;

  /**
   * @param maxBatch the fixture's ad count, the largest batch_size
   */
  public PredictQuery(int maxBatch) {
    this.maxBatch = maxBatch;
  }

  /** Parses a raw (still percent-encoded) query string, e.g. {@code ctx.queryString()}. */
  public PredictParams parse(String rawQuery) {
    return parse(QueryString.decode(rawQuery));
  }

  /** Parses decoded parameters. */
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
    if (!isPlainDigits(value)) {
      throw new InvalidParameterException(name, value, rangeRule(min, max));
    }
    int parsed = Integer.parseInt(value);
    if (parsed < min || parsed > max) {
      throw new InvalidParameterException(name, value, rangeRule(min, max));
    }
    return parsed;
  }

  private static String rangeRule(int min, int max) {
    return "an integer in " + min + ".." + max + " (" + DIGITS_RULE + ")";
  }

  /** {@code 0} or {@code [1-9][0-9]*}, ASCII only: Integer.parseInt also takes +5, ５ and ٥. */
  private static boolean isPlainDigits(String value) {
    if (value.isEmpty() || value.length() > MAX_DIGITS) {
      return false;
    }
    if (value.charAt(0) == '0' && value.length() > 1) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean bool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new InvalidParameterException("skip_inference", value, "true, false");
    };
  }
}
