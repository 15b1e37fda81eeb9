package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.policy.GenerationPolicy;
import com.aerospike.client.policy.WritePolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WriteSemanticsTest {

  static EmbeddedAerospike server;
  static AerospikeClient client;

  @BeforeAll
  static void start() {
    server = EmbeddedAerospike.start();
    client = new AerospikeClient(server.host(), server.port());
  }

  @AfterAll
  static void stop() {
    client.close();
    server.close();
  }

  @Test
  void expect_generation_equal_rejects_a_stale_generation() {
    Key key = new Key("test", "gen", 1);
    client.put(null, key, new Bin("a", 1));
    client.put(null, key, new Bin("a", 2));
    WritePolicy stale = new WritePolicy();
    stale.generationPolicy = GenerationPolicy.EXPECT_GEN_EQUAL;
    stale.generation = 1;
    WritePolicy current = new WritePolicy();
    current.generationPolicy = GenerationPolicy.EXPECT_GEN_EQUAL;
    current.generation = 2;

    assertThatExceptionOfType(AerospikeException.class)
        .isThrownBy(() -> client.put(stale, key, new Bin("a", 3)))
        .satisfies(e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.GENERATION_ERROR));
    client.put(current, key, new Bin("a", 4));
    assertThat(client.get(null, key).getInt("a")).isEqualTo(4);
  }

  @Test
  void ttl_minus_two_keeps_the_current_expiry_and_minus_one_never_expires() {
    Key key = new Key("test", "ttl", 1);
    WritePolicy hour = new WritePolicy();
    hour.expiration = 3600;
    WritePolicy keep = new WritePolicy();
    keep.expiration = -2;
    WritePolicy never = new WritePolicy();
    never.expiration = -1;

    client.put(hour, key, new Bin("a", 1));
    client.put(keep, key, new Bin("a", 2));
    int kept = client.get(null, key).getTimeToLive();
    client.put(never, key, new Bin("a", 3));

    assertThat(kept).isBetween(3590, 3600);
    assertThat(client.get(null, key).getTimeToLive()).isEqualTo(-1);
  }

  @Test
  void writing_a_null_bin_removes_it_and_removing_the_last_bin_deletes_the_record() {
    Key key = new Key("test", "nullbin", 1);
    client.put(null, key, new Bin("a", 1), new Bin("b", 2));

    client.put(null, key, Bin.asNull("a"));
    Record afterOne = client.get(null, key);
    client.put(null, key, Bin.asNull("b"));

    assertThat(afterOne.bins).containsOnlyKeys("b");
    assertThat(client.get(null, key)).isNull();
  }

  @Test
  void operate_with_respond_all_ops_returns_one_result_per_op() {
    Key key = new Key("test", "respond", 1);
    client.put(null, key, new Bin("n", 1));
    WritePolicy all = new WritePolicy();
    all.respondAllOps = true;

    Record r = client.operate(all, key, Operation.add(new Bin("n", 1)), Operation.get("n"));

    assertThat(r.getList("n")).hasSize(2).last().isEqualTo(2L);
  }

  @Test
  void unsupported_bit_operation_is_refused_with_a_result_code() {
    Key key = new Key("test", "bits", 1);
    client.put(null, key, new Bin("b", new byte[] {1, 2}));

    assertThatExceptionOfType(AerospikeException.class)
        .isThrownBy(
            () ->
                client.operate(
                    null, key, com.aerospike.client.operation.BitOperation.get("b", 0, 8)))
        .satisfies(e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.UNSUPPORTED_FEATURE));
  }
}
