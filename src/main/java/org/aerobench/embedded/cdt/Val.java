package org.aerobench.embedded.cdt;

import java.util.ArrayList;
import java.util.List;

/**
 * One decoded msgpack value of a list or map bin. Lists and maps are mutable so that an operation
 * can change a nested element in place before the bin is encoded again.
 */
public sealed interface Val {

  /** Particle byte that starts an Aerospike msgpack string payload. */
  int STRING = 3;

  /** Particle byte of a plain blob. */
  int BLOB = 4;

  /** Particle byte of a GeoJSON payload. */
  int GEOJSON = 23;

  /** msgpack nil. */
  record Nil() implements Val {}

  record Bool(boolean value) implements Val {}

  record Int(long value) implements Val {}

  record Dbl(double value) implements Val {}

  /**
   * A msgpack str or bin. Aerospike puts the particle type in the first payload byte (3 string, 4
   * blob, 23 GeoJSON, ...), so the payload is kept whole: it is also what the server compares.
   */
  record Blob(byte[] raw) implements Val {
    int particle() {
      return raw.length == 0 ? BLOB : raw[0] & 0xFF;
    }
  }

  /**
   * A list; {@code flags} is the header extension's type (1 = ordered, 0x10 = persisted index), 0
   * when the list has no header.
   */
  record Lst(int flags, List<Val> items) implements Val {
    static Lst of(int flags) {
      return new Lst(flags, new ArrayList<>());
    }

    boolean ordered() {
      return (flags & 1) != 0;
    }
  }

  /**
   * A map in storage order; {@code flags} is the header extension's type (1 = key ordered, 3 =
   * key-value ordered, 8 = a result whose entry order matters), 0 when unordered.
   */
  record Mp(int flags, List<Entry> entries) implements Val {
    static Mp of(int flags) {
      return new Mp(flags, new ArrayList<>());
    }

    boolean keyOrdered() {
      return (flags & 1) != 0;
    }
  }

  /** One map entry; mutable value so nested updates can replace it. */
  final class Entry {
    final Val key;
    Val value;

    Entry(Val key, Val value) {
      this.key = key;
      this.value = value;
    }
  }

  /** The ext value above every other value, used as an open range end. */
  record Inf() implements Val {}

  /** The ext value that compares equal to anything (and to the rest of a list). */
  record Wild() implements Val {}

  /** True when this value (or one nested in it) may not be stored: infinity or wildcard. */
  default boolean hasNonStorage() {
    return switch (this) {
      case Inf i -> true;
      case Wild w -> true;
      case Lst l -> l.items().stream().anyMatch(Val::hasNonStorage);
      case Mp m ->
          m.entries().stream().anyMatch(e -> e.key.hasNonStorage() || e.value.hasNonStorage());
      default -> false;
    };
  }

  /** A deep copy, so a value taken from an operation never aliases a stored one. */
  default Val copy() {
    return switch (this) {
      case Lst l -> new Lst(l.flags(), new ArrayList<>(l.items().stream().map(Val::copy).toList()));
      case Mp m -> {
        List<Entry> out = new ArrayList<>();
        for (Entry e : m.entries()) {
          out.add(new Entry(e.key.copy(), e.value.copy()));
        }
        yield new Mp(m.flags(), out);
      }
      default -> this;
    };
  }
}
