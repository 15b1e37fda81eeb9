package org.aerobench.client.styles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandSlotsTest {

  @Test
  void commandsBeyondTheLimitWaitAndAreIssuedAsSlotsFree() {
    CommandSlots slots = new CommandSlots(2, 10);
    List<Integer> issued = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int id = i;
      assertThat(slots.submit(() -> issued.add(id))).isTrue();
    }

    assertThat(issued).containsExactly(0, 1);
    assertThat(slots.inUse()).isEqualTo(2);
    assertThat(slots.waiting()).isEqualTo(3);

    slots.release();
    assertThat(issued).containsExactly(0, 1, 2);
    assertThat(slots.inUse()).isEqualTo(2);

    slots.release();
    slots.release();
    slots.release(); // five commands, four done: the last one still holds its slot
    assertThat(issued).containsExactly(0, 1, 2, 3, 4);
    assertThat(slots.inUse()).isEqualTo(1);
    assertThat(slots.waiting()).isZero();
  }

  @Test
  void aFullQueueRefusesTheCommandWithoutRunningIt() {
    CommandSlots slots = new CommandSlots(1, 1);
    List<String> issued = new ArrayList<>();

    assertThat(slots.submit(() -> issued.add("running"))).isTrue();
    assertThat(slots.submit(() -> issued.add("waiting"))).isTrue();
    assertThat(slots.submit(() -> issued.add("refused"))).isFalse();

    assertThat(issued).containsExactly("running");
    assertThat(slots.waiting()).isEqualTo(1);
  }

  @Test
  void commandsThatFailAsTheyAreIssuedHandTheirSlotOnWithoutDeepRecursion() {
    CommandSlots slots = new CommandSlots(1, 100_000);
    int[] issued = {0};
    Runnable held = () -> {};
    slots.submit(held); // holds the only slot
    for (int i = 0; i < 50_000; i++) {
      slots.submit(
          () -> {
            issued[0]++;
            slots.release(); // fails synchronously: frees its slot at once
          });
    }

    slots.release(); // would overflow the stack if each hand-on recursed

    assertThat(issued[0]).isEqualTo(50_000);
    assertThat(slots.inUse()).isZero();
    assertThat(slots.waiting()).isZero();
  }
}
