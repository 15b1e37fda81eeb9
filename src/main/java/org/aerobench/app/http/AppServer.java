package org.aerobench.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.aerobench.app.config.AppConfig;
import org.aerobench.app.metrics.AppMetrics;

/**
 * All routes and the exception mapping, in one place. Handlers never block: predict hands a future
 * to Javalin ({@code ctx.future}), the wait for an in-flight slot is a future too (no {@code
 * Semaphore.tryAcquire} parking a Jetty thread), and /health answers a constant. So Javalin's
 * default bounded Jetty pool (platform threads) is only borrowed for the microseconds a handler
 * takes; the Aerospike wait happens on the client style's own threads or event loops, and features,
 * inference and response build run on the app's bounded inference executor.
 */
public final class AppServer {

  /** Jetty's bound on the request line plus headers (its default), quoted in 414/431 replies. */
  static final int MAX_HEADER_BYTES = 8192;

  /** The route label of replies Jetty writes before any route matched (414, 431, bad lines). */
  static final String JETTY_ROUTE = "none";

  /** The route label of a request no route served (404, 405). */
  static final String UNMATCHED_ROUTE = "unmatched";

  private AppServer() {}

  /** The matched route's template (few values, so a safe label), or {@link #UNMATCHED_ROUTE}. */
  private static String route(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null ? UNMATCHED_ROUTE : endpoint.path;
  }

  public static Javalin create(
      AppConfig.Http http,
      PredictHandler predict,
      HealthHandler health,
      AppMetrics metrics,
      ErrorMapper errors) {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.jetty.host = http.bindAddress();
          config.jetty.port = http.port();
          // A wrong method on a known route is 405 with Allow (ErrorMapper), not 404.
          config.http.prefer405over404 = true;
          config.jetty.modifyServer(
              server ->
                  server.setErrorHandler(
                      new JettyErrors(
                          MAX_HEADER_BYTES, status -> metrics.countResponse(JETTY_ROUTE, status))));
          config.jetty.modifyHttpConfiguration(
              httpConfig -> httpConfig.setRequestHeaderSize(MAX_HEADER_BYTES));
          // Runs once per reply, also after a future completes and after every error mapping.
          config.requestLogger.http(
              (ctx, ms) -> metrics.countResponse(route(ctx), ctx.statusCode()));
          config.routes.get("/predict/{client}/sample", predict::sample);
          config.routes.get("/health", health::health);
          config.routes.get("/ready", health::ready);
          config.routes.get("/info", health::info);
          config.routes.get("/metrics", metrics::scrape);
          config.routes.exception(Exception.class, errors::handle);
          config.routes.error(404, errors::unknownPath);
          config.routes.error(405, errors::methodNotAllowed);
        });
  }
}
