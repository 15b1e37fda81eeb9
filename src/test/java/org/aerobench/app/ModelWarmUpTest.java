package org.aerobench.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelWarmUpTest {

  @Test
  void a_failing_warm_up_reports_its_reason_instead_of_warming_up_forever() throws Exception {
    ModelWarmUp warmUp =
        ModelWarmUp.start(
            "test-model",
            () -> {
              throw new IllegalStateException("vector kernels unavailable");
            });
    warmUp.await(10_000);

    assertThat(warmUp.done()).isFalse();
    assertThat(warmUp.failure()).contains("vector kernels unavailable");
  }

  @Test
  void a_finished_warm_up_is_done_without_failure() throws Exception {
    ModelWarmUp warmUp = ModelWarmUp.start("test-model", () -> 3);
    warmUp.await(10_000);

    assertThat(warmUp.done()).isTrue();
    assertThat(warmUp.failure()).isEmpty();
    assertThat(ModelWarmUp.skipped().done()).isTrue();
  }
}
