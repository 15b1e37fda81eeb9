package org.aerobench.embedded.info;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One node's counters since it was created (a cluster keeps them over a restart, so that a run's
 * totals add up): AS_MSG commands, the keys they named, split by this node's role for each key's
 * partition, and the time from a request's last byte to its reply, injected delay included.
 */
public final class NodeStats {

  /** Up to one minute and a half, two significant digits: enough for injected latency. */
  private static final long MAX_MICROS = 90_000_000L;

  private final LongAdder commands = new LongAdder();
  private final LongAdder keysMaster = new LongAdder();
  private final LongAdder keysReplica = new LongAdder();
  private final LongAdder keysProxied = new LongAdder();
  private final ConcurrentHistogram micros = new ConcurrentHistogram(1, MAX_MICROS, 2);

  /** A key the node was sent; {@code role} as {@link Topology#role}. */
  public void key(int role) {
    if (role == Topology.MASTER) {
      keysMaster.increment();
    } else if (role > 0) {
      keysReplica.increment();
    } else {
      keysProxied.increment();
    }
  }

  /** An AS_MSG answered after {@code nanos} (processing plus injected delay). */
  public void command(long nanos) {
    commands.increment();
    micros.recordValue(Math.clamp(nanos / 1000, 1, MAX_MICROS));
  }

  public long commands() {
    return commands.sum();
  }

  /** Keys of partitions this node is master of. */
  public long keysMaster() {
    return keysMaster.sum();
  }

  /** Keys of partitions this node holds a replica of. */
  public long keysReplica() {
    return keysReplica.sum();
  }

  /** Keys of partitions this node holds no copy of: a server proxies them to the owner. */
  public long keysProxied() {
    return keysProxied.sum();
  }

  public long keys() {
    return keysMaster() + keysReplica() + keysProxied();
  }

  /** A copy of the reply-time histogram in microseconds. */
  public Histogram latencyMicros() {
    return micros.copy();
  }

  /** {@code commands=..;keys=..;keys_master=..;...;latency_p50_us=..;latency_p99_us=..}. */
  public String describe() {
    Histogram h = latencyMicros();
    return "commands="
        + commands()
        + ";keys="
        + keys()
        + ";keys_master="
        + keysMaster()
        + ";keys_replica="
        + keysReplica()
        + ";keys_proxied="
        + keysProxied()
        + ";latency_p50_us="
        + h.getValueAtPercentile(50)
        + ";latency_p99_us="
        + h.getValueAtPercentile(99)
        + ";latency_max_us="
        + h.getMaxValue();
  }
}
