package org.aerobench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class FixtureGeneratorTest {

  /**
   * Compares with the committed file on disk, not the classpath copy: after a regeneration ({@code
   * -Dfixture.regenerate=true}) the classpath still holds the copy made before the test ran.
   * Passing on every run also shows the generator is deterministic.
   */
  @Test
  void committed_fixture_is_exactly_what_the_generator_writes() throws IOException {
    String generated = FixtureGenerator.generate();
    if (Boolean.getBoolean("fixture.regenerate")) {
      Files.writeString(FixtureGenerator.TARGET, generated, StandardCharsets.UTF_8);
    }
    assertThat(FixtureGenerator.TARGET).as("committed fixture").exists();
    assertThat(Files.readString(FixtureGenerator.TARGET, StandardCharsets.UTF_8))
        .isEqualTo(generated);
  }
}
