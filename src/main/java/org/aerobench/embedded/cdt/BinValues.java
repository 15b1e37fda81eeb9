package org.aerobench.embedded.cdt;

import java.util.Arrays;
import org.aerobench.embedded.store.Bin;
import org.aerobench.embedded.wire.Wire;

/** Between bins and values: a list or map bin's msgpack, and an op's result as a reply bin. */
final class BinValues {

  private BinValues() {}

  /** The list or map a bin holds; null for another particle type. */
  static Val container(Bin bin) {
    int p = bin.particle();
    if (p != Wire.PARTICLE_LIST && p != Wire.PARTICLE_MAP) {
      return null;
    }
    Val v = Msgpack.decode(bin.op(), bin.valueOffset(), bin.valueLength());
    if (!(v instanceof Val.Lst) && !(v instanceof Val.Mp)) {
      throw new CdtException(Wire.RESULT_PARAMETER_ERROR, "list/map bin holds a scalar");
    }
    return v;
  }

  /** The bin that stores a list or map. */
  static Bin store(String name, Val container) {
    int p = container instanceof Val.Mp ? Wire.PARTICLE_MAP : Wire.PARTICLE_LIST;
    return Bin.of(name, p, Msgpack.encode(container));
  }

  /**
   * A result as the reply carries it: scalars as their particle (strings and blobs lose the msgpack
   * particle byte), lists and maps as msgpack, nil as a NULL-particle bin.
   */
  static Bin result(String name, Val v) {
    return switch (v) {
      case Val.Nil n -> Bin.of(name, Wire.PARTICLE_NULL, new byte[0]);
      case Val.Bool b -> Bin.of(name, Wire.PARTICLE_BOOL, new byte[] {(byte) (b.value() ? 1 : 0)});
      case Val.Int i -> Bin.of(name, Wire.PARTICLE_INTEGER, longBytes(i.value()));
      case Val.Dbl d ->
          Bin.of(name, Wire.PARTICLE_DOUBLE, longBytes(Double.doubleToLongBits(d.value())));
      case Val.Blob b -> blob(name, b.raw());
      case Val.Lst l -> Bin.of(name, Wire.PARTICLE_LIST, Msgpack.encode(l));
      case Val.Mp m -> Bin.of(name, Wire.PARTICLE_MAP, Msgpack.encode(m));
      case Val.Inf i -> throw new IllegalStateException("infinity is never a result");
      case Val.Wild w -> throw new IllegalStateException("wildcard is never a result");
    };
  }

  private static Bin blob(String name, byte[] raw) {
    if (raw.length == 0) {
      return Bin.of(name, Wire.PARTICLE_BLOB, raw);
    }
    int type = raw[0] & 0xFF;
    byte[] data = Arrays.copyOfRange(raw, 1, raw.length);
    if (type == Val.GEOJSON) {
      // A GeoJSON particle is flags(1) | cell count(2) | json; a value from a list has no cells.
      byte[] geo = new byte[data.length + 3];
      System.arraycopy(data, 0, geo, 3, data.length);
      return Bin.of(name, Wire.PARTICLE_GEOJSON, geo);
    }
    return Bin.of(name, Wire.knownParticle(type) ? type : Wire.PARTICLE_BLOB, data);
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }
}
