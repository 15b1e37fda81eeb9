package org.aerobench.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Writes the shipped request fixture {@code src/main/resources/fixture/sample_request200.json}. The
 * values are synthesised from a fixed seed in the shapes of the reference's fixture (§1.1): ids of
 * the same length and prefixes, all 200 values of each field distinct. {@link FixtureGeneratorTest}
 * checks that the committed file is exactly what this class generates.
 *
 * <p>Regenerate (only needed if this class changes): {@code bin/mvn -o -q test
 * -Dtest=FixtureGeneratorTest -Dfixture.regenerate=true}, then commit the JSON.
 */
final class FixtureGenerator {

  static final long SEED = 20260416L;
  static final int ADS = 200;
  static final Path TARGET = Path.of("src/main/resources/fixture/sample_request200.json");

  private FixtureGenerator() {}

  /** Writes the fixture file (run from the project root). */
  public static void main(String[] args) throws IOException {
    Files.writeString(TARGET, generate(), StandardCharsets.UTF_8);
    System.out.println("wrote " + TARGET.toAbsolutePath());
  }

  /** The fixture JSON text (pretty-printed, trailing newline). */
  static String generate() throws IOException {
    Random random = new Random(SEED);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("channelId", 300_000 + random.nextInt(100_000));
    root.put("searchKeyword", "운동화");
    root.put("candidateEngine", "AiTEMS");
    root.put("isNaverMedia", true);
    root.put("bcookie", upperLetters(random, 13));
    root.put("age", 25);
    root.put("gender", "U");

    // Same shapes as the reference: 15-digit zero-padded ad and ad-group numbers, 10-digit
    // campaign ids starting 1000000, 11-digit nvMids starting 102197.
    Set<String> adIds =
        distinct(random, n -> String.format("nad-a001-02-%015d", n), 10_000_000, 90_000_000);
    Set<String> adGroupIds =
        distinct(random, n -> String.format("grp-a001-02-%015d", n), 10_000_000, 10_000_000);
    Set<String> campaignIds = distinct(random, n -> Long.toString(n), 1_000_000_000L, 1_000);
    Set<String> nvMids = distinct(random, n -> Long.toString(n), 10_219_700_000L, 100_000);

    ArrayNode ads = root.putArray("candidateAds");
    var adId = adIds.iterator();
    var adGroupId = adGroupIds.iterator();
    var campaignId = campaignIds.iterator();
    var nvMid = nvMids.iterator();
    for (int i = 0; i < ADS; i++) {
      ads.addObject()
          .put("adId", adId.next())
          .put("adGroupId", adGroupId.next())
          .put("campaignId", campaignId.next())
          .put("nvMid", nvMid.next());
    }
    return mapper.writeValueAsString(root) + "\n";
  }

  /** ADS distinct values {@code format(base + r)}, r uniform in [0, range), in drawing order. */
  private static Set<String> distinct(
      Random random, LongFunction<String> format, long base, long range) {
    Set<String> values = new LinkedHashSet<>();
    while (values.size() < ADS) {
      values.add(format.apply(base + (long) (random.nextDouble() * range)));
    }
    return values;
  }

  private static String upperLetters(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append((char) ('A' + random.nextInt(26)));
    }
    return s.toString();
  }
}
