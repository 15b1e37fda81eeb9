package org.aerobench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersTest {

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

    assertThat(RunFolders.newest(results, "SingleMode", start)).contains(current);
  }

  @Test
  void nothing_when_only_older_runs_exist() throws IOException {
    Instant start = Instant.parse("2026-11-26T10:00:00Z");
    folder("fullrun-20261126095900000", start.minusSeconds(60));
    assertThat(RunFolders.newest(results, "FullRun", start)).isEmpty();
    assertThat(RunFolders.newest(results.resolve("absent"), "FullRun", start)).isEmpty();
  }

  @Test
  void a_simulation_whose_name_starts_another_ones_does_not_take_its_runs() throws IOException {
    Instant start = Instant.parse("2026-11-26T10:00:00Z");
    folder("singlemodelong-20261126100001000", start.plusSeconds(1));
    assertThat(RunFolders.newest(results, "SingleMode", start)).isEmpty();
  }
}
