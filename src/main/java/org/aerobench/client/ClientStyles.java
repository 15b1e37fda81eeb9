package org.aerobench.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.aerobench.client.styles.AsyncStyle;
import org.aerobench.client.styles.SyncStyle;
import org.aerobench.client.styles.VirtualStyle;

/**
 * The registry of client styles. Adding a style is one class implementing {@link ClientStyle} and
 * one line in {@link #FACTORIES}.
 *
 * <pre>{@code
 * Map<String, ClientStyle> styles = ClientStyles.create(connection, settings); // sync, async, virtual
 * styles.get("async").read(plan, ReadMode.SINGLE).thenApply(...);
 * }</pre>
 */
public final class ClientStyles {

  private static final Map<String, BiFunction<AerospikeConnection, ClientSettings, ClientStyle>>
      FACTORIES = new LinkedHashMap<>();

  static {
    FACTORIES.put("sync", SyncStyle::new);
    FACTORIES.put("async", AsyncStyle::new);
    FACTORIES.put("virtual", VirtualStyle::new);
  }

  private ClientStyles() {}

  /** The style names, in registration order: {@code sync, async, virtual}. */
  public static List<String> names() {
    return List.copyOf(FACTORIES.keySet());
  }

  /**
   * One instance of every style over the shared connection, keyed by name in registration order.
   * The caller closes each style (then the connection) at shutdown.
   */
  public static Map<String, ClientStyle> create(
      AerospikeConnection connection, ClientSettings settings) {
    Map<String, ClientStyle> styles = new LinkedHashMap<>();
    for (String name : FACTORIES.keySet()) {
      styles.put(name, create(name, connection, settings));
    }
    return Collections.unmodifiableMap(styles);
  }

  /**
   * One style by name.
   *
   * @throws IllegalArgumentException naming the value and the known names
   */
  public static ClientStyle create(
      String name, AerospikeConnection connection, ClientSettings settings) {
    var factory = FACTORIES.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "client style '" + name + "' is unknown; allowed: " + String.join(", ", names()));
    }
    return factory.apply(connection, settings);
  }

  /** Closes every style of a map made by {@link #create(AerospikeConnection, ClientSettings)}. */
  public static void closeAll(Map<String, ClientStyle> styles) {
    for (ClientStyle style : new ArrayList<>(styles.values())) {
      style.close();
    }
  }
}
