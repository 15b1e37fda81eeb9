package org.aerobench.simulations.support;

import static io.gatling.javaapi.core.CoreDsl.bodyBytes;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.roundRobinSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.aerobench.report.run.ServerTimes;

/**
 * The calls every simulation makes: {@code GET /predict/<client>/sample?mode=<mode>}, each checked
 * and its server-measured stage times recorded. Closed model: every compared client in turn with a
 * pause after each, the order rotated or shuffled per iteration ({@link #inTurn}) so that no client
 * is always first. Open model: one arrival process per client ({@link #arrivals}).
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

  /** Session keys of an iteration's client order and of the client being called. */
  private static final String ORDER = "aerobenchOrder";

  private static final String CLIENT = "aerobenchClient";

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

  /**
   * One closed-model iteration: every compared client once, in the order {@code -Dorder} gives this
   * iteration (rotated, shuffled or fixed), each call followed by a pause drawn from {@code
   * -DpauseMs}/{@code -DpauseDistribution}. The order supplier is shared by every user of the
   * chain, so rotation counts iterations over the whole phase.
   *
   * @param label first word of the request names ({@code single}, {@code lookup}, {@code warmup})
   * @param readMode read mode sent to the app
   */
  public static ChainBuilder inTurn(
      String label, String readMode, Parameters params, Recording recording) {
    Supplier<List<String>> orders = params.order().iterations(params.clients(), params.seed());
    Pauses.Source pauses = params.pauses().source();
    if (params.clients().size() == 1) { // nothing to order, and Gatling's switches need two cases
      return timed(label, params.clients().get(0), readMode, params, recording)
          .pause(session -> pauses.next());
    }
    List<Choice.WithKey> calls = new ArrayList<>();
    for (String client : params.clients()) {
      calls.add(
          onCase(client)
              .then(
                  timed(label, client, readMode, params, recording)
                      .pause(session -> pauses.next())));
    }
    return exec(session -> session.set(ORDER, orders.get()))
        .foreach(session -> session.get(ORDER), CLIENT)
        .on(doSwitch(session -> session.getString(CLIENT)).on(calls));
  }

  /**
   * Open-model arrivals: each arrival calls one client, the clients taken round-robin, so with the
   * arrivals at {@code n} times a rate every one of the {@code n} clients gets that rate as an
   * arrival process of its own: no call waits for another client's response, and a stall of one
   * client neither holds back nor bunches up the others' calls.
   */
  public static ChainBuilder arrivals(
      String label, String readMode, Parameters params, Recording recording) {
    List<ChainBuilder> calls = new ArrayList<>();
    params
        .clients()
        .forEach(client -> calls.add(timed(label, client, readMode, params, recording)));
    // Gatling's round-robin switch needs two cases at least
    return calls.size() == 1 ? calls.get(0) : roundRobinSwitch().on(calls);
  }

  /**
   * One checked call whose client-side time (from just before the request action until its checks
   * ran, µs) is recorded per second of response, OK or KO, beside its server stage times.
   */
  public static ChainBuilder timed(
      String label, String client, String readMode, Parameters params, Recording recording) {
    String name = requestName(label, client);
    return exec(session ->
            session.set(SENT_NANOS, System.nanoTime()).set(SENT_MILLIS, System.currentTimeMillis()))
        .exec(predict(label, client, readMode, params, recording))
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
      String label, String client, String readMode, Parameters params, Recording recording) {
    String name = requestName(label, client);
    // One prediction per candidate, also with skip_inference (the app then scores 0).
    int expected = params.batchSize() > 0 ? params.batchSize() : FIXTURE_BATCH_SIZE;
    return http(name)
        .get(path(client, readMode, params))
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
  static String path(String client, String readMode, Parameters params) {
    StringBuilder path =
        new StringBuilder("/predict/")
            .append(org.aerobench.client.Arm.style(client))
            .append("/sample?mode=")
            .append(readMode);
    if (!params.inference()) {
      path.append("&skip_inference=true");
    }
    if (params.batchSize() > 0) {
      path.append("&batch_size=").append(params.batchSize());
    }
    return path.toString();
  }
}
