package org.aerobench.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeaturesTest {

  @Test
  void an_id_past_its_table_is_refused_naming_table_index_and_range() {
    int[] sparse = {5, 5, 5, 10_000, 1};
    assertThatThrownBy(() -> new Features(1, sparse, new float[8]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table 'channelId'")
        .hasMessageContaining("index 10000")
        .hasMessageContaining("allowed [0, 10000)");
  }

  @Test
  void a_negative_gender_id_is_refused() {
    int[] sparse = {0, 0, 0, 0, 0, 1, 2, 3, 4, -1};
    assertThatThrownBy(() -> new Features(2, sparse, new float[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table 'gender'")
        .hasMessageContaining("row 1 has index -1")
        .hasMessageContaining("allowed [0, 3)");
  }

  @Test
  void arrays_of_the_wrong_length_are_refused() {
    assertThatThrownBy(() -> new Features(2, new int[5], new float[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchSize × 5 = 10 ints, got 5");
    assertThatThrownBy(() -> new Features(1, new int[5], new float[7]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchSize × 8 = 8 floats, got 7");
    assertThatThrownBy(() -> new Features(0, new int[0], new float[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
