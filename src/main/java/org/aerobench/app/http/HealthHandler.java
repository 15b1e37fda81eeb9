package org.aerobench.app.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;

/** GET /health (process up) and GET /ready (cluster connected and model loaded). */
public final class HealthHandler {

  private static final String HEALTH_BODY = "{\"status\":\"ok\"}";

  private final Readiness readiness;

  public HealthHandler(Readiness readiness) {
    this.readiness = readiness;
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
