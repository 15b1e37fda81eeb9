package org.aerobench.app;

import com.aerospike.client.Log;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.aerobench.app.config.AppConfig;
import org.aerobench.client.ClientLogging;
import org.aerobench.client.UnusedCredentials;
import org.aerobench.data.SeedReport;
import org.aerobench.data.Seeder;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.aerobench.embedded.Latency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything {@code aerobench serve} runs, in start order: the embedded Aerospike server (only when
 * no hosts are configured), the backend, the seed data, the HTTP app. Closing stops them in reverse
 * order. Tests and benchmarks use it in-process.
 */
public final class AppStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AppStack.class);

  /** How long start waits for the client to see the cluster before seeding. */
  private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);

  private final EmbeddedAerospike embedded; // null with external hosts
  private final AerospikeBackend backend;
  private final TargetApp app;
  private final SeedReport seedReport; // null when not seeded

  private AppStack(
      EmbeddedAerospike embedded, AerospikeBackend backend, TargetApp app, SeedReport seedReport) {
    this.embedded = embedded;
    this.backend = backend;
    this.app = app;
    this.seedReport = seedReport;
  }

  /**
   * Starts the stack.
   *
   * @param seedExternal also seed configured external hosts (the embedded server is always seeded)
   * @param progress one line per step, e.g. {@code System.out::println}
   */
  public static AppStack start(AppConfig config, boolean seedExternal, Consumer<String> progress) {
    // The client's own tend failures and node errors into the app log; WARN and up only, since
    // at INFO the client logs every node it adds and removes.
    ClientLogging.toSlf4j(Log.Level.WARN);
    EmbeddedAerospike embedded = null;
    AppConfig effective = config;
    if (config.embedded().enabled()) {
      embedded = startEmbedded(config);
      effective = config.withHosts(List.of(embedded.host() + ":" + embedded.port()));
      Latency latency = config.embedded().latency();
      progress.accept(
          "embedded Aerospike on "
              + embedded.host()
              + ":"
              + embedded.port()
              + (Latency.NONE.equals(latency)
                  ? ""
                  : " (injected latency " + latency.describe() + " once seeded)"));
    }
    AerospikeBackend backend = null;
    try {
      backend = AerospikeBackend.open(effective);
      SeedReport seeded = null;
      if (embedded != null || seedExternal) {
        if (!backend.awaitConnected(CONNECT_WAIT)) {
          throw new IllegalStateException(
              "cannot seed: no Aerospike node of "
                  + effective.aerospike().hosts()
                  + " answered within "
                  + CONNECT_WAIT.toSeconds()
                  + " s; check aerospike.hosts");
        }
        seeded = backend.seed(new Seeder(progress));
      }
      if (effective.aerospike().user() != null && backend.awaitConnected(CONNECT_WAIT)) {
        UnusedCredentials.check(backend.connection().client(), effective.aerospike())
            .ifPresent(log::warn);
      }
      if (embedded != null) {
        // Only now: 1,800 seed writes one by one behind an injected latency would take minutes.
        embedded.setLatency(config.embedded().latency());
      }
      AerospikeBackend started = backend;
      backend = null; // from here TargetApp owns it, and closes it if it fails to start
      TargetApp app = TargetApp.start(effective, started, embedded != null);
      return new AppStack(embedded, started, app, seeded);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(backend, embedded);
      throw new IllegalStateException("interrupted while waiting for the cluster", e);
    } catch (RuntimeException e) {
      closeQuietly(backend, embedded);
      throw e;
    }
  }

  /** The embedded server's config for the app config (port, namespace, latency). */
  public static EmbeddedConfig embeddedConfig(AppConfig config) {
    return EmbeddedConfig.defaults()
        .withPort(config.embedded().port())
        .withNamespaces(List.of(config.aerospike().namespace()))
        .withLatency(config.embedded().latency());
  }

  private static EmbeddedAerospike startEmbedded(AppConfig config) {
    return EmbeddedAerospike.start(embeddedConfig(config).withLatency(Latency.NONE));
  }

  public TargetApp app() {
    return app;
  }

  public AerospikeBackend backend() {
    return backend;
  }

  /** The embedded server, or null when external hosts are used. */
  public EmbeddedAerospike embedded() {
    return embedded;
  }

  /** What start seeded, or null. */
  public SeedReport seedReport() {
    return seedReport;
  }

  /** http://host:port of the app. */
  public String url() {
    return "http://" + app.bindAddress() + ":" + app.port();
  }

  /** Stops the app (which closes the backend), then the embedded server. */
  @Override
  public void close() {
    try {
      app.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private static void closeQuietly(AerospikeBackend backend, EmbeddedAerospike embedded) {
    if (backend != null) {
      backend.close();
    }
    if (embedded != null) {
      embedded.close();
    }
  }
}
