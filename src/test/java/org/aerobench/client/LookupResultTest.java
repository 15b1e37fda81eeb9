package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LookupResultTest {

  @Test
  void overlappingCallsCountOnceAndTheGapsBetweenThemAreNotCallTime() {
    LookupResult gather =
        new LookupResult(
            List.of(),
            List.of(
                new CallSpan(0, 10, 40), // waited 10
                new CallSpan(0, 20, 50), // overlaps the first
                new CallSpan(0, 70, 90))); // waited for a worker until 70: 50..70 is a gap

    assertThat(gather.callNanosWithin(0, 100)).isEqualTo(40 + 20);
  }

  @Test
  void withoutSpansTheWholeReadIsCallTime() {
    assertThat(new LookupResult(List.of()).callNanosWithin(5, 25)).isEqualTo(20);
  }

  @Test
  void spansAreClippedToTheRead() {
    LookupResult read = new LookupResult(List.of(), List.of(new CallSpan(0, 0, 100)));

    assertThat(read.callNanosWithin(10, 60)).isEqualTo(50);
  }
}
