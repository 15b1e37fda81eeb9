package org.aerobench.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.aerobench.client.Arm;
import org.aerobench.data.FeatureSet;

/**
 * Turns the raw command-line values into {@link BenchSettings}, refusing bad input before any work
 * starts. Every message names the option, the value, the rule and the allowed values.
 */
public final class BenchArguments {

  private BenchArguments() {}

  /**
   * Parses client names into arms, in the order given: a client listed again is an A/A arm of it
   * ({@code sync,sync} = {@code sync, sync#2}), as in the simulations ({@link Arm}). Every arm of a
   * client runs through the same client instance: identical code and state, so any difference
   * between them is noise.
   */
  public static List<String> parseClients(List<String> names) {
    List<String> lowered = new ArrayList<>();
    for (String name : names) {
      String value = name.trim().toLowerCase(Locale.ROOT);
      BenchClientKind.fromWireName(Arm.style(value)); // an unknown client is named as such
      lowered.add(value);
    }
    if (lowered.isEmpty()) {
      throw new IllegalArgumentException(
          "--clients: give at least one client; allowed: " + BenchClientKind.allowedNames());
    }
    try {
      return Arm.arms(lowered, BenchClientKind.wireNames());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--clients: " + e.getMessage(), e);
    }
  }

  /** The client an arm name stands for: {@code sync#2} is {@code sync}. */
  public static BenchClientKind kindOf(String arm) {
    return BenchClientKind.fromWireName(Arm.style(arm));
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
