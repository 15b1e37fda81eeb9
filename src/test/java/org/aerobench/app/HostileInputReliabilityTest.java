package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The app probed as a hostile user, over a plain socket so that nothing tidies the requests up:
 * malformed escapes, lenient numbers, case variants, wrong methods, oversized request lines and
 * headers, bad request lines. Each probe of issue 13 is here, with bounded loops.
 */
@Tag("reliability")
class HostileInputReliabilityTest {

  private static final String PREDICT = "/predict/sync/sample?";

  private static AppStack stack;
  private static RawHttp raw;

  @BeforeAll
  static void start() {
    stack = AppStack.start(TestConfigs.quick(), false, line -> {});
    raw = new RawHttp(stack.app().bindAddress(), stack.app().port());
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  /** name → raw values, each refused by the parameter's rule (values as sent on the wire). */
  private static List<String[]> badQueries() {
    List<String[]> bad = new ArrayList<>();
    String[] escapes = {
      "%", "%4", "%zz", "%ff", "%C3", "%C3%28", "%E2%82", "%F0%9F%98", "%ED%A0%80"
    };
    String[] numbers = {
      "+5",
      "%2B5",
      "%205",
      "5%20",
      "5%00",
      "010",
      "00",
      "-1",
      "%EF%BC%95",
      "%D9%A5",
      "5.0",
      "5e0",
      "0x5",
      "",
      "9999999999",
      "2147483648",
      "abc",
      "%E2%80%8B5",
      "5,",
      "1_0"
    };
    String[] modes = {"SINGLE", "Single", "gather%20", "%20gather", "merge-gather", "GATHER", "x"};
    String[] bools = {"TRUE", "True", "1", "yes", "true%20", "t", "FALSE", "on", ""};
    for (String name : List.of("mode", "num_sets", "batch_size", "skip_inference")) {
      for (String e : escapes) {
        bad.add(new String[] {name, name + "=" + e});
        bad.add(new String[] {name, name + "=single" + e});
        bad.add(new String[] {name, name + "=1" + e});
        bad.add(new String[] {name, name + "=" + e + "1"});
        bad.add(new String[] {name, "cache_buster=7&" + name + "=" + e + e});
      }
      bad.add(new String[] {name, name + "=1&" + name + "=2"});
      bad.add(new String[] {name, name + "=" + "x".repeat(3_000)});
    }
    for (String name : List.of("num_sets", "batch_size")) {
      for (String n : numbers) {
        bad.add(new String[] {name, name + "=" + n});
        bad.add(new String[] {name, "mode=gather&" + name + "=" + n});
      }
      bad.add(new String[] {name, name + "=0"});
    }
    bad.add(new String[] {"num_sets", "num_sets=10"});
    bad.add(new String[] {"batch_size", "batch_size=201"});
    for (String m : modes) {
      bad.add(new String[] {"mode", "mode=" + m});
      bad.add(new String[] {"mode", "batch_size=5&mode=" + m});
    }
    for (String b : bools) {
      bad.add(new String[] {"skip_inference", "skip_inference=" + b});
      bad.add(new String[] {"skip_inference", "mode=single&skip_inference=" + b});
    }
    for (String e : escapes) {
      bad.add(new String[] {"mode" + e, "mode" + e + "=single"}); // an undecodable name
      bad.add(new String[] {"x" + e, "x" + e + "=1"}); // even one the app does not read
    }
    return bad;
  }

  @Test
  void
      three_hundred_generated_bad_queries_give_no_5xx_and_every_400_is_json_naming_the_parameter() {
    List<String[]> bad = badQueries();
    assertThat(bad).hasSizeGreaterThanOrEqualTo(300);
    for (String style : List.of("sync", "async", "virtual")) {
      for (int i = style.equals("sync") ? 0 : bad.size() - 20; i < bad.size(); i++) {
        String[] probe = bad.get(i);
        RawHttp.Reply reply = raw.get("/predict/" + style + "/sample?" + probe[1]);

        assertThat(reply.status()).as("%s: %s", probe[1], reply.body()).isEqualTo(400);
        assertThat(reply.isJson()).as(probe[1]).isTrue();
        String parameter = reply.json().get("parameter").asText();
        assertThat(parameter)
            .as(probe[1])
            .isEqualTo(probe[0].length() > 200 ? parameter : probe[0]);
        assertThat(reply.body().length()).as(probe[1]).isLessThan(1_200);
      }
    }
  }

  @Test
  void well_formed_queries_with_escapes_still_run() {
    RawHttp.Reply reply =
        raw.get(PREDICT + "mode=merge%5Fgather&num_sets=3&batch_size=10&x=%E2%82%AC");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("mode").asText()).isEqualTo("merge_gather");
    assertThat(reply.json().get("predictions")).hasSize(10);
  }

  @Test
  void a_7_kb_value_comes_back_truncated_once_per_field_not_twice_in_full() {
    RawHttp.Reply reply = raw.get(PREDICT + "mode=" + "a".repeat(7_000));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("value").asText())
        .startsWith("a".repeat(200))
        .endsWith("…[truncated: 7000 chars]");
    assertThat(reply.body().length()).isLessThan(1_000);
  }

  @Test
  void an_unknown_client_of_any_length_is_quoted_truncated() {
    RawHttp.Reply reply = raw.get("/predict/" + "c".repeat(5_000) + "/sample");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().get("client").asText()).endsWith("…[truncated: 5000 chars]");
    assertThat(reply.body().length()).isLessThan(1_000);
  }

  @Test
  void a_wrong_method_on_a_known_route_is_405_with_allow_in_json() {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String path :
          List.of("/predict/sync/sample", "/ready", "/health", "/metrics", "/info")) {
        RawHttp.Reply reply = raw.request(method, path);

        assertThat(reply.status()).as("%s %s", method, path).isEqualTo(405);
        assertThat(reply.header("Allow")).as("%s %s", method, path).contains("GET");
        assertThat(reply.isJson()).isTrue();
        assertThat(reply.json().get("error").asText()).isEqualTo("method not allowed");
      }
    }
    assertThat(raw.request("POST", "/nowhere").status()).isEqualTo(404);
  }

  @Test
  void jetty_refusals_of_oversized_or_broken_requests_answer_in_the_apps_json_shape() {
    List<RawHttp.Reply> replies =
        List.of(
            raw.get(PREDICT + "x=" + "a".repeat(9_000)),
            send("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9_000) + "\r\n\r\n"),
            send("GARBAGE\r\n\r\n"),
            send("GET /pre dict HTTP/1.1\r\nHost: x\r\n\r\n"),
            send("GET /health HTTP/9.9\r\nHost: x\r\n\r\n"),
            send("GET /health HTTP/1.1\r\nBad Header\r\n\r\n"));

    assertThat(replies)
        .extracting(RawHttp.Reply::status)
        .containsExactly(414, 431, 400, 400, 505, 400);
    for (RawHttp.Reply reply : replies) {
      assertThat(reply.isJson()).as(reply.head()).isTrue();
      assertThat(reply.json().get("status").asInt()).isEqualTo(reply.status());
      assertThat(reply.json().get("error").asText()).isNotBlank();
      assertThat(reply.body()).doesNotContain("<html");
    }
    assertThat(replies.get(0).json().get("rule").asText()).contains("8192 bytes");
  }

  @Test
  void every_reply_is_counted_by_route_and_status_4xx_included() {
    double before400 = counted("/predict/{client}/sample", 400);
    double before404 = counted("/predict/{client}/sample", 404);
    double before414 = counted("none", 414);

    raw.get(PREDICT + "mode=nope");
    raw.get(PREDICT + "mode=nope");
    raw.get("/predict/official/sample");
    raw.get(PREDICT + "x=" + "a".repeat(9_000));

    assertThat(counted("/predict/{client}/sample", 400)).isEqualTo(before400 + 2);
    assertThat(counted("/predict/{client}/sample", 404)).isEqualTo(before404 + 1);
    assertThat(counted("none", 414)).isEqualTo(before414 + 1);
  }

  private static RawHttp.Reply send(String request) {
    return raw.send(request.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static double counted(String route, int status) {
    String metrics = raw.get("/metrics").body();
    Matcher m =
        Pattern.compile(
                "http_responses_total\\{route=\""
                    + Pattern.quote(route)
                    + "\",status=\""
                    + status
                    + "\"} (\\S+)")
            .matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
