package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CallOrderTest {

  private static final List<String> CLIENTS = List.of("sync", "async", "virtual");

  private static Map<String, Integer> firstCounts(Supplier<List<String>> orders, int iterations) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < iterations; i++) {
      List<String> order = orders.get();
      assertThat(order).containsExactlyInAnyOrderElementsOf(CLIENTS);
      first.merge(order.get(0), 1, Integer::sum);
    }
    return first;
  }

  @Test
  void by_default_the_baseline_is_not_always_called_first() {
    Parameters params = Parameters.read(new Properties(), CLIENTS);
    assertThat(params.order()).isEqualTo(CallOrder.ROTATE);
    Map<String, Integer> first =
        firstCounts(params.order().iterations(params.clients(), params.seed()), 300);
    assertThat(first).containsEntry("sync", 100).containsEntry("async", 100);
    assertThat(first).containsEntry("virtual", 100);
  }

  @Test
  void rotation_starts_each_iteration_one_client_further() {
    Supplier<List<String>> orders = CallOrder.ROTATE.iterations(CLIENTS, 0);
    assertThat(orders.get()).containsExactly("sync", "async", "virtual");
    assertThat(orders.get()).containsExactly("async", "virtual", "sync");
    assertThat(orders.get()).containsExactly("virtual", "sync", "async");
    assertThat(orders.get()).containsExactly("sync", "async", "virtual");
  }

  @Test
  void a_random_order_is_repeatable_from_its_seed_and_reaches_every_permutation() {
    Supplier<List<String>> a = CallOrder.RANDOM.iterations(CLIENTS, 42);
    Supplier<List<String>> b = CallOrder.RANDOM.iterations(CLIENTS, 42);
    Supplier<List<String>> other = CallOrder.RANDOM.iterations(CLIENTS, 43);
    Set<List<String>> seen = new HashSet<>();
    boolean differs = false;
    for (int i = 0; i < 200; i++) {
      List<String> order = a.get();
      assertThat(b.get()).isEqualTo(order);
      differs |= !other.get().equals(order);
      seen.add(order);
    }
    assertThat(seen).hasSize(6);
    assertThat(differs).isTrue();
    Map<String, Integer> first = firstCounts(CallOrder.RANDOM.iterations(CLIENTS, 7), 3000);
    assertThat(first.get("sync")).isBetween(850, 1150);
  }

  @Test
  void the_fixed_order_is_the_reference_alternation() {
    Supplier<List<String>> orders = CallOrder.FIXED.iterations(CLIENTS, 1);
    assertThat(firstCounts(orders, 10)).containsOnlyKeys("sync");
  }
}
