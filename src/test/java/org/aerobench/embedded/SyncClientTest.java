package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import com.aerospike.client.cluster.Node;
import com.aerospike.client.exp.Exp;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.BatchReadPolicy;
import com.aerospike.client.policy.ClientPolicy;
import com.aerospike.client.policy.RecordExistsAction;
import com.aerospike.client.policy.WritePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyncClientTest {

  static final String NS = "test";
  static EmbeddedAerospike server;
  static AerospikeClient client;

  @BeforeAll
  static void start() {
    ClientLog.capture();
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    ClientPolicy policy = new ClientPolicy();
    policy.tendInterval = 50;
    policy.timeout = 5_000;
    client = new AerospikeClient(policy, new Host(server.host(), server.port()));
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void client_stays_connected_to_one_node_through_tends_without_errors() throws Exception {
    Thread.sleep(400); // about 8 tend intervals
    Node[] nodes = client.getNodes();
    assertThat(nodes).hasSize(1);
    assertThat(nodes[0].isActive()).isTrue();
    assertThat(nodes[0].getName()).isEqualTo(server.nodeId());
    assertThat(client.isConnected()).isTrue();
    assertThat(ClientLog.problems()).isEmpty();
  }

  @Test
  void put_then_get_returns_every_bin_type_with_generation_one() {
    Key key = new Key(NS, "types", "k1");
    client.put(
        null,
        key,
        new Bin("i", 42L),
        new Bin("d", 2.5),
        new Bin("s", "hello"),
        new Bin("b", new byte[] {1, 2, 3}),
        new Bin("t", true),
        new Bin("l", List.of(1L, "two")),
        new Bin("m", Map.of("a", 1L)));

    Record r = client.get(null, key);

    assertThat(r.generation).isEqualTo(1);
    assertThat(r.getLong("i")).isEqualTo(42L);
    assertThat(r.getDouble("d")).isEqualTo(2.5);
    assertThat(r.getString("s")).isEqualTo("hello");
    assertThat((byte[]) r.getValue("b")).containsExactly(1, 2, 3);
    assertThat(r.getBoolean("t")).isTrue();
    assertThat(List.copyOf(r.getList("l"))).isEqualTo(List.of(1L, "two"));
    assertThat(Map.copyOf(r.getMap("m"))).isEqualTo(Map.of("a", 1L));
    assertThat(r.getTimeToLive()).isEqualTo(-1);
  }

  @Test
  void get_of_a_missing_key_returns_null_and_exists_is_false() {
    Key key = new Key(NS, "missing", "nope");
    assertThat(client.get(null, key)).isNull();
    assertThat(client.exists(null, key)).isFalse();
    assertThat(client.getHeader(null, key)).isNull();
  }

  @Test
  void named_bin_get_returns_only_those_bins_and_header_has_none() {
    Key key = new Key(NS, "named", 7);
    client.put(null, key, new Bin("a", 1), new Bin("b", 2), new Bin("c", 3));

    Record r = client.get(null, key, "a", "c", "zz");
    Record header = client.getHeader(null, key);

    assertThat(r.bins).containsOnlyKeys("a", "c");
    assertThat(header.bins).isNull();
    assertThat(header.generation).isEqualTo(1);
    assertThat(client.exists(null, key)).isTrue();
  }

  @Test
  void second_put_increments_generation_and_merges_bins() {
    Key key = new Key(NS, "gen", "g");
    client.put(null, key, new Bin("a", 1));
    client.put(null, key, new Bin("b", 2));

    Record r = client.get(null, key);

    assertThat(r.generation).isEqualTo(2);
    assertThat(r.bins).containsOnlyKeys("a", "b");
  }

  @Test
  void create_only_on_existing_key_fails_with_key_exists() {
    Key key = new Key(NS, "policy", "exists");
    client.put(null, key, new Bin("a", 1));
    WritePolicy createOnly = new WritePolicy();
    createOnly.recordExistsAction = RecordExistsAction.CREATE_ONLY;

    assertThatExceptionOfType(AerospikeException.class)
        .isThrownBy(() -> client.put(createOnly, key, new Bin("a", 2)))
        .satisfies(e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.KEY_EXISTS_ERROR));
  }

  @Test
  void replace_drops_bins_not_written_and_update_only_needs_a_record() {
    Key key = new Key(NS, "policy", "replace");
    client.put(null, key, new Bin("a", 1), new Bin("b", 2));
    WritePolicy replace = new WritePolicy();
    replace.recordExistsAction = RecordExistsAction.REPLACE;
    client.put(replace, key, new Bin("c", 3));
    WritePolicy updateOnly = new WritePolicy();
    updateOnly.recordExistsAction = RecordExistsAction.UPDATE_ONLY;

    assertThat(client.get(null, key).bins).containsOnlyKeys("c");
    assertThatExceptionOfType(AerospikeException.class)
        .isThrownBy(() -> client.put(updateOnly, new Key(NS, "policy", "none"), new Bin("a", 1)))
        .satisfies(e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.KEY_NOT_FOUND_ERROR));
  }

  @Test
  void delete_reports_whether_the_record_existed() {
    Key key = new Key(NS, "del", 1);
    client.put(null, key, new Bin("a", 1));

    assertThat(client.delete(null, key)).isTrue();
    assertThat(client.delete(null, key)).isFalse();
    assertThat(client.get(null, key)).isNull();
  }

  @Test
  void touch_bumps_generation_and_sets_ttl_and_fails_on_missing_record() {
    Key key = new Key(NS, "touch", 1);
    client.put(null, key, new Bin("a", 1));
    WritePolicy ttl = new WritePolicy();
    ttl.expiration = 1000;

    client.touch(ttl, key);
    Record r = client.get(null, key);

    assertThat(r.generation).isEqualTo(2);
    assertThat(r.getTimeToLive()).isBetween(990, 1000);
    assertThatExceptionOfType(AerospikeException.class)
        .isThrownBy(() -> client.touch(null, new Key(NS, "touch", "none")))
        .satisfies(e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.KEY_NOT_FOUND_ERROR));
  }

  @Test
  void expired_record_reads_as_absent() throws Exception {
    Key key = new Key(NS, "ttl", 1);
    WritePolicy ttl = new WritePolicy();
    ttl.expiration = 1;
    client.put(ttl, key, new Bin("a", 1));

    assertThat(client.exists(null, key)).isTrue();
    Thread.sleep(2_100);
    assertThat(client.get(null, key)).isNull();
  }

  @Test
  void operate_adds_appends_prepends_and_reads_in_one_call() {
    Key key = new Key(NS, "op", 1);
    client.put(null, key, new Bin("n", 10), new Bin("x", 1.5), new Bin("s", "mid"));

    Record r =
        client.operate(
            null,
            key,
            Operation.add(new Bin("n", 5)),
            Operation.add(new Bin("x", 1.0)),
            Operation.append(new Bin("s", ">")),
            Operation.prepend(new Bin("s", "<")),
            Operation.put(new Bin("w", "new")),
            Operation.get("n"),
            Operation.get("x"),
            Operation.get("s"),
            Operation.get("w"));

    assertThat(r.getLong("n")).isEqualTo(15);
    assertThat(r.getDouble("x")).isEqualTo(2.5);
    assertThat(r.getString("s")).isEqualTo("<mid>");
    assertThat(r.getString("w")).isEqualTo("new");
    assertThat(r.generation).isEqualTo(2);
  }

  @Test
  void operate_add_to_a_string_bin_fails_with_bin_type_error() {
    Key key = new Key(NS, "op", 2);
    client.put(null, key, new Bin("s", "text"));

    assertThatExceptionOfType(AerospikeException.class)
        .isThrownBy(() -> client.operate(null, key, Operation.add(new Bin("s", 1))))
        .satisfies(e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.BIN_TYPE_ERROR));
  }

  @Test
  void operate_touch_and_delete_ops_work() {
    Key key = new Key(NS, "op", 3);
    client.put(null, key, new Bin("a", 1));

    Record touched = client.operate(null, key, Operation.touch(), Operation.getHeader());
    client.operate(null, key, Operation.delete());

    assertThat(touched.generation).isEqualTo(2);
    assertThat(client.exists(null, key)).isFalse();
  }

  @Test
  void operate_get_all_returns_every_bin_after_writes() {
    Key key = new Key(NS, "op", 4);
    client.put(null, key, new Bin("a", 1));

    Record r = client.operate(null, key, Operation.put(new Bin("b", 2)), Operation.get());

    assertThat(r.bins).containsOnlyKeys("a", "b");
  }

  @Test
  void batch_get_reports_found_and_missing_keys_across_sets() {
    List<Key> keys = new ArrayList<>();
    for (String set : List.of("bs1", "bs2", "bs3")) {
      for (int i = 0; i < 10; i++) {
        Key key = new Key(NS, set, i);
        keys.add(key);
        if (i % 2 == 0) {
          client.put(null, key, new Bin("set", set), new Bin("i", i));
        }
      }
    }
    Key[] array = keys.toArray(new Key[0]);

    Record[] all = client.get(null, array);
    Record[] named = client.get(null, array, "i");
    Record[] headers = client.getHeader(null, array);
    boolean[] exists = client.exists(null, array);

    for (int k = 0; k < array.length; k++) {
      int i = k % 10;
      String set = array[k].setName;
      if (i % 2 == 0) {
        assertThat(all[k].getString("set")).isEqualTo(set);
        assertThat(all[k].getLong("i")).isEqualTo(i);
        assertThat(named[k].bins).containsOnlyKeys("i");
        assertThat(headers[k].generation).isEqualTo(1);
        assertThat(exists[k]).isTrue();
      } else {
        assertThat(all[k]).isNull();
        assertThat(named[k]).isNull();
        assertThat(headers[k]).isNull();
        assertThat(exists[k]).isFalse();
      }
    }
  }

  @Test
  void batch_get_with_a_filter_expression_leaves_out_the_records_it_rejects() {
    // Two keys: the client sends a one-key batch as a single-record command instead.
    Key[] keys = {new Key(NS, "bfilter", 1), new Key(NS, "bfilter", 10)};
    for (Key key : keys) {
      client.put(null, key, new Bin("i", key.userKey.toLong()));
    }
    BatchPolicy policy = new BatchPolicy();
    // The filter drops the first record; an unfiltered answer would return both.
    policy.filterExp = Exp.build(Exp.gt(Exp.intBin("i"), Exp.val(5)));

    Record[] records = client.get(policy, keys);

    assertThat(records[0]).isNull();
    assertThat(records[1].getLong("i")).isEqualTo(10);
  }

  @Test
  void batch_row_with_its_own_filter_expression_is_filtered_out_alone() {
    Key stored = new Key(NS, "bfilter", 2);
    client.put(null, stored, new Bin("i", 2));
    BatchReadPolicy rowPolicy = new BatchReadPolicy();
    rowPolicy.filterExp = Exp.build(Exp.gt(Exp.intBin("i"), Exp.val(100)));
    BatchRead filtered = new BatchRead(rowPolicy, stored, true);
    BatchRead plain = new BatchRead(stored, true);

    client.operate(null, List.<BatchRecord>of(filtered, plain));

    assertThat(filtered.resultCode).isEqualTo(ResultCode.FILTERED_OUT);
    assertThat(filtered.record).isNull();
    assertThat(plain.resultCode).isEqualTo(ResultCode.OK);
    assertThat(plain.record.getInt("i")).isEqualTo(2);
  }

  @Test
  void batch_read_list_sets_per_record_result_codes_and_bins() {
    Key found = new Key(NS, "br1", "found");
    Key other = new Key(NS, "br2", "other");
    Key missing = new Key(NS, "br1", "missing");
    client.put(null, found, new Bin("a", 1), new Bin("b", 2));
    client.put(null, other, new Bin("c", 3));
    List<BatchRead> reads =
        List.of(
            new BatchRead(found, new String[] {"a"}),
            new BatchRead(other, true),
            new BatchRead(missing, true),
            new BatchRead(found, false));

    boolean allFound = client.get(null, reads);

    assertThat(allFound).isFalse();
    assertThat(reads.get(0).resultCode).isEqualTo(ResultCode.OK);
    assertThat(reads.get(0).record.bins).containsOnlyKeys("a");
    assertThat(reads.get(1).record.getLong("c")).isEqualTo(3);
    assertThat(reads.get(2).resultCode).isEqualTo(ResultCode.KEY_NOT_FOUND_ERROR);
    assertThat(reads.get(2).record).isNull();
    assertThat(reads.get(3).record.bins).isNull();
    assertThat(reads.get(3).record.generation).isEqualTo(1);
  }

  @Test
  void batch_operate_reads_and_writes_per_record() {
    Key a = new Key(NS, "bo", "a");
    Key b = new Key(NS, "bo", "b");
    client.put(null, a, new Bin("n", 1));
    List<BatchRecord> records =
        List.of(
            new BatchRead(a, true),
            new com.aerospike.client.BatchWrite(
                b, new Operation[] {Operation.put(new Bin("n", 9))}),
            new BatchRead(new Key(NS, "bo", "none"), new Operation[] {Operation.get("n")}),
            new com.aerospike.client.BatchDelete(a));

    client.operate(null, records);

    assertThat(records.get(0).resultCode).isEqualTo(ResultCode.OK);
    assertThat(records.get(0).record.getLong("n")).isEqualTo(1);
    assertThat(records.get(1).resultCode).isEqualTo(ResultCode.OK);
    assertThat(client.get(null, b).getLong("n")).isEqualTo(9);
    assertThat(records.get(2).resultCode).isEqualTo(ResultCode.KEY_NOT_FOUND_ERROR);
    assertThat(records.get(3).resultCode).isEqualTo(ResultCode.OK);
    assertThat(client.exists(null, a)).isFalse();
  }

  @Test
  void null_set_records_written_by_batch_and_put_read_back_alike() {
    Key single = new Key(NS, null, "null-set-1");
    Key batched = new Key(NS, null, "null-set-2");
    client.put(null, single, new Bin("a", 1));
    client.operate(
        null,
        List.of(
            new com.aerospike.client.BatchWrite(
                batched, new Operation[] {Operation.put(new Bin("a", 2))})));

    Record[] records = client.get(null, new Key[] {single, batched});

    assertThat(records[0].getInt("a")).isEqualTo(1);
    assertThat(records[1].getInt("a")).isEqualTo(2);
  }

  @Test
  void scan_returns_every_record_of_the_set_only() {
    for (int i = 0; i < 50; i++) {
      client.put(null, new Key(NS, "scan1", i), new Bin("i", i));
    }
    client.put(null, new Key(NS, "scan2", 0), new Bin("i", -1));
    Map<Long, Record> seen = new ConcurrentHashMap<>();

    client.scanAll(null, NS, "scan1", (key, record) -> seen.put(record.getLong("i"), record));

    assertThat(seen).hasSize(50);
    assertThat(seen.keySet()).allMatch(i -> i >= 0 && i < 50);
  }

  @Test
  void query_of_a_set_without_filter_returns_every_record() {
    for (int i = 0; i < 30; i++) {
      client.put(null, new Key(NS, "query1", i), new Bin("i", i));
    }
    List<Long> seen = new ArrayList<>();
    com.aerospike.client.query.Statement statement = new com.aerospike.client.query.Statement();
    statement.setNamespace(NS);
    statement.setSetName("query1");

    try (com.aerospike.client.query.RecordSet rs = client.query(null, statement)) {
      while (rs.next()) {
        seen.add(rs.getRecord().getLong("i"));
      }
    }

    assertThat(seen).hasSize(30).doesNotHaveDuplicates();
  }

  @Test
  void rack_aware_client_tends_without_errors() throws Exception {
    ClientPolicy policy = new ClientPolicy();
    policy.rackAware = true;
    policy.rackId = 0;
    policy.tendInterval = 50;
    try (AerospikeClient rackAware =
        new AerospikeClient(policy, new Host(server.host(), server.port()))) {
      Thread.sleep(300);
      assertThat(rackAware.getNodes()).hasSize(1);
      assertThat(rackAware.getNodes()[0].hasRack(NS, 0)).isTrue();
    }
    assertThat(ClientLog.problems()).isEmpty();
  }

  @Test
  void truncate_of_a_set_removes_only_that_set() throws Exception {
    for (int i = 0; i < 20; i++) {
      client.put(null, new Key(NS, "trunc1", i), new Bin("i", i));
      client.put(null, new Key(NS, "trunc2", i), new Bin("i", i));
    }

    client.truncate(null, NS, "trunc1", null);

    assertThat(client.get(null, new Key(NS, "trunc1", 3))).isNull();
    assertThat(client.get(null, new Key(NS, "trunc2", 3))).isNotNull();
    List<Key> left = new ArrayList<>();
    client.scanAll(null, NS, "trunc1", (key, record) -> left.add(key));
    assertThat(left).isEmpty();
  }

  @Test
  void compressed_requests_are_inflated_and_answered() {
    WritePolicy compress = new WritePolicy();
    compress.compress = true;
    com.aerospike.client.policy.BatchPolicy batchCompress =
        new com.aerospike.client.policy.BatchPolicy();
    batchCompress.compress = true;
    Key key = new Key(NS, "zip", 1);
    String big = "x".repeat(10_000);

    client.put(compress, key, new Bin("big", big));
    Record[] batch = client.get(batchCompress, new Key[] {key, new Key(NS, "zip", 2)});

    com.aerospike.client.policy.Policy readCompress = new com.aerospike.client.policy.Policy();
    readCompress.compress = true; // the reply comes back compressed too
    assertThat(client.get(readCompress, key).getString("big")).isEqualTo(big);
    assertThat(client.get(null, key).getString("big")).isEqualTo(big);
    assertThat(batch[0].getString("big")).isEqualTo(big);
    assertThat(batch[1]).isNull();
  }

  @Test
  void large_batch_of_1800_keys_over_9_sets_comes_back_complete() {
    List<Key> keys = new ArrayList<>();
    for (int s = 0; s < 9; s++) {
      for (int i = 0; i < 200; i++) {
        Key key = new Key(NS, "big" + s, i);
        keys.add(key);
        if (i % 4 != 0) {
          client.put(null, key, new Bin("s", s), new Bin("i", i), new Bin("pad", "p".repeat(50)));
        }
      }
    }

    Record[] records = client.get(null, keys.toArray(new Key[0]));

    long found = java.util.Arrays.stream(records).filter(java.util.Objects::nonNull).count();
    assertThat(found).isEqualTo(9 * 150);
    assertThat(records[1].getLong("i")).isEqualTo(1);
    assertThat(records[1799].getLong("s")).isEqualTo(8);
  }

  @Test
  void write_with_user_key_is_returned_by_scan() {
    WritePolicy sendKey = new WritePolicy();
    sendKey.sendKey = true;
    client.put(sendKey, new Key(NS, "keyed", "user-key-1"), new Bin("a", 1));
    List<Value> keys = new ArrayList<>();

    client.scanAll(null, NS, "keyed", (key, record) -> keys.add(key.userKey));

    assertThat(keys).extracting(Value::toString).containsExactly("user-key-1");
  }
}
