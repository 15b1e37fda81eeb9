package org.aerobench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aerospike.client.AerospikeException;
import com.aerospike.client.Key;
import com.aerospike.client.Record;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.aerobench.data.Fixtures;
import org.aerobench.data.KeyPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mode logic over a fake reader whose record for a key is a function of its digest. */
class ReadModesTest {

  private final KeyPlan plan = KeyPlan.of(Fixtures.load(), "test", 9, 17);

  /** Found when the digest's first byte is even; the record names the set and user key. */
  private static Record fake(Key key) {
    return (key.digest[0] & 1) == 0
        ? new Record(Map.of("set", key.setName, "key", key.userKey.toString()), 1, 0)
        : null;
  }

  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

  private final BatchReader fakeReader =
      keys -> {
        batchSizes.add(keys.length);
        Record[] records = new Record[keys.length];
        for (int i = 0; i < keys.length; i++) {
          records[i] = fake(keys[i]);
        }
        // Complete later on another thread, as a real style does.
        return CompletableFuture.supplyAsync(
            () -> new TimedRecords(records, new CallSpan(0, 500, 1500)),
            CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS));
      };

  @ParameterizedTest
  @EnumSource(ReadMode.class)
  void every_mode_returns_each_sets_records_in_plan_order(ReadMode mode) throws Exception {
    LookupResult result = ReadModes.read(fakeReader, plan, mode).get(5, TimeUnit.SECONDS);

    assertThat(result.sets()).hasSize(9);
    for (int s = 0; s < 9; s++) {
      SetRecords set = result.sets().get(s);
      assertThat(set.set()).isEqualTo(plan.sets().get(s).set());
      assertThat(set.records()).hasSize(17);
      for (int i = 0; i < 17; i++) {
        Key key = plan.sets().get(s).keys().get(i);
        Record expected = fake(key);
        if (expected == null) {
          assertThat(set.records()[i]).isNull();
        } else {
          assertThat(set.records()[i].bins).isEqualTo(expected.bins);
        }
      }
    }
    assertThat(result.total()).isEqualTo(9 * 17);
  }

  @Test
  void single_mode_makes_one_call_and_has_no_per_set_times() throws Exception {
    LookupResult result =
        ReadModes.read(fakeReader, plan, ReadMode.SINGLE).get(5, TimeUnit.SECONDS);

    assertThat(batchSizes).containsExactly(9 * 17);
    assertThat(result.sets()).allSatisfy(s -> assertThat(s.readNanos()).isEqualTo(-1));
  }

  @ParameterizedTest
  @EnumSource(
      value = ReadMode.class,
      names = {"GATHER", "SEQUENTIAL", "MERGE_GATHER"})
  void per_set_modes_make_one_call_per_set_and_keep_its_time(ReadMode mode) throws Exception {
    LookupResult result = ReadModes.read(fakeReader, plan, mode).get(5, TimeUnit.SECONDS);

    assertThat(batchSizes).hasSize(9).containsOnly(17);
    assertThat(result.sets()).allSatisfy(s -> assertThat(s.readNanos()).isEqualTo(1000));
  }

  @Test
  void sequential_mode_issues_a_call_only_after_the_previous_answered() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    BatchReader reader =
        keys -> {
          events.add("start " + keys[0].setName);
          return fakeReader.read(keys).whenComplete((r, t) -> events.add("end " + keys[0].setName));
        };

    ReadModes.read(reader, plan, ReadMode.SEQUENTIAL).get(5, TimeUnit.SECONDS);

    for (int i = 0; i < events.size(); i += 2) {
      String set = events.get(i).substring("start ".length());
      assertThat(events.get(i + 1)).isEqualTo("end " + set);
    }
    assertThat(events).hasSize(18);
  }

  @ParameterizedTest
  @EnumSource(ReadMode.class)
  void a_failed_call_fails_the_read_with_the_clients_exception_unwrapped(ReadMode mode) {
    AerospikeException failure =
        new AerospikeException.Timeout(new com.aerospike.client.policy.Policy(), true);
    BatchReader failing = keys -> CompletableFuture.failedFuture(failure);

    CompletableFuture<LookupResult> result = ReadModes.read(failing, plan, mode);

    assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isSameAs(failure);
  }
}
