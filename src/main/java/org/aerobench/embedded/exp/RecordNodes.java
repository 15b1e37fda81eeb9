package org.aerobench.embedded.exp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.wire.Wire;

/** Reads of the record: bins, bin types, the stored key and the metadata. */
final class RecordNodes {

  private RecordNodes() {}

  static final int DIGEST_MODULO = 64;
  static final int DEVICE_SIZE = 65;
  static final int LAST_UPDATE = 66;
  static final int SINCE_UPDATE = 67;
  static final int VOID_TIME = 68;
  static final int TTL = 69;
  static final int SET_NAME = 70;
  static final int KEY_EXISTS = 71;
  static final int IS_TOMBSTONE = 72;
  static final int MEMORY_SIZE = 73;
  static final int RECORD_SIZE = 74;

  private static final long NANOS_PER_MILLI = 1_000_000L;
  private static final long EPOCH_2010_MILLIS = Wire.CITRINE_EPOCH_SECONDS * 1000;

  /** A bin of one type; a missing bin, or one of another type, is unknown (server: eval_bin). */
  record BinRead(String name, ExpType type) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      Bin b = ctx.bin(name);
      return b == null ? Value.UNKNOWN : decode(b.particle(), b.op(), b.valueOffset(), type);
    }
  }

  /** The bin's particle type, 0 when the bin is missing. */
  record BinType(String name) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      Bin b = ctx.bin(name);
      return new Value.Int(b == null ? Wire.PARTICLE_NULL : b.particle());
    }
  }

  /** The stored key of one type; no stored key, or a key of another type, is unknown. */
  record KeyRead(ExpType type) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      byte[] key = ctx.meta().userKey();
      if (key == null || key.length == 0) {
        return Value.UNKNOWN;
      }
      int particle = key[0] & 0xFF;
      if (particle == Wire.PARTICLE_INTEGER && key.length != 9) {
        return Value.UNKNOWN;
      }
      return decode(particle, key, 1, type);
    }
  }

  /** Record metadata. The record is live (no tombstones in CE) and the namespace memory-only. */
  record Meta(int code, int modulo) implements Node {
    @Override
    public Value eval(EvalContext ctx) {
      RecordMeta m = ctx.meta();
      long now = System.currentTimeMillis();
      return switch (code) {
        case DIGEST_MODULO -> {
          byte[] d = m.digest();
          long le =
              (d[16] & 0xFFL)
                  | (d[17] & 0xFFL) << 8
                  | (d[18] & 0xFFL) << 16
                  | (d[19] & 0xFFL) << 24;
          yield new Value.Int(le % modulo);
        }
        case DEVICE_SIZE -> new Value.Int(0); // a memory-only namespace has nothing on a device
        case LAST_UPDATE ->
            new Value.Int(m.lastUpdateMillis() * NANOS_PER_MILLI); // nanoseconds since 1970
        case SINCE_UPDATE -> new Value.Int(Math.max(0, now - m.lastUpdateMillis()));
        case VOID_TIME ->
            new Value.Int(
                m.voidTime() == 0
                    ? -1
                    : (Integer.toUnsignedLong(m.voidTime()) * 1000 + EPOCH_2010_MILLIS)
                        * NANOS_PER_MILLI);
        case TTL -> new Value.Int(ttl(m.voidTime(), now));
        case SET_NAME ->
            new Value.Str(m.set() == null ? new byte[0] : m.set().getBytes(StandardCharsets.UTF_8));
        case KEY_EXISTS -> Value.bool(m.userKey() != null);
        case IS_TOMBSTONE -> Value.FALSE;
        default -> new Value.Int(m.storedSize()); // memory_size and record_size
      };
    }

    /** Seconds left; -1 for never, and at least 1 for a record that is still served. */
    private static long ttl(int voidTime, long nowMillis) {
      if (voidTime == 0) {
        return -1;
      }
      long now = nowMillis / 1000 - Wire.CITRINE_EPOCH_SECONDS;
      long end = Integer.toUnsignedLong(voidTime);
      return end > now ? end - now : 1;
    }
  }

  /**
   * A stored particle as a value of {@code type}, or unknown when the particle is not that type.
   */
  static Value decode(int particle, byte[] buf, int at, ExpType type) {
    int len = buf.length - at;
    return switch (type) {
      case INT ->
          particle == Wire.PARTICLE_INTEGER
              ? new Value.Int(bigEndian(buf, at, len))
              : Value.UNKNOWN;
      case FLOAT ->
          particle == Wire.PARTICLE_DOUBLE && len == 8
              ? new Value.Flt(Double.longBitsToDouble(bigEndian(buf, at, len)))
              : Value.UNKNOWN;
      case BOOL ->
          particle == Wire.PARTICLE_BOOL && len >= 1 ? Value.bool(buf[at] != 0) : Value.UNKNOWN;
      case STR ->
          particle == Wire.PARTICLE_STRING
              ? new Value.Str(Arrays.copyOfRange(buf, at, buf.length))
              : Value.UNKNOWN;
      case BLOB ->
          particle == Wire.PARTICLE_BLOB
              ? new Value.Blob(Arrays.copyOfRange(buf, at, buf.length))
              : Value.UNKNOWN;
      default -> Value.UNKNOWN; // nil bins do not exist; other types are refused when compiled
    };
  }

  /** A big-endian signed integer of up to 8 bytes. */
  private static long bigEndian(byte[] buf, int at, int len) {
    long v = len > 0 && buf[at] < 0 ? -1L : 0L;
    for (int i = 0; i < len && i < 8; i++) {
      v = (v << 8) | (buf[at + i] & 0xFF);
    }
    return v;
  }
}
