package org.aerobench.app.http;

import io.javalin.Javalin;
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

  private AppServer() {}

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
          config.routes.get("/predict/{client}/sample", predict::sample);
          config.routes.get("/health", health::health);
          config.routes.get("/ready", health::ready);
          config.routes.get("/metrics", metrics::scrape);
          config.routes.exception(Exception.class, errors::handle);
          config.routes.error(404, errors::unknownPath);
        });
  }
}
