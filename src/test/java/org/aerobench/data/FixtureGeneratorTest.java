package org.aerobench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class FixtureGeneratorTest {

  @Test
  void committed_fixture_is_exactly_what_the_generator_writes() throws IOException {
    String generated = FixtureGenerator.generate();
    if (Boolean.getBoolean("fixture.regenerate")) {
      Files.writeString(FixtureGenerator.TARGET, generated, StandardCharsets.UTF_8);
    }
    try (InputStream in = getClass().getResourceAsStream(RequestFixture.RESOURCE)) {
      assertThat(in).as("resource " + RequestFixture.RESOURCE).isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(generated);
    }
  }

  @Test
  void generator_is_deterministic() throws IOException {
    assertThat(FixtureGenerator.generate()).isEqualTo(FixtureGenerator.generate());
  }
}
