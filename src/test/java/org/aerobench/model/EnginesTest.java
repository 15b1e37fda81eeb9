package org.aerobench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnginesTest {

  private static final DlrmWeights WEIGHTS = DlrmWeights.defaults();

  @Test
  void java_is_the_default_and_scalar_is_the_oracle() {
    try (InferenceEngine java = Engines.create(null, WEIGHTS);
        InferenceEngine scalar = Engines.create("scalar", WEIGHTS)) {
      assertThat(java.name()).isEqualTo("java");
      assertThat(java).isInstanceOf(JavaDlrm.class);
      assertThat(scalar.name()).isEqualTo("scalar");
    }
  }

  @Test
  void an_unknown_engine_is_refused_listing_the_valid_names() {
    assertThatThrownBy(() -> Engines.create("tensorflow", WEIGHTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown inference engine 'tensorflow'")
        .hasMessageContaining("[java, scalar, pytorch]");
  }

  @Test
  void pytorch_without_its_profile_says_how_to_turn_it_on() {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        Engines.pytorchAvailable(), "this build has the pytorch profile on");
    assertThatThrownBy(() -> Engines.create("pytorch", WEIGHTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("engine 'pytorch' needs the PyTorch profile: run with -Ppytorch");
  }

  @Test
  void warm_up_runs_the_engine_and_leaves_it_giving_the_same_scores() {
    Features f = SampleFeatures.random(200, 21);
    try (InferenceEngine java = Engines.create("java", WEIGHTS)) {
      float[] before = java.predict(f);
      assertThat(java.warmUp()).isGreaterThan(1);
      assertThat(java.predict(f)).containsExactly(before);
    }
  }
}
