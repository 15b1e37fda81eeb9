package org.aerobench.app.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * GET /health (process up), GET /ready (cluster reachable and model loaded) and GET /info (what the
 * app runs against).
 */
public final class HealthHandler {

  private static final String HEALTH_BODY = "{\"status\":\"ok\"}";

  private final Readiness readiness;
  private final Supplier<Map<String, Object>> info;

  /**
   * @param info the /info body, built per call (it asks the cluster for its nodes and build)
   */
  public HealthHandler(Readiness readiness, Supplier<Map<String, Object>> info) {
    this.readiness = readiness;
    this.info = info;
  }

  public void info(Context ctx) {
    ctx.json(info.get());
  }

  // A constant string: /health must stay cheap even when everything else is busy.
  public void health(Context ctx) {
    ctx.contentType("application/json").result(HEALTH_BODY);
  }

  public void ready(Context ctx) {
    List<String> failing = readiness.failing();
    if (failing.isEmpty()) {
      ctx.json(Map.of("status", "ready"));
    } else {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", "1")
          .json(Map.of("status", "not ready", "reason", String.join("; ", failing)));
    }
  }
}
