package org.aerobench.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aerobench.data.FeatureSet;

/**
 * Turns the raw command-line values into {@link BenchSettings}, refusing bad input before any work
 * starts. Every message names the option, the value, the rule and the allowed values.
 */
public final class BenchArguments {

  private BenchArguments() {}

  /** Parses client names; duplicates are dropped, the first occurrence keeps its place. */
  public static List<BenchClientKind> parseClients(List<String> names) {
    Set<BenchClientKind> kinds = new LinkedHashSet<>();
    for (String name : names) {
      kinds.add(BenchClientKind.fromWireName(name.trim().toLowerCase(Locale.ROOT)));
    }
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException(
          "--clients: give at least one client; allowed: " + BenchClientKind.allowedNames());
    }
    return List.copyOf(kinds);
  }

  /** Parses set names ({@code nccsh_adid}) or 1-based indexes ({@code 1}..{@code 9}). */
  public static List<FeatureSet> parseSets(List<String> values) {
    Set<FeatureSet> sets = new LinkedHashSet<>();
    for (String value : values) {
      sets.add(parseSet(value.trim()));
    }
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("--sets: give at least one set; " + allowedSets());
    }
    return List.copyOf(sets);
  }

  private static FeatureSet parseSet(String value) {
    for (FeatureSet set : FeatureSet.values()) {
      if (set.setName().equalsIgnoreCase(value)) {
        return set;
      }
    }
    if (value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 3) {
      int index = Integer.parseInt(value);
      if (index >= 1 && index <= FeatureSet.count()) {
        return FeatureSet.values()[index - 1];
      }
    }
    throw new IllegalArgumentException("--sets: '" + value + "' is not a set; " + allowedSets());
  }

  private static String allowedSets() {
    List<String> names = new ArrayList<>();
    for (FeatureSet set : FeatureSet.values()) {
      names.add((set.ordinal() + 1) + "=" + set.setName());
    }
    return "allowed: a name or its 1-based index: " + String.join(", ", names);
  }

  /** Checks batch sizes lie in 1..fixtureSize (the fixture has one key per ad and set). */
  public static List<Integer> checkBatchSizes(List<Integer> sizes, int fixtureSize) {
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException(
          "--batch-sizes: give at least one size in 1.." + fixtureSize);
    }
    for (int size : sizes) {
      if (size < 1 || size > fixtureSize) {
        throw new IllegalArgumentException(
            "--batch-sizes: "
                + size
                + " is outside 1.."
                + fixtureSize
                + " (the fixture has "
                + fixtureSize
                + " keys per set); pick sizes in that range, e.g. 50,200");
      }
    }
    return List.copyOf(new LinkedHashSet<>(sizes));
  }

  /** Checks a count that must be at least 1. */
  public static int checkPositive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          option + ": " + value + " is not allowed; it must be a positive whole number (>= 1)");
    }
    return value;
  }

  /** Checks a count that may be 0 (warm-up can be skipped). */
  public static int checkNotNegative(String option, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          option + ": " + value + " is not allowed; it must be 0 or more");
    }
    return value;
  }
}
