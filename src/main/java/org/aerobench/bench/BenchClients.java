package org.aerobench.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.aerobench.client.AerospikeConnection;
import org.aerobench.client.ClientSettings;
import org.aerobench.client.ClientStyles;

/**
 * Builds the {@link BenchClient} of each kind over one shared connection: {@code sync}, {@code
 * async} and {@code virtual} are the app's client styles of those names (limits = the run's
 * concurrency); only the bare {@code sync-callers} threads are bench-own.
 */
final class BenchClients implements AutoCloseable {

  private final Map<BenchClientKind, BenchClient> clients;

  private BenchClients(Map<BenchClientKind, BenchClient> clients) {
    this.clients = clients;
  }

  /**
   * @param settings must have every style's limit = the run's concurrency
   * @param waitMillis how long one iteration may take before the run fails
   */
  static BenchClients create(
      List<BenchClientKind> kinds,
      AerospikeConnection connection,
      ClientSettings settings,
      int concurrency,
      long waitMillis) {
    Map<BenchClientKind, BenchClient> built = new EnumMap<>(BenchClientKind.class);
    try {
      for (BenchClientKind kind : kinds) {
        built.put(kind, create(kind, connection, settings, concurrency, waitMillis));
      }
    } catch (RuntimeException e) {
      built.values().forEach(BenchClient::close);
      throw e;
    }
    return new BenchClients(built);
  }

  private static BenchClient create(
      BenchClientKind kind,
      AerospikeConnection connection,
      ClientSettings settings,
      int concurrency,
      long waitMillis) {
    String namespace = settings.namespace();
    return switch (kind) {
      case SYNC_CALLERS ->
          new CallerThreadsClient(
              connection.client(),
              AerospikeConnection.batchPolicy(settings),
              concurrency,
              waitMillis);
      case SYNC ->
          new StyleClient(
              kind, ClientStyles.create("sync", connection, settings), namespace, waitMillis);
      case ASYNC ->
          new StyleClient(
              kind, ClientStyles.create("async", connection, settings), namespace, waitMillis);
      case VIRTUAL ->
          new StyleClient(
              kind, ClientStyles.create("virtual", connection, settings), namespace, waitMillis);
    };
  }

  Map<BenchClientKind, BenchClient> byKind() {
    return Map.copyOf(clients);
  }

  @Override
  public void close() {
    clients.values().forEach(BenchClient::close);
  }
}
