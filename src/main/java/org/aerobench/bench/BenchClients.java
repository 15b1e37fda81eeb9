package org.aerobench.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.aerobench.client.AerospikeConnection;
import org.aerobench.client.ClientSettings;
import org.aerobench.client.ClientStyles;

/**
 * Builds the {@link BenchClient} of each kind over one shared connection, reusing the app's client
 * styles where they are the same thing: {@code sync-executor} is the app's {@code sync} style (a
 * blocking call on a pool, here of {@code concurrency} threads), {@code async} and {@code virtual}
 * are the app's styles of those names. Only the bare {@code sync} caller threads are bench-own.
 */
final class BenchClients implements AutoCloseable {

  private final Map<BenchClientKind, BenchClient> clients;

  private BenchClients(Map<BenchClientKind, BenchClient> clients) {
    this.clients = clients;
  }

  /**
   * @param settings must have {@code syncPoolThreads} = the run's concurrency
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
      case SYNC ->
          new CallerThreadsClient(
              connection.client(),
              AerospikeConnection.batchPolicy(settings),
              concurrency,
              waitMillis);
      case SYNC_EXECUTOR ->
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
