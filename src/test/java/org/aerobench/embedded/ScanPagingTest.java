package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.policy.ScanPolicy;
import com.aerospike.client.query.PartitionFilter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScanPagingTest {

  static EmbeddedAerospike server;
  static AerospikeClient client;

  @BeforeAll
  static void start() {
    server = EmbeddedAerospike.start();
    client = new AerospikeClient(server.host(), server.port());
    for (int i = 0; i < 35; i++) {
      client.put(null, new Key("test", "paged", i), new Bin("i", i));
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void pages_of_ten_resume_where_the_last_page_ended_and_finish() {
    ScanPolicy policy = new ScanPolicy();
    policy.maxRecords = 10;
    PartitionFilter filter = PartitionFilter.all();
    List<Long> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();

    for (int page = 0; page < 20 && !filter.isDone(); page++) {
      int before = seen.size();
      client.scanPartitions(
          policy, filter, "test", "paged", (key, record) -> seen.add(record.getLong("i")));
      pageSizes.add(seen.size() - before);
    }

    assertThat(filter.isDone()).isTrue();
    assertThat(seen).hasSize(35).doesNotHaveDuplicates();
    assertThat(pageSizes).startsWith(10, 10, 10, 5);
  }

  @Test
  void max_records_caps_a_single_scan() {
    ScanPolicy policy = new ScanPolicy();
    policy.maxRecords = 7;
    List<Long> seen = new ArrayList<>();

    client.scanAll(policy, "test", "paged", (key, record) -> seen.add(record.getLong("i")));

    assertThat(seen).hasSize(7);
  }
}
