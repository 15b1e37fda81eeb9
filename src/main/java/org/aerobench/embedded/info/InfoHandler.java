package org.aerobench.embedded.info;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.aerobench.embedded.store.Namespace;
import org.aerobench.embedded.store.Store;
import org.aerobench.embedded.wire.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Info protocol: the request body is {@code name\n} lines, the reply {@code name\tvalue\n} per
 * name; an unknown name gets {@code name\tERROR:<code>:<message>\n} like a server. Answers what the
 * Java client 9.x asks to seed and tend a one-node cluster, plus truncate and stats.
 */
public final class InfoHandler {

  private static final Logger log = LoggerFactory.getLogger(InfoHandler.class);

  /** Reported build: a 8.x server, so the client takes its modern (batch-any, pscans) paths. */
  public static final String BUILD = "8.0.0.8";

  /** Only what this server implements: partition scans and batch-any (batch index writes). */
  static final String FEATURES = "batch-any;float;pscans;replicas;truncate-namespace";

  private final String nodeId;
  private final String host;
  private final int port;
  private final String clusterName;
  private final Store store;
  private final IntSupplier openConnections;
  private final LatencyControl latencyControl;
  private final Topology topology;
  private final NodeStats stats;
  private final long startMillis = System.currentTimeMillis();

  public InfoHandler(
      String nodeId,
      String host,
      int port,
      String clusterName,
      Store store,
      IntSupplier openConnections,
      LatencyControl latencyControl,
      Topology topology,
      NodeStats stats) {
    this.nodeId = nodeId;
    this.host = host;
    this.port = port;
    this.clusterName = clusterName;
    this.store = store;
    this.openConnections = openConnections;
    this.latencyControl = latencyControl;
    this.topology = topology;
    this.stats = stats;
  }

  /** The embedded cluster's own control and status command (see {@code EmbeddedCluster}). */
  public static final String CLUSTER_COMMAND = "aerobench-cluster";

  private static final long MASK_48 = (1L << 48) - 1;

  /**
   * A reply stops growing here: a request of many (or long) names must not make the server build a
   * reply many times its own size. Names past the bound get one error line instead.
   */
  static final int MAX_REPLY_CHARS = 1 << 20;

  /** Longer names are echoed cut: no command is this long, so the client matches none anyway. */
  static final int MAX_ECHOED_NAME = 1024;

  /** Answers a whole info request body; an empty one gets the server's default summary. */
  public byte[] handle(byte[] body, int length) {
    String request = new String(body, 0, length, StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();
    for (String line : request.split("\n")) {
      if (!line.isBlank()) {
        names.add(line.trim());
      }
    }
    if (names.isEmpty()) {
      names = List.of("node", "build", "edition", "version", "features", "statistics");
    }
    StringBuilder reply = new StringBuilder(256);
    for (int i = 0; i < names.size(); i++) {
      if (reply.length() >= MAX_REPLY_CHARS) {
        reply
            .append("info-reply-limit\tERROR:")
            .append(Wire.RESULT_SERVER_MEM_ERROR)
            .append(":reply reached ")
            .append(MAX_REPLY_CHARS)
            .append(" characters; ")
            .append(names.size() - i)
            .append(" names were not answered; ask for fewer per request\n");
        break;
      }
      String name = names.get(i);
      String value = name.length() > MAX_ECHOED_NAME ? unknown(name) : answer(name);
      reply.append(cut(name, MAX_ECHOED_NAME)).append('\t').append(value).append('\n');
    }
    return reply.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String unknown(String name) {
    return "ERROR:" + Wire.RESULT_PARAMETER_ERROR + ":unrecognized command '" + cut(name, 64) + "'";
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }

  /** The value for one command (without name, tab or newline). */
  String answer(String name) {
    int colon = name.indexOf(':');
    String command = colon < 0 ? name : name.substring(0, colon);
    String params = colon < 0 ? "" : name.substring(colon + 1);
    switch (command) {
      case "node":
        return nodeId;
      case "build":
        return BUILD;
      case "version":
        return "Aerospike Community Edition build " + BUILD;
      case "edition":
        return "Aerospike Community Edition";
      case "features":
        return FEATURES;
      case "partition-generation", "rebalance-generation":
        return Long.toString(topology.partitionGeneration());
      case "peers-generation":
        return Long.toString(topology.peersGeneration());
      case "peers-clear-std", "peers-clear-alt":
        return topology.peers();
      case "peers-tls-std", "peers-tls-alt":
        return topology.peersGeneration() + "," + port + ",[]"; // no TLS here
      case "service-clear-std", "service-clear-alt", "service":
        return host + ":" + port;
      case "services",
      "services-alternate",
      "services-alumni",
      "service-tls-std",
      "service-tls-alt":
        return "";
      case "cluster-name":
        return clusterName;
      case "cluster-stable", "cluster-key":
        // the same on every node, new on every membership change, as a server's key
        return String.format(
            "%012X", ((long) clusterName.hashCode() * 31 + topology.peersGeneration()) & MASK_48);
      case "namespaces":
        return String.join(";", store.names());
      case "replicas":
        return replicas(true, 1); // ns:regime,count,bitmap;...
      case "replicas-all":
        return replicas(false, 1); // ns:count,bitmap;...
      case "replicas-master":
        return replicas(false, 0); // ns:bitmap;...
      case "rack-ids":
        return racks();
      case "statistics":
        return statistics();
      case "truncate":
        return truncate(params, false);
      case "truncate-namespace":
        return truncate(params, true);
      case LatencyControl.COMMAND:
        return latencyControl.answer(params);
      case CLUSTER_COMMAND:
        return topology.control(params);
      default:
        break;
    }
    if (name.startsWith("namespace/")) {
      return namespace(name.substring("namespace/".length()));
    }
    if (name.equals("sets")) {
      return NamespaceInfo.sets(store.all(), topology);
    }
    if (name.startsWith("sets/")) {
      return sets(name.substring("sets/".length()));
    }
    log.debug("Unknown info command '{}'", cut(name, 64));
    return unknown(name);
  }

  private String replicas(boolean withRegime, int countMode) {
    List<String> bitmaps = topology.replicaBitmaps();
    StringBuilder sb = new StringBuilder();
    for (String ns : store.names()) {
      if (!sb.isEmpty()) {
        sb.append(';');
      }
      sb.append(ns).append(':');
      if (withRegime) {
        sb.append("0,");
      }
      if (countMode == 1) {
        sb.append(bitmaps.size()).append(',').append(String.join(",", bitmaps));
      } else {
        sb.append(bitmaps.get(0)); // master only
      }
    }
    return sb.toString();
  }

  private String racks() {
    StringBuilder sb = new StringBuilder();
    for (String ns : store.names()) {
      sb.append(ns).append(":0;");
    }
    return sb.toString();
  }

  private String statistics() {
    long objects = 0; // this node's own copies, as a server counts them
    for (Namespace ns : store.all()) {
      objects += NamespaceInfo.objects(ns, topology);
    }
    return "cluster_size="
        + topology.clusterSize()
        + ";cluster_name="
        + clusterName
        + ";objects="
        + objects
        + ";client_connections="
        + openConnections.getAsInt()
        + ";uptime="
        + (System.currentTimeMillis() - startMillis) / 1000
        + ";"
        + stats.describe();
  }

  private String namespace(String name) {
    Namespace ns = store.namespace(name);
    if (ns == null) {
      return namespaceNotFound(name);
    }
    return NamespaceInfo.namespace(ns, topology);
  }

  /** {@code sets/<ns>} or {@code sets/<ns>/<set>}. */
  private String sets(String params) {
    int slash = params.indexOf('/');
    String nsName = slash < 0 ? params : params.substring(0, slash);
    Namespace ns = store.namespace(nsName);
    if (ns == null) {
      return namespaceNotFound(nsName);
    }
    return slash < 0
        ? NamespaceInfo.sets(List.of(ns), topology)
        : NamespaceInfo.set(ns, params.substring(slash + 1), topology);
  }

  private static String namespaceNotFound(String name) {
    return "ERROR:"
        + Wire.RESULT_INVALID_NAMESPACE
        + ":namespace '"
        + cut(name, 64)
        + "' not found";
  }

  /** {@code truncate:namespace=<ns>;set=<set>[;lut=<ns since 1970>]}, or truncate-namespace. */
  private String truncate(String params, boolean wholeNamespace) {
    Map<String, String> p = parseParams(params);
    Namespace ns = store.namespace(p.get("namespace"));
    if (ns == null) {
      return "ERROR:"
          + Wire.RESULT_INVALID_NAMESPACE
          + ":namespace '"
          + p.get("namespace")
          + "' not found";
    }
    String set = wholeNamespace ? null : p.get("set");
    if (!wholeNamespace && set == null) {
      return "ERROR:" + Wire.RESULT_PARAMETER_ERROR + ":truncate needs set=<name>";
    }
    long lutMillis = Long.MAX_VALUE;
    if (p.containsKey("lut")) {
      try {
        lutMillis = Long.parseLong(p.get("lut")) / 1_000_000L;
      } catch (NumberFormatException e) {
        return "ERROR:"
            + Wire.RESULT_PARAMETER_ERROR
            + ":lut '"
            + p.get("lut")
            + "' is not a number";
      }
    }
    long removed = ns.truncate(set, lutMillis);
    log.debug("Truncated {} records from {}/{}", removed, ns.name(), set);
    return "ok";
  }

  private static Map<String, String> parseParams(String params) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String kv : params.split(";")) {
      int eq = kv.indexOf('=');
      if (eq > 0) {
        map.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
      }
    }
    return map;
  }
}
