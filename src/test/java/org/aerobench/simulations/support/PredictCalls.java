package org.aerobench.simulations.support;

import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.report.run.ServerTimes;

/**
 * The calls every simulation makes: {@code GET /predict/<client>/sample?mode=<mode>}, one per
 * compared client in turn with a pause after each (the reference's alternation, so every client
 * sees the same server state), each checked and its server-measured stage times recorded.
 *
 * <p>Request names are a contract with the comparison report: {@code "<label> <client>"}, e.g.
 * {@code "single sync"}, {@code "merge_gather async"}, {@code "warmup virtual"}.
 */
public final class PredictCalls {

  /** Candidates per request in the bundled fixture: the app's default batch size. */
  public static final int FIXTURE_BATCH_SIZE = 200;

  /** Session key of the nanoTime just before a call was sent. */
  private static final String SENT_NANOS = "aerobench.sentNanos";

  private static final String SENT_MILLIS = "aerobench.sentMillis";

  private PredictCalls() {}

  /** HTTP protocol for the target; one connection pool shared by all virtual users. */
  public static HttpProtocolBuilder protocol(String baseUrl) {
    // Closed-model users are short-lived (one iteration each); sharing the pool keeps
    // connections alive across them like k6's long-lived VUs instead of a TCP handshake per
    // iteration.
    return http.baseUrl(baseUrl).acceptHeader("application/json").shareConnections();
  }

  /** The request name for a scenario label and a client: {@code "single async"}. */
  public static String requestName(String label, String client) {
    return label + " " + client;
  }

  /** The request names a label produces, in call order. */
  public static List<String> requestNames(String label, List<String> clients) {
    List<String> names = new ArrayList<>();
    clients.forEach(client -> names.add(requestName(label, client)));
    return names;
  }

  /**
   * One iteration: every compared client in turn, each call followed by the pause.
   *
   * @param label first word of the request names ({@code single}, {@code lookup}, {@code warmup})
   * @param mode read mode sent to the app
   */
  public static ChainBuilder alternate(
      String label, String mode, Parameters params, Recording recording) {
    ChainBuilder chain = timed(label, params.clients().get(0), mode, params, recording);
    chain = chain.pause(params.pause());
    for (String client : params.clients().subList(1, params.clients().size())) {
      chain = chain.exec(timed(label, client, mode, params, recording)).pause(params.pause());
    }
    return chain;
  }

  /**
   * One checked call whose client-side time (from just before the request action until its checks
   * ran, µs) is recorded per second of response, OK or KO, beside its server stage times.
   */
  public static ChainBuilder timed(
      String label, String client, String mode, Parameters params, Recording recording) {
    String name = requestName(label, client);
    return exec(session ->
            session.set(SENT_NANOS, System.nanoTime()).set(SENT_MILLIS, System.currentTimeMillis()))
        .exec(predict(label, client, mode, params, recording))
        .exec(
            session -> {
              long micros = (System.nanoTime() - session.getLong(SENT_NANOS)) / 1_000;
              recording.completed(
                  name,
                  session.getLong(SENT_MILLIS),
                  System.currentTimeMillis(),
                  micros,
                  !session.isFailed());
              return session;
            });
  }

  /**
   * One checked call whose server-measured stage times go to the recording, its found ratio checked
   * by the recording's {@link FoundRatioCheck}.
   */
  public static HttpRequestActionBuilder predict(
      String label, String client, String mode, Parameters params, Recording recording) {
    String name = requestName(label, client);
    // One prediction per candidate, also with skip_inference (the app then scores 0).
    int expected = params.batchSize() > 0 ? params.batchSize() : FIXTURE_BATCH_SIZE;
    return http(name)
        .get(path(client, mode, params))
        .check(
            status().is(200),
            wellFormedAndRecorded(name, expected, recording.server(), recording.found()));
  }

  /**
   * One check over the body: the reply has the expected predictions, a {@code total_ms} and the
   * expected found ratio, and its stage times go to {@code times}. One streaming pass ({@link
   * PredictReply}) instead of Gatling's jsonPath, which costs the load generator about ten times
   * more CPU on these replies.
   */
  private static CheckBuilder wellFormedAndRecorded(
      String name, int expected, ServerTimes times, FoundRatioCheck found) {
    return bodyBytes()
        .transform(PredictReply::parse)
        .validate(
            "predict reply",
            (reply, session) -> {
              reply.requireWellFormed(expected);
              reply.recordInto(times, name);
              found.check(reply.recordsFound(), reply.recordsTotal());
              return reply;
            })
        .name("predict reply");
  }

  /**
   * {@code /predict/<style>/sample?mode=<mode>[&skip_inference=true][&batch_size=n]}: an A/A arm
   * ({@code sync#2}) calls its style's route, the same instance as the style's first arm.
   */
  static String path(String client, String mode, Parameters params) {
    StringBuilder path =
        new StringBuilder("/predict/")
            .append(org.aerobench.client.Arm.style(client))
            .append("/sample?mode=")
            .append(mode);
    if (!params.inference()) {
      path.append("&skip_inference=true");
    }
    if (params.batchSize() > 0) {
      path.append("&batch_size=").append(params.batchSize());
    }
    return path.toString();
  }
}
