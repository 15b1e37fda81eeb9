package org.aerobench.app.http;

import com.aerospike.client.AerospikeException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aerobench.app.pipeline.OverloadedException;
import org.aerobench.client.ClientFailures;
import org.aerobench.client.DeadlineExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception of every route, mapped in one place to a JSON body {@code {"error": ...}}: bad
 * query 400, unknown client 404, backpressure and an overloaded or unreachable Aerospike 503 with
 * Retry-After, an Aerospike error code 500 naming it, anything else 500 with one log line. Futures
 * handed to {@code ctx.future} arrive here too, wrapped in a CompletionException, which is
 * unwrapped first.
 */
public final class ErrorMapper {

  private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);
  private static final String RETRY_AFTER_SECONDS = "1";
  private static final java.util.List<String> ROUTES =
      java.util.List.of(
          "GET /predict/{client}/sample", "GET /health", "GET /ready", "GET /info", "GET /metrics");

  public void handle(Exception exception, Context ctx) {
    Throwable cause = ClientFailures.unwrap(exception);
    Map<String, Object> body = new LinkedHashMap<>();
    switch (cause) {
      case InvalidParameterException e -> {
        body.put("error", "invalid query parameter");
        body.put("parameter", e.parameter());
        body.put("value", e.value());
        body.put("allowed", e.allowed());
        body.put("message", e.getMessage());
        ctx.status(HttpStatus.BAD_REQUEST);
      }
      case UnknownClientException e -> {
        body.put("error", "unknown client style");
        body.put("client", e.client());
        body.put("valid", e.validNames());
        body.put("message", e.getMessage());
        ctx.status(HttpStatus.NOT_FOUND);
      }
      case OverloadedException e -> {
        body.put("error", "overloaded");
        body.put("limit", e.limit());
        body.put("limit_value", e.limitValue());
        body.put("message", e.getMessage());
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS);
      }
      case DeadlineExceededException e -> {
        body.put("error", "overloaded");
        body.put("limit", "request.deadline.ms");
        body.put("message", e.getMessage() + " (request.deadline.ms); retry later");
        ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS);
      }
      case AerospikeException e -> {
        ClientFailures.Kind kind = ClientFailures.classify(e);
        body.put(
            "error",
            switch (kind) {
              case OVERLOADED -> "aerospike client overloaded";
              case UNAVAILABLE -> "aerospike unavailable";
              case FAILED -> "aerospike error";
            });
        body.put("cause", kind(e));
        body.put("result_code", e.getResultCode());
        body.put("message", e.getBaseMessage());
        if (kind == ClientFailures.Kind.FAILED) {
          // A server error code or a bad parameter: retrying will not help, so no Retry-After.
          log.warn(
              "aerospike error on {} {}: result code {}: {}",
              ctx.method(),
              Echo.truncated(ctx.path()),
              e.getResultCode(),
              e.getBaseMessage());
          ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
        } else {
          ctx.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS);
        }
      }
      case HttpResponseException e -> {
        body.put("error", e.getMessage());
        ctx.status(e.getStatus());
      }
      default -> {
        log.error(
            "unexpected error on {} {}: {}",
            ctx.method(),
            Echo.truncated(ctx.path()),
            describe(cause),
            cause);
        body.put("error", "internal error");
        body.put("message", cause.getClass().getSimpleName());
        ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
      }
    }
    ctx.json(body);
  }

  /**
   * A 404 for a path no route serves gets JSON too, listing the routes; 404s this mapper already
   * answered (unknown client style) keep their body.
   */
  public void unknownPath(Context ctx) {
    String result = ctx.result();
    if (result != null && result.startsWith("{")) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "no route for " + ctx.method() + " " + Echo.truncated(ctx.path()));
    body.put("routes", ROUTES);
    ctx.json(body);
  }

  /**
   * A wrong method on a known route (Javalin's {@code prefer405over404}, which also sets {@code
   * Allow}): JSON naming the method and the allowed ones.
   */
  public void methodNotAllowed(Context ctx) {
    String allow = ctx.res().getHeader("Allow");
    if (allow == null) {
      allow = "GET";
      ctx.header("Allow", allow);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "method not allowed");
    body.put("method", ctx.method().name());
    body.put("path", Echo.truncated(ctx.path()));
    body.put("allowed", allow);
    body.put("message", ctx.method().name() + " is not served on this path; use " + allow);
    ctx.json(body);
  }

  /** Timeout, Connection, AsyncQueueFull, InvalidNode, ... or AerospikeException. */
  private static String kind(AerospikeException e) {
    Class<?> type = e.getClass();
    return type == AerospikeException.class ? "AerospikeException" : type.getSimpleName();
  }

  private static String describe(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return t + (trace.length > 0 ? " at " + trace[0] : "");
  }
}
