package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatlingResultsTest {

  private static final Path PROJECT = Path.of("/work/project");

  @Test
  void the_results_folder_is_gatlings_own_argument_not_a_fixed_path() {
    // the Maven plugin's fork: main class, then one argument a line
    assertThat(
            GatlingResults.folder(
                List.of(
                    "io.gatling.app.Gatling",
                    "--simulation",
                    "org.aerobench.simulations.SingleMode",
                    "--results-folder",
                    "/elsewhere/results"),
                PROJECT))
        .isEqualTo(Path.of("/elsewhere/results"));
    // the injector image's command line, relative to the working folder
    assertThat(GatlingResults.folder(List.of("io.gatling.app.Gatling", "-rf", "out"), PROJECT))
        .isEqualTo(PROJECT.resolve("out"));
    assertThat(GatlingResults.folder(List.of("--results-folder=/r"), PROJECT))
        .isEqualTo(Path.of("/r"));
  }

  @Test
  void without_the_argument_it_is_the_plugins_default() {
    assertThat(GatlingResults.folder(List.of("io.gatling.app.Gatling"), PROJECT))
        .isEqualTo(PROJECT.resolve("target/gatling"));
  }
}
