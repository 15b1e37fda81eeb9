package org.aerobench.simulations.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * In which order a closed-model iteration calls the compared clients ({@code -Dorder}). A fixed
 * order always calls the baseline first, so every challenger's call waits one baseline response and
 * a pause behind it and always meets the server state the baseline left: rotation and random order
 * take that bias out of the comparison.
 */
public enum CallOrder {
  /** Iteration {@code k} (counted over every user of the run) starts at client {@code k mod n}. */
  ROTATE,
  /** A fresh permutation each iteration, drawn from a {@link Random} seeded with {@code -Dseed}. */
  RANDOM,
  /** The {@code -Dclients} order every time (the reference k6 script's alternation). */
  FIXED;

  /** The name in {@code -Dorder} and in {@code conditions.json}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The policy named {@code text} (any case), or null when there is none. */
  static CallOrder fromWireName(String text) {
    for (CallOrder order : values()) {
      if (order.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return order;
      }
    }
    return null;
  }

  /**
   * The orders of successive iterations: one supplier shared by every user of a phase, safe to call
   * from Gatling's threads.
   */
  public Supplier<List<String>> iterations(List<String> clients, long seed) {
    List<String> base = List.copyOf(clients);
    return switch (this) {
      case FIXED -> () -> base;
      case ROTATE -> {
        List<List<String>> rotations = new ArrayList<>();
        for (int k = 0; k < base.size(); k++) {
          List<String> rotated = new ArrayList<>(base);
          Collections.rotate(rotated, -k);
          rotations.add(List.copyOf(rotated));
        }
        AtomicLong next = new AtomicLong();
        yield () -> rotations.get((int) (next.getAndIncrement() % rotations.size()));
      }
      case RANDOM -> {
        Random random = new Random(seed);
        yield () -> {
          List<String> shuffled = new ArrayList<>(base);
          synchronized (random) {
            Collections.shuffle(shuffled, random);
          }
          return List.copyOf(shuffled);
        };
      }
    };
  }
}
