package org.aerobench.simulations.support;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aerobench.simulations.support.Parameters.Part;

/**
 * One entry of the simulations' parameter table ({@link ParameterTable}): a component of {@link
 * Parameters}, the {@code -D} names it is read from, the group that reads them and how it is read
 * (default, rule, example). One loop reads the table in order; copies of a {@link Parameters} with
 * one component changed go through the same entries, by {@link #accessor}.
 *
 * @param component the record component of {@link Parameters}
 * @param part the group of simulations that read it, or null when every simulation does
 * @param names the {@code -D} names it is read from
 * @param rule how it is read, with the components read before it
 * @param accessor the component's accessor, to copy a {@link Parameters}
 */
record ParameterSpec<T>(
    String component,
    Part part,
    List<String> names,
    Rule<T> rule,
    Function<Parameters, T> accessor) {

  ParameterSpec {
    names = List.copyOf(names);
  }

  /** How a component is read: default, parse and check, reporting through the reader. */
  @FunctionalInterface
  interface Rule<T> {
    T read(ParameterReader in, Values earlier);
  }

  /** A component read from the one {@code -D} parameter of its name, by itself. */
  static <T> ParameterSpec<T> single(
      String name, Part part, Function<ParameterReader, T> read, Function<Parameters, T> accessor) {
    return new ParameterSpec<>(
        name, part, List.of(name), (in, earlier) -> read.apply(in), accessor);
  }

  /** Reads this component into {@code values}. */
  void readInto(ParameterReader in, Values values) {
    values.put(this, rule.read(in, values));
  }

  /** Copies this component of {@code from} into {@code values}. */
  void copyInto(Values values, Parameters from) {
    values.put(this, accessor.apply(from));
  }

  /** The components read (or copied) so far, by entry. */
  static final class Values {
    private final Map<ParameterSpec<?>, Object> byEntry = new IdentityHashMap<>();
    private final List<String> defaultClients;

    /**
     * @param defaultClients the simulation's clients when {@code -Dclients} is absent
     */
    Values(List<String> defaultClients) {
      this.defaultClients = defaultClients;
    }

    List<String> defaultClients() {
      return defaultClients;
    }

    @SuppressWarnings("unchecked") // put only stores a T under a ParameterSpec<T>
    <T> T get(ParameterSpec<T> spec) {
      return (T) byEntry.get(spec);
    }

    <T> Values put(ParameterSpec<T> spec, T value) {
      byEntry.put(spec, value);
      return this;
    }
  }
}
