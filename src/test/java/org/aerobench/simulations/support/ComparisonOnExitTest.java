package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aerobench.report.ComparisonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonOnExitTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final List<Integer> exitCodes = new ArrayList<>();

  private boolean build(Path run) {
    return ComparisonOnExit.build(
        run,
        dir.resolve("reports"),
        ComparisonReport.Options.defaults(),
        new PrintStream(printed, true, StandardCharsets.UTF_8),
        exitCodes::add);
  }

  @Test
  void a_comparison_that_cannot_be_built_fails_the_run() throws Exception {
    Path halfWritten = Files.createDirectories(dir.resolve("singlemode-20261201120000000"));
    assertThat(build(halfWritten)).isFalse();
    assertThat(exitCodes).containsExactly(ComparisonOnExit.EXIT_CODE);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("aerobench comparison FAILED, exit code 3")
        .contains(halfWritten.toString());
  }

  @Test
  void a_run_folder_that_was_not_found_fails_the_run_too() {
    assertThat(build(null)).isFalse();
    assertThat(exitCodes).containsExactly(ComparisonOnExit.EXIT_CODE);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Gatling's run folder was not found");
  }
}
