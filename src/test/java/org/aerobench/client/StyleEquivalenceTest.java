package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.aerospike.client.Key;
import com.aerospike.client.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aerobench.client.styles.AsyncStyle;
import org.aerobench.data.Fixtures;
import org.aerobench.data.KeyPlan;
import org.aerobench.data.SeedPlan;
import org.aerobench.data.Seeder;
import org.aerobench.data.SetKeys;
import org.aerobench.embedded.EmbeddedAerospike;
import org.aerobench.embedded.EmbeddedConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every style × every mode returns the same records as single-record reads of the same keys, for
 * the full plan and a smaller one; the async style also over Netty epoll event loops.
 */
class StyleEquivalenceTest {

  static EmbeddedAerospike server;
  static AerospikeConnection nio;
  static AerospikeConnection epoll;
  static final Map<String, ClientStyle> styles = new HashMap<>();
  static final Map<String, List<List<Map<String, Object>>>> expected = new HashMap<>();

  @BeforeAll
  static void start_seed_and_connect() throws InterruptedException {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    ClientSettings settings =
        ClientSettings.builder().localPort(server.port()).eventLoopCount(2).build();
    nio = AerospikeConnection.open(settings);
    assertThat(nio.awaitConnected(Duration.ofSeconds(5))).isTrue();
    new Seeder().seed(nio.client(), "test", Fixtures.load());
    styles.putAll(ClientStyles.create(nio, settings));

    ClientSettings epollSettings =
        settings.toBuilder().eventLoopKind(EventLoopKind.NETTY_EPOLL).build();
    epoll = AerospikeConnection.open(epollSettings);
    assertThat(epoll.awaitConnected(Duration.ofSeconds(5))).isTrue();
    styles.put("async-epoll", new AsyncStyle(epoll, epollSettings));
  }

  @AfterAll
  static void stop() {
    ClientStyles.closeAll(styles);
    if (epoll != null) {
      epoll.close();
    }
    if (nio != null) {
      nio.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String style : List.of("sync", "async", "virtual", "async-epoll")) {
      for (ReadMode mode : ReadMode.values()) {
        cases.add(Arguments.of(style, mode, 9, 200));
        cases.add(Arguments.of(style, mode, 3, 17));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} num_sets={2} batch={3}")
  @MethodSource("cases")
  void read_returns_the_same_bins_per_position_as_single_record_reads(
      String style, ReadMode mode, int numSets, int batchSize) throws Exception {
    KeyPlan plan = KeyPlan.of(Fixtures.load(), "test", numSets, batchSize);

    LookupResult result = styles.get(style).read(plan, mode).get(10, TimeUnit.SECONDS);

    assertThat(bins(result)).isEqualTo(expected(plan));
    for (SetRecords set : result.sets()) {
      assertThat(set.found())
          .as(set.set().setName())
          .isEqualTo(SeedPlan.intendedFound(set.set(), 200, batchSize));
      if (mode == ReadMode.SINGLE) {
        assertThat(set.readNanos()).isEqualTo(-1);
      } else {
        assertThat(set.readNanos()).isPositive();
      }
    }
    assertThat(result.total()).isEqualTo(numSets * batchSize);
  }

  /** Bins per set per position (null = not found) from one-key reads: a different code path. */
  private static synchronized List<List<Map<String, Object>>> expected(KeyPlan plan) {
    return expected.computeIfAbsent(
        plan.sets().size() + "x" + plan.batchSize(),
        id -> {
          List<List<Map<String, Object>>> sets = new ArrayList<>();
          for (SetKeys set : plan.sets()) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (Key key : set.keys()) {
              Record record = nio.client().get(null, key);
              records.add(record == null ? null : record.bins);
            }
            sets.add(records);
          }
          return sets;
        });
  }

  private static List<List<Map<String, Object>>> bins(LookupResult result) {
    List<List<Map<String, Object>>> sets = new ArrayList<>();
    for (SetRecords set : result.sets()) {
      List<Map<String, Object>> records = new ArrayList<>();
      for (Record record : set.records()) {
        records.add(record == null ? null : record.bins);
      }
      sets.add(records);
    }
    return sets;
  }
}
