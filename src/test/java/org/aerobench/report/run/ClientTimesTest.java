package org.aerobench.report.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientTimesTest {

  @TempDir Path temp;

  private static final long T0 = 1_796_000_000_000L; // a whole second, epoch ms

  @Test
  void responses_are_kept_per_request_name_and_second_through_a_write_and_read()
      throws IOException {
    ClientTimes times = new ClientTimes();
    times.record("single sync", T0 + 10, 5_000);
    times.record("single sync", T0 + 990, 7_000);
    times.record("single sync", T0 + 1_000, 9_000);
    times.record("single async", T0 + 2_500, 3_000);
    Path file = temp.resolve("client-times.hlog");
    times.write(file);

    ClientTimes read = ClientTimes.read(file);

    assertThat(read.bySecond()).containsOnlyKeys("single async", "single sync");
    assertThat(read.bySecond().get("single sync")).containsOnlyKeys(T0, T0 + 1_000);
    assertThat(read.bySecond().get("single sync").get(T0).getTotalCount()).isEqualTo(2);
    assertThat(read.total("single sync").getTotalCount()).isEqualTo(3);
    // two significant digits: 9,000 µs within 1 %
    assertThat(read.total("single sync").getMaxValue()).isBetween(8_910L, 9_090L);
    assertThat(read.between("single sync", T0 + 1_000, T0 + 2_000).getTotalCount()).isEqualTo(1);
    assertThat(read.bySecond().get("single async").firstKey()).isEqualTo(T0 + 2_000);
  }

  @Test
  void a_file_that_is_not_such_a_log_is_refused_naming_it() throws IOException {
    Path file = Files.writeString(temp.resolve("client-times.hlog"), "garbage,1,2\n");

    assertThatThrownBy(() -> ClientTimes.read(file)).hasMessageContaining(file.toString());
  }
}
