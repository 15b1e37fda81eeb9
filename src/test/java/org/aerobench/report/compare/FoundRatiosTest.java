package org.aerobench.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FoundRatiosTest {

  private static String scrape(
      double syncSum, double syncCount, double asyncSum, double asyncCount) {
    return "# TYPE aerospike_records_found_ratio histogram\n"
        + "aerospike_records_found_ratio_bucket{client_type=\"sync\",le=\"1.0\"} "
        + syncCount
        + "\n"
        + "aerospike_records_found_ratio_sum{client_type=\"sync\"} "
        + syncSum
        + "\n"
        + "aerospike_records_found_ratio_count{client_type=\"sync\"} "
        + syncCount
        + "\n"
        + "aerospike_records_found_ratio_sum{client_type=\"async\"} "
        + asyncSum
        + "\n"
        + "aerospike_records_found_ratio_count{client_type=\"async\"} "
        + asyncCount
        + "\n";
  }

  @Test
  void each_phase_gets_the_mean_of_its_own_requests_from_the_counter_differences() {
    Map<String, String> scrapes = new LinkedHashMap<>();
    scrapes.put("warmup", scrape(8.0, 10, 8.0, 10));
    scrapes.put("single", scrape(8.0 + 80.0, 110, 8.0 + 40.0, 60));

    var found = FoundRatios.of(scrapes);

    assertThat(found.get("warmup")).containsEntry("sync", 0.8).containsEntry("async", 0.8);
    assertThat(found.get("single")).containsEntry("sync", 0.8).containsEntry("async", 0.8);
    assertThat(FoundRatios.change(found)).isEmpty();
  }

  @Test
  void a_ratio_that_moves_between_phases_is_called_out_naming_client_and_phases() {
    Map<String, String> scrapes = new LinkedHashMap<>();
    scrapes.put("single", scrape(80.0, 100, 80.0, 100));
    scrapes.put("gather", scrape(80.0 + 10.0, 200, 80.0 + 80.0, 200)); // sync read empty sets

    var change = FoundRatios.change(FoundRatios.of(scrapes));

    assertThat(change)
        .get()
        .asString()
        .startsWith("WARNING: the share of keys found changed during the run")
        .contains("sync 0.800 in single, 0.100 in gather")
        .doesNotContain("async 0.800");
  }

  @Test
  void counters_that_restarted_between_scrapes_count_from_zero() {
    Map<String, String> scrapes = new LinkedHashMap<>();
    scrapes.put("single", scrape(80.0, 100, 80.0, 100));
    scrapes.put("gather", scrape(4.0, 5, 4.0, 5));

    assertThat(FoundRatios.of(scrapes).get("gather")).containsEntry("sync", 0.8);
  }
}
