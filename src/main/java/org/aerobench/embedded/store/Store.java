package org.aerobench.embedded.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aerobench.embedded.NamespacePolicy;

/** The configured namespaces; the set of names is fixed at start, like a server's config. */
public final class Store {

  private final Map<String, Namespace> namespaces = new LinkedHashMap<>();

  public Store(List<String> names) {
    this(names, NamespacePolicy.defaults());
  }

  /** Every namespace gets the same policy (nsup-period, TTL rules, max-record-size). */
  public Store(List<String> names, NamespacePolicy policy) {
    for (String n : names) {
      namespaces.put(n, new Namespace(n, policy));
    }
  }

  /** The namespace, or null when it is not configured. */
  public Namespace namespace(String name) {
    return name == null ? null : namespaces.get(name);
  }

  /**
   * Live records in a namespace (expired ones not yet swept may be counted).
   *
   * @throws IllegalArgumentException naming the configured namespaces when it is not one
   */
  public long recordCount(String name) {
    Namespace ns = namespace(name);
    if (ns == null) {
      throw new IllegalArgumentException(
          "namespace '" + name + "' is not configured; configured: " + names());
    }
    return ns.size();
  }

  public Iterable<Namespace> all() {
    return namespaces.values();
  }

  public List<String> names() {
    return List.copyOf(namespaces.keySet());
  }
}
