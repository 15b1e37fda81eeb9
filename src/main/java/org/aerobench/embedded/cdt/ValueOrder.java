package org.aerobench.embedded.cdt;

import java.util.Comparator;
import java.util.List;

/**
 * The server's order of msgpack values (aerospike-common msgpack compare): first by type, nil <
 * false < true < integer < string < list < map < bytes < double < GeoJSON < infinity, then by
 * value. Strings, bytes and GeoJSON compare their payloads byte by byte, then by length; lists
 * compare element by element, a shorter prefix first; maps compare their sizes, then their entries
 * in storage order. A wildcard equals anything, and inside a list it also matches the rest of it.
 */
final class ValueOrder implements Comparator<Val> {

  static final ValueOrder INSTANCE = new ValueOrder();

  private ValueOrder() {}

  static int cmp(Val a, Val b) {
    return INSTANCE.compare(a, b);
  }

  /** A map entry by key. */
  static int byKey(Val.Entry a, Val.Entry b) {
    return cmp(a.key, b.key);
  }

  /** A map entry by value, then key: the rank order of map entries. */
  static int byValueThenKey(Val.Entry a, Val.Entry b) {
    int c = cmp(a.value, b.value);
    return c != 0 ? c : cmp(a.key, b.key);
  }

  @Override
  public int compare(Val a, Val b) {
    int ta = typeRank(a);
    int tb = typeRank(b);
    if (ta == WILDCARD || tb == WILDCARD) {
      return 0;
    }
    if (ta != tb) {
      return Integer.compare(ta, tb);
    }
    return switch (a) {
      case Val.Int x -> Long.compare(x.value(), ((Val.Int) b).value());
      case Val.Dbl x -> Double.compare(x.value(), ((Val.Dbl) b).value());
      case Val.Blob x -> bytes(x.raw(), ((Val.Blob) b).raw());
      case Val.Lst x -> lists(x.items(), ((Val.Lst) b).items());
      case Val.Mp x -> maps(x, (Val.Mp) b);
      default -> 0; // nil, booleans (their value is their type), infinity
    };
  }

  private static final int WILDCARD = 11;

  /** The server's msgpack type order; false and true are types of their own. */
  static int typeRank(Val v) {
    return switch (v) {
      case Val.Nil n -> 1;
      case Val.Bool b -> b.value() ? 3 : 2;
      case Val.Int i -> 4;
      case Val.Blob b ->
          switch (b.particle()) {
            case Val.STRING -> 5;
            case Val.GEOJSON -> 10;
            default -> 8; // blobs of every language type sort as bytes
          };
      case Val.Lst l -> 6;
      case Val.Mp m -> 7;
      case Val.Dbl d -> 9;
      case Val.Wild w -> WILDCARD;
      case Val.Inf i -> 12;
    };
  }

  private static int bytes(byte[] a, byte[] b) {
    int c =
        java.util.Arrays.compareUnsigned(
            a, 0, Math.min(a.length, b.length), b, 0, Math.min(a.length, b.length));
    return c != 0 ? Integer.signum(c) : Integer.compare(a.length, b.length);
  }

  private int lists(List<Val> a, List<Val> b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      Val x = a.get(i);
      Val y = b.get(i);
      if (x instanceof Val.Wild || y instanceof Val.Wild) {
        return 0; // the wildcard matches this element and the rest of both lists
      }
      int c = compare(x, y);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private int maps(Val.Mp a, Val.Mp b) {
    int c = Integer.compare(a.entries().size(), b.entries().size());
    if (c != 0) {
      return c;
    }
    for (int i = 0; i < a.entries().size(); i++) {
      Val.Entry x = a.entries().get(i);
      Val.Entry y = b.entries().get(i);
      c = compare(x.key, y.key);
      if (c == 0) {
        c = compare(x.value, y.value);
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
