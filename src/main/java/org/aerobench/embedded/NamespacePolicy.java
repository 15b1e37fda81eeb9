package org.aerobench.embedded;

/**
 * The configuration every namespace of the embedded server shares, named and checked like a CE 8.1
 * namespace's. Every value mirrors a fresh CE namespace except {@code nsupPeriodSeconds}: CE starts
 * with 0 (no expiry thread, so a write with a TTL is refused with FAIL_FORBIDDEN), the embedded
 * server with 10 s so that a benchmark can write expiring records out of the box. Use {@link
 * #ceDefaults()} for CE's exact behaviour.
 *
 * @param nsupPeriodSeconds how often expired records are swept; 0 = never, and TTL writes are then
 *     refused unless {@code allowTtlWithoutNsup}. Default: 10 (CE: 0)
 * @param allowTtlWithoutNsup accept TTL writes even with {@code nsupPeriodSeconds} 0. Default:
 *     false
 * @param defaultTtlSeconds TTL of a write that sends 0; 0 = never expire. Default: 0
 * @param maxRecordBytes largest stored record (bins, key and set); bigger writes get RECORD_TOO_BIG
 *     (13). Default: 1 MiB
 * @param defaultReadTouchTtlPct a read's {@code readTouchTtlPercent} 0 means this; 0 = no touch on
 *     read. Default: 0
 */
public record NamespacePolicy(
    int nsupPeriodSeconds,
    boolean allowTtlWithoutNsup,
    int defaultTtlSeconds,
    int maxRecordBytes,
    int defaultReadTouchTtlPct) {

  /** The largest TTL a server accepts: 10 years. */
  public static final int MAX_TTL_SECONDS = 315_360_000;

  public static final int DEFAULT_NSUP_PERIOD_SECONDS = 10;
  public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

  public NamespacePolicy {
    if (nsupPeriodSeconds < 0 || nsupPeriodSeconds > 86_400) {
      throw new IllegalArgumentException(
          "nsup-period " + nsupPeriodSeconds + " is outside 0..86400 s; e.g. 120");
    }
    if (defaultTtlSeconds < 0 || defaultTtlSeconds > MAX_TTL_SECONDS) {
      throw new IllegalArgumentException(
          "default-ttl " + defaultTtlSeconds + " is outside 0.." + MAX_TTL_SECONDS + " s");
    }
    if (defaultTtlSeconds != 0 && nsupPeriodSeconds == 0 && !allowTtlWithoutNsup) {
      // CE refuses to start with this combination too.
      throw new IllegalArgumentException(
          "default-ttl "
              + defaultTtlSeconds
              + " needs nsup-period > 0 or allow-ttl-without-nsup true; e.g. nsup-period 120");
    }
    if (maxRecordBytes < 1024 || maxRecordBytes > 128 << 20) {
      throw new IllegalArgumentException(
          "max-record-size " + maxRecordBytes + " is outside 1 KiB..128 MiB; e.g. 1048576");
    }
    if (defaultReadTouchTtlPct < 0 || defaultReadTouchTtlPct > 100) {
      throw new IllegalArgumentException(
          "default-read-touch-ttl-pct " + defaultReadTouchTtlPct + " is outside 0..100");
    }
  }

  /** The embedded defaults: CE's, but with nsup-period 10 s so TTLs work. */
  public static NamespacePolicy defaults() {
    return new NamespacePolicy(DEFAULT_NSUP_PERIOD_SECONDS, false, 0, DEFAULT_MAX_RECORD_BYTES, 0);
  }

  /** A fresh CE 8.1 namespace exactly: nsup-period 0, so a write with a TTL is refused. */
  public static NamespacePolicy ceDefaults() {
    return defaults().withNsupPeriodSeconds(0);
  }

  public NamespacePolicy withNsupPeriodSeconds(int seconds) {
    return new NamespacePolicy(
        seconds, allowTtlWithoutNsup, defaultTtlSeconds, maxRecordBytes, defaultReadTouchTtlPct);
  }

  public NamespacePolicy withAllowTtlWithoutNsup(boolean allow) {
    return new NamespacePolicy(
        nsupPeriodSeconds, allow, defaultTtlSeconds, maxRecordBytes, defaultReadTouchTtlPct);
  }

  public NamespacePolicy withMaxRecordBytes(int bytes) {
    return new NamespacePolicy(
        nsupPeriodSeconds, allowTtlWithoutNsup, defaultTtlSeconds, bytes, defaultReadTouchTtlPct);
  }

  public NamespacePolicy withDefaultReadTouchTtlPct(int pct) {
    return new NamespacePolicy(
        nsupPeriodSeconds, allowTtlWithoutNsup, defaultTtlSeconds, maxRecordBytes, pct);
  }

  /**
   * True when CE would refuse this TTL with FAIL_FORBIDDEN: a positive TTL, or 0 (the default) with
   * a non-zero default-ttl, while nothing would ever expire it.
   */
  public boolean forbidsTtl(int ttl) {
    return (ttl > 0 || (ttl == 0 && defaultTtlSeconds != 0))
        && nsupPeriodSeconds == 0
        && !allowTtlWithoutNsup;
  }
}
