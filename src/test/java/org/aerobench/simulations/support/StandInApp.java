package org.aerobench.simulations.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A stand-in for the target app with the routes and reply shape of contracts.md ("Promised by
 * branch app"), for testing the harness without the real app: {@code /ready}, {@code /metrics},
 * {@code /predict/<client>/sample}. Not a benchmark target.
 *
 * <p>{@code java StandInApp <port> [ready-after-ms] [exit-code]}: with an exit code it exits at
 * once (an app that fails to start); {@code ready-after-ms} delays {@code /ready} = 200.
 */
public final class StandInApp {

  private StandInApp() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 2) {
      System.out.println("stand-in app: failing on purpose");
      System.exit(Integer.parseInt(args[2]));
    }
    int port = Integer.parseInt(args[0]);
    long readyAt = System.currentTimeMillis() + (args.length > 1 ? Long.parseLong(args[1]) : 0);
    start(port, readyAt);
    System.out.println("stand-in app listening on http://127.0.0.1:" + port);
  }

  /** Starts the stand-in on {@code port} (0 = free); returns the server. */
  public static HttpServer start(int port, long readyAtMillis) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/ready", ex -> reply(ex, System.currentTimeMillis() >= readyAtMillis ? 200 : 503, "{}"));
    server.createContext(
        "/metrics",
        ex ->
            reply(
                ex,
                200,
                "# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 1.5\n"));
    server.createContext("/predict/", StandInApp::predict);
    server.start();
    return server;
  }

  private static void predict(HttpExchange ex) throws IOException {
    String client = ex.getRequestURI().getPath().split("/")[2];
    String query = ex.getRequestURI().getQuery();
    String mode =
        query != null && query.contains("mode=")
            ? query.replaceAll(".*mode=([a-z_]+).*", "$1")
            : "single";
    StringBuilder body = new StringBuilder("{\"predictions\":[");
    for (int i = 0; i < PredictCalls.FIXTURE_BATCH_SIZE; i++) {
      body.append(i == 0 ? "" : ",").append("{\"adId\":\"ad").append(i).append("\",\"score\":0.5}");
    }
    body.append("],\"client_type\":\"")
        .append(client)
        .append("\",\"mode\":\"")
        .append(mode)
        .append("\",\"key_extraction_ms\":0.012,\"aerospike_ms\":1.234,\"feature_ms\":0.2,")
        .append("\"inference_ms\":0.5,\"response_ms\":0.05,\"total_ms\":2.001,")
        .append("\"records_found\":1500,\"records_total\":1801}");
    reply(ex, 200, body.toString());
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (var out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
