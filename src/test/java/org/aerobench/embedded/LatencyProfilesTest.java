package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyProfilesTest {

  @TempDir Path temp;

  @Test
  void the_shipped_profiles_are_loopback_same_zone_cross_zone_and_the_calibrated_reference() {
    LatencyProfiles profiles = LatencyProfiles.read(LatencyProfiles.DEFAULT_FILE);

    assertThat(profiles.names()).contains("loopback", "same-zone", "cross-zone", "reference");
    assertThat(profiles.get("loopback")).contains(Latency.NONE);
    assertThat(profiles.get("same-zone"))
        .contains(Latency.logNormal(Duration.ofNanos(500_000), Duration.ofMillis(2)));
    assertThat(profiles.get("reference"))
        .contains(Latency.logNormal(Duration.ofMillis(20), Duration.ofMillis(100)));
    assertThat(profiles.get("mars")).isEmpty();
  }

  @Test
  void a_profile_that_breaks_the_latency_rules_is_refused_naming_file_profile_and_rule()
      throws IOException {
    Path file = Files.writeString(temp.resolve("p.properties"), "slow=median 20 p99 5\n");

    assertThatThrownBy(() -> LatencyProfiles.read(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("profile slow=median 20 p99 5");
  }

  @Test
  void a_profile_in_no_known_form_is_refused_with_an_example() throws IOException {
    Path file = Files.writeString(temp.resolve("p.properties"), "fast=quick\n");

    assertThatThrownBy(() -> LatencyProfiles.read(file))
        .hasMessageContaining("must be off, fixed <ms> or median <ms> p99 <ms>")
        .hasMessageContaining("e.g. fast=median 2 p99 10");
  }
}
