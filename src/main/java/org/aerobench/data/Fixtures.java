package org.aerobench.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the request fixture (reference §1.1). Accepts the flat object or a {@code {"request":
 * {...}}} envelope, as the reference's {@code load_request()} does. Fields the pipeline does not
 * use ({@code searchKeyword}, {@code candidateEngine}, {@code isNaverMedia}) are ignored.
 *
 * <pre>{@code
 * RequestFixture fixture = Fixtures.load(); // parsed once, then cached
 * KeyPlan plan = KeyPlan.of(fixture, "test", 9, 200);
 * }</pre>
 */
public final class Fixtures {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  // Not a holder class: a failed load must report its FixtureException on every call, not turn
  // into NoClassDefFoundError after the first.
  private static volatile RequestFixture shipped;

  private Fixtures() {}

  /**
   * The shipped fixture {@link RequestFixture#RESOURCE}, parsed on first use.
   *
   * @throws FixtureException naming the resource and field when it is missing or malformed
   */
  public static RequestFixture load() {
    RequestFixture fixture = shipped;
    if (fixture == null) {
      synchronized (Fixtures.class) {
        if (shipped == null) {
          shipped = loadResource(RequestFixture.RESOURCE);
        }
        fixture = shipped;
      }
    }
    return fixture;
  }

  /** Parses a fixture from a classpath resource (not cached). */
  public static RequestFixture loadResource(String resource) {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new FixtureException(
            "fixture resource " + resource + " is not on the classpath; rebuild the project");
      }
      return parse(resource, in.readAllBytes());
    } catch (IOException e) {
      throw new FixtureException("fixture " + resource + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Parses fixture JSON.
   *
   * @param source names the origin in error messages (a resource or file name)
   * @throws FixtureException naming the source and the offending field
   */
  public static RequestFixture parse(String source, byte[] json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new FixtureException(
          "fixture " + source + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FixtureException("fixture " + source + " cannot be read: " + e.getMessage(), e);
    }
    if (root != null && root.has("request")) {
      root = root.get("request");
    }
    if (root == null || !root.isObject()) {
      throw new FixtureException(
          "fixture " + source + " must be a JSON object (or {\"request\": {...}})");
    }
    Fields fields = new Fields(source);
    JsonNode adsNode = root.get("candidateAds");
    if (adsNode == null || !adsNode.isArray() || adsNode.isEmpty()) {
      throw fields.error("candidateAds", "must be a non-empty array of ads");
    }
    List<CandidateAd> ads = new ArrayList<>(adsNode.size());
    for (int i = 0; i < adsNode.size(); i++) {
      JsonNode ad = adsNode.get(i);
      String at = "candidateAds[" + i + "].";
      if (!ad.isObject()) {
        throw fields.error("candidateAds[" + i + "]", "must be an object");
      }
      ads.add(
          new CandidateAd(
              fields.text(ad, at, "adId"),
              fields.text(ad, at, "adGroupId"),
              fields.text(ad, at, "campaignId"),
              fields.text(ad, at, "nvMid")));
    }
    return new RequestFixture(
        fields.integer(root, "channelId"),
        fields.text(root, "", "bcookie"),
        (int) fields.integer(root, "age"),
        fields.text(root, "", "gender"),
        ads);
  }

  /** Field readers that name the source and field path in their errors. */
  private record Fields(String source) {

    FixtureException error(String field, String rule) {
      return new FixtureException("fixture " + source + ": field '" + field + "' " + rule);
    }

    /** A non-empty string; numbers are accepted as their decimal text (campaignId may be one). */
    String text(JsonNode node, String prefix, String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        throw error(prefix + name, "is missing; expected a non-empty string");
      }
      if (!value.isTextual() && !value.isIntegralNumber()) {
        throw error(prefix + name, "is " + value + "; expected a non-empty string");
      }
      String text = value.asText();
      if (text.isEmpty()) {
        throw error(prefix + name, "is empty; expected a non-empty string");
      }
      return text;
    }

    /** A whole number, or a string of digits. */
    long integer(JsonNode node, String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        throw error(name, "is missing; expected a whole number");
      }
      if (value.isIntegralNumber()) {
        return value.asLong();
      }
      if (value.isTextual() && value.asText().matches("-?\\d{1,18}")) {
        return Long.parseLong(value.asText());
      }
      throw error(name, "is " + value + "; expected a whole number");
    }
  }
}
