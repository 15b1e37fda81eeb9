package org.aerobench.embedded.cdt;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.embedded.wire.MessagePacks;
import org.aerobench.embedded.wire.Wire;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;

/**
 * Decodes and encodes the msgpack of list and map bins and of CDT operation arguments, with
 * Aerospike's conventions: a leading ext element carries a list's or map's order flags, str/bin
 * payloads start with a particle type byte, and ext type 0xff holds the range values wildcard (0)
 * and infinity (1).
 */
final class Msgpack {

  private static final byte CMP_EXT = (byte) 0xff;
  private static final int CMP_WILDCARD = 0;
  private static final int CMP_INF = 1;

  /** Deepest list/map nesting decoded; deeper input is refused rather than overflow the stack. */
  static final int MAX_DEPTH = 64;

  private Msgpack() {}

  /** Decodes the one value in {@code buf[off, off + len)}; trailing bytes are an error. */
  static Val decode(byte[] buf, int off, int len) {
    try (MessageUnpacker in = MessagePacks.unpacker(buf, off, len)) {
      Val v = read(in, len, 0);
      if (in.hasNext()) {
        throw invalid("trailing bytes after a msgpack value");
      }
      return v;
    } catch (IOException | RuntimeException e) {
      if (e instanceof CdtException c) {
        throw c;
      }
      throw invalid("malformed msgpack: " + e.getMessage());
    }
  }

  static Val decode(byte[] buf) {
    return decode(buf, 0, buf.length);
  }

  /**
   * A count or a length a header claims, checked against the bytes still unread before anything is
   * allocated for it: every element takes at least {@code bytesEach} bytes, so a 5-byte header
   * claiming two billion elements is refused, not allocated.
   */
  private static int claimed(long n, int bytesEach, MessageUnpacker in, int len, String what) {
    long unread = len - in.getTotalReadBytes();
    if (n < 0 || n * bytesEach > unread) {
      throw invalid(what + " claims " + n + " but only " + unread + " bytes follow");
    }
    return (int) n;
  }

  private static Val read(MessageUnpacker in, int len, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw invalid("lists and maps nested deeper than " + MAX_DEPTH);
    }
    MessageFormat f = in.getNextFormat();
    ValueType t = f.getValueType();
    switch (t) {
      case NIL -> {
        in.unpackNil();
        return new Val.Nil();
      }
      case BOOLEAN -> {
        return new Val.Bool(in.unpackBoolean());
      }
      case INTEGER -> {
        if (f == MessageFormat.UINT64) {
          java.math.BigInteger big = in.unpackBigInteger();
          if (big.bitLength() > 63) {
            throw invalid("unsigned 64-bit integers above 2^63-1 are not supported");
          }
          return new Val.Int(big.longValue());
        }
        return new Val.Int(in.unpackLong());
      }
      case FLOAT -> {
        return new Val.Dbl(in.unpackDouble());
      }
      case STRING -> {
        return new Val.Blob(
            in.readPayload(claimed(in.unpackRawStringHeader(), 1, in, len, "a string")));
      }
      case BINARY -> {
        return new Val.Blob(in.readPayload(claimed(in.unpackBinaryHeader(), 1, in, len, "a blob")));
      }
      case ARRAY -> {
        int n = claimed(in.unpackArrayHeader(), 1, in, len, "a list");
        List<Val> items = new ArrayList<>(n);
        int flags = 0;
        if (n > 0 && in.getNextFormat().getValueType() == ValueType.EXTENSION) {
          Object first = readExt(in, len);
          if (first instanceof Flags header) {
            flags = header.flags;
          } else {
            items.add((Val) first); // a wildcard or infinity as the first element
          }
          n--;
        }
        for (int i = 0; i < n; i++) {
          items.add(read(in, len, depth + 1));
        }
        return new Val.Lst(flags, items);
      }
      case MAP -> {
        int n = claimed(in.unpackMapHeader(), 2, in, len, "a map");
        List<Val.Entry> entries = new ArrayList<>(n);
        int flags = 0;
        for (int i = 0; i < n; i++) {
          Object k =
              in.getNextFormat().getValueType() == ValueType.EXTENSION
                  ? readExt(in, len)
                  : read(in, len, depth + 1);
          if (k instanceof Flags header) {
            if (i != 0) {
              throw invalid("a map order header must come first");
            }
            flags = header.flags;
            in.skipValue(); // the header's value slot (nil)
            continue;
          }
          entries.add(new Val.Entry((Val) k, read(in, len, depth + 1)));
        }
        return new Val.Mp(flags, entries);
      }
      case EXTENSION -> {
        if (readExt(in, len) instanceof Val v) {
          return v;
        }
        throw invalid("an order header is not a value");
      }
      default -> throw invalid("unknown msgpack type " + t);
    }
  }

  /** A list's or map's order header: an ext whose type byte is the flags. */
  private record Flags(int flags) {}

  /** An ext element: wildcard or infinity (type 0xff, one byte), else an order header. */
  private static Object readExt(MessageUnpacker in, int len) throws IOException {
    var h = in.unpackExtensionTypeHeader();
    byte[] data = in.readPayload(claimed(h.getLength(), 1, in, len, "an extension value"));
    if (h.getType() == CMP_EXT && data.length == 1) {
      if (data[0] == CMP_WILDCARD) {
        return new Val.Wild();
      }
      if (data[0] == CMP_INF) {
        return new Val.Inf();
      }
    }
    return new Flags(h.getType() & 0xFF);
  }

  static byte[] encode(Val v) {
    MessageBufferPacker out = MessagePacks.packer();
    try {
      write(out, v);
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("in-memory msgpack encoding failed", e);
    }
  }

  private static void write(MessageBufferPacker out, Val v) throws IOException {
    switch (v) {
      case Val.Nil n -> out.packNil();
      case Val.Bool b -> out.packBoolean(b.value());
      case Val.Int i -> out.packLong(i.value());
      case Val.Dbl d -> out.packDouble(d.value());
      case Val.Blob b -> {
        // Aerospike clients read both str and bin; the official client writes str.
        out.packRawStringHeader(b.raw().length);
        out.writePayload(b.raw());
      }
      case Val.Lst l -> {
        boolean header = l.flags() != 0;
        out.packArrayHeader(l.items().size() + (header ? 1 : 0));
        if (header) {
          out.packExtensionTypeHeader((byte) l.flags(), 0);
        }
        for (Val item : l.items()) {
          write(out, item);
        }
      }
      case Val.Mp m -> {
        boolean header = m.flags() != 0;
        out.packMapHeader(m.entries().size() + (header ? 1 : 0));
        if (header) {
          out.packExtensionTypeHeader((byte) m.flags(), 0);
          out.packNil();
        }
        for (Val.Entry e : m.entries()) {
          write(out, e.key);
          write(out, e.value);
        }
      }
      case Val.Inf i -> {
        out.packExtensionTypeHeader(CMP_EXT, 1);
        out.writePayload(new byte[] {CMP_INF});
      }
      case Val.Wild w -> {
        out.packExtensionTypeHeader(CMP_EXT, 1);
        out.writePayload(new byte[] {CMP_WILDCARD});
      }
    }
  }

  private static CdtException invalid(String why) {
    return new CdtException(Wire.RESULT_PARAMETER_ERROR, why);
  }
}
