package org.aerobench.report.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerTimesTagTest {

  @TempDir Path temp;

  @Test
  void request_names_with_spaces_and_commas_survive_a_write_and_read() throws IOException {
    ServerTimes times = new ServerTimes();
    times.record("single sync", Stage.TOTAL, 12.345);
    times.record("merge_gather async", Stage.AEROSPIKE, 3.5);
    times.record("odd, name 100%", Stage.TOTAL, 1.0);
    Path file = temp.resolve("server-times.hlog");
    times.write(file);

    ServerTimes read = ServerTimes.read(file);

    assertThat(read.byRequest())
        .containsOnlyKeys("single sync", "merge_gather async", "odd, name 100%");
    assertThat(read.histogram("single sync", Stage.TOTAL).getTotalCount()).isEqualTo(1);
    // 3 significant digits: 12,345 µs is kept within 0.1%.
    assertThat(read.histogram("single sync", Stage.TOTAL).getValueAtPercentile(50))
        .isBetween(12_330L, 12_360L);
  }

  @Test
  void tags_are_percent_encoded_only_where_the_log_reader_would_split() {
    assertThat(ServerTimes.encodeTag("single sync")).isEqualTo("single%20sync");
    assertThat(ServerTimes.decodeTag("single%20sync")).isEqualTo("single sync");
    assertThat(ServerTimes.encodeTag("a,b%")).isEqualTo("a%2Cb%25");
    assertThat(ServerTimes.decodeTag(ServerTimes.encodeTag("a,b% c"))).isEqualTo("a,b% c");
  }
}
