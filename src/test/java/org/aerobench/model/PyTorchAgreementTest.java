package org.aerobench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Runs only in a build with the {@code pytorch} Maven profile (bin/mvn -Ppytorch ...). */
class PyTorchAgreementTest {

  @Test
  void pytorch_and_java_engines_give_the_same_scores() {
    assumeTrue(
        Engines.pytorchAvailable(),
        "PyTorch engine not on the classpath: run with -Ppytorch to compare the engines");
    DlrmWeights weights = DlrmWeights.defaults();
    try (InferenceEngine pytorch = Engines.create("pytorch", weights);
        InferenceEngine java = Engines.create("java", weights)) {
      for (int batch : new int[] {1, 200, 201}) {
        Features raw = SampleFeatures.random(batch, 11 + batch);
        // Moderate dense values as well, so that the scores are not all saturated at 1.
        float[] dense = raw.dense().clone();
        for (int i = 0; i < dense.length; i++) {
          dense[i] = (float) Math.tanh(dense[i] / 100);
        }
        for (Features f : new Features[] {raw, new Features(batch, raw.sparse(), dense)}) {
          float[] p = pytorch.predict(f);
          float[] j = java.predict(f);
          assertThat(p).hasSize(batch);
          for (int i = 0; i < batch; i++) {
            assertThat(Math.abs(p[i] - j[i])).as("batch %d row %d", batch, i).isLessThan(1e-4f);
          }
        }
      }
    }
  }
}
