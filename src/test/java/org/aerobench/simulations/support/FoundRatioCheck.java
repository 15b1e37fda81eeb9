package org.aerobench.simulations.support;

import java.util.Locale;
import org.aerobench.data.FeatureSet;
import org.aerobench.data.SeedPlan;

/**
 * Checks every reply's {@code records_found / records_total} against the ratio the run expects, so
 * that a data gap (a restarted server not yet re-seeded answers 200 with nothing found, and looks
 * faster) is a KO instead of a success. The expected ratio is, in this order: {@code
 * -DexpectFound=<0..1>}; for an app on the embedded server the seeded ratio ({@link SeedPlan}); for
 * an external cluster the ratio of one reply at the start of the run. A reply off by more than
 * {@code -DfoundTolerance} (default 0.01, i.e. one percentage point of the keys read) fails. Before
 * the expectation is set (the app not yet asked) nothing is checked.
 */
public final class FoundRatioCheck {

  /** Default tolerance: the seeded data is exact, an external cluster may drift a little. */
  public static final double DEFAULT_TOLERANCE = 0.01;

  private final double given; // NaN = not given
  private final double tolerance;
  private volatile double expected = Double.NaN;
  private volatile String source = "not set";

  FoundRatioCheck(double given, double tolerance) {
    this.given = given;
    this.tolerance = tolerance;
  }

  /** From {@code -DexpectFound} and {@code -DfoundTolerance}; a bad value stops the run. */
  public static FoundRatioCheck fromSystemProperties() {
    return new FoundRatioCheck(
        ratio("expectFound", System.getProperty("expectFound"), Double.NaN),
        ratio("foundTolerance", System.getProperty("foundTolerance"), DEFAULT_TOLERANCE));
  }

  private static double ratio(String name, String text, double absent) {
    if (text == null || text.isBlank()) {
      return absent;
    }
    try {
      double v = Double.parseDouble(text.trim());
      if (v >= 0 && v <= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new IllegalArgumentException(
        "-D" + name + "=" + text + ": must be a ratio in 0..1, e.g. -D" + name + "=0.7");
  }

  /** The seeded ratio of a read of all nine sets for the first {@code batchSize} ads. */
  public static double seededRatio(int fixtureAds, int batchSize) {
    int found = 0;
    for (FeatureSet set : FeatureSet.values()) {
      found += SeedPlan.intendedFound(set, fixtureAds, batchSize);
    }
    return (double) found / (FeatureSet.count() * Math.min(batchSize, fixtureAds));
  }

  /**
   * Sets the expectation: {@code -DexpectFound} when given, else {@code seeded} for the embedded
   * server, else {@code observed} (a reply at the start of the run).
   */
  public void expect(boolean embedded, double seeded, double observed) {
    if (!Double.isNaN(given)) {
      expected = given;
      source = "-DexpectFound";
    } else if (embedded) {
      expected = seeded;
      source = "seeded ratio of the embedded server";
    } else {
      expected = observed;
      source = "ratio observed at the start of the run";
    }
  }

  /** One line for the run's output. */
  public String describe() {
    return String.format(
        Locale.ROOT, "found ratio expected %.4f ± %.4f (%s)", expected, tolerance, source);
  }

  /**
   * @throws IllegalStateException saying what was found and what was expected
   */
  public void check(int found, int total) {
    double want = expected;
    if (Double.isNaN(want)) {
      return;
    }
    if (found < 0 || total <= 0) {
      throw new IllegalStateException("no records_found/records_total in the reply");
    }
    double ratio = (double) found / total;
    if (Math.abs(ratio - want) > tolerance) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "records_found %d of %d (%.4f) is off the expected %.4f by more than %.4f (%s):"
                  + " the data is missing or changed",
              found,
              total,
              ratio,
              want,
              tolerance,
              source));
    }
  }
}
