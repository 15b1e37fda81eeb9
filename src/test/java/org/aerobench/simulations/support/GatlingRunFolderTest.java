package org.aerobench.simulations.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingRunFolderTest {

  @TempDir Path results;

  private Path folder(String name, Instant modified) throws IOException {
    Path f = Files.createDirectory(results.resolve(name));
    Files.setLastModifiedTime(f, FileTime.from(modified));
    return f;
  }

  @Test
  void finds_the_newest_run_of_the_simulation_since_it_started() throws IOException {
    Instant start = Instant.parse("2026-11-26T10:00:00Z");
    folder("singlemode-20261126095900000", start.minusSeconds(60));
    Path current = folder("singlemode-20261126100001000", start.plusSeconds(1));
    folder("gathermode-20261126100002000", start.plusSeconds(2));
    folder("singlemode-notes", start.plusSeconds(3));

    assertThat(GatlingRunFolder.find(results, "SingleMode", start)).contains(current);
  }

  @Test
  void nothing_when_only_older_runs_exist() throws IOException {
    Instant start = Instant.parse("2026-11-26T10:00:00Z");
    folder("fullrun-20261126095900000", start.minusSeconds(60));
    assertThat(GatlingRunFolder.find(results, "FullRun", start)).isEmpty();
    assertThat(GatlingRunFolder.find(results.resolve("absent"), "FullRun", start)).isEmpty();
  }
}
