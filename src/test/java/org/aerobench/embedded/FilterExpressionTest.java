package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchDelete;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.exp.Exp;
import com.aerospike.client.exp.ListExp;
import com.aerospike.client.policy.BatchDeletePolicy;
import com.aerospike.client.policy.BatchPolicy;
import com.aerospike.client.policy.BatchWritePolicy;
import com.aerospike.client.policy.Policy;
import com.aerospike.client.policy.ScanPolicy;
import com.aerospike.client.policy.WritePolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FilterExpressionTest {

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

  private static WritePolicy writeIf(Exp filter, boolean fail) {
    WritePolicy p = new WritePolicy();
    p.filterExp = Exp.build(filter);
    p.failOnFilteredOut = fail;
    return p;
  }

  private static Policy readIf(Exp filter) {
    Policy p = new Policy();
    p.filterExp = Exp.build(filter);
    p.failOnFilteredOut = true;
    return p;
  }

  private static Exp aIs(long v) {
    return Exp.eq(Exp.intBin("a"), Exp.val(v));
  }

  private static void assertCode(int code, ThrowingCallable call) {
    assertThatExceptionOfType(AerospikeException.class)
        .isThrownBy(call)
        .satisfies(e -> assertThat(e.getResultCode()).isEqualTo(code));
  }

  @Test
  void a_read_returns_the_record_only_when_the_filter_is_true() {
    Key key = new Key("test", "fget", 1);
    client.put(null, key, new Bin("a", 1));
    Policy quiet = new Policy();
    quiet.filterExp = Exp.build(aIs(2));

    assertThat(client.get(readIf(aIs(1)), key).getInt("a")).isEqualTo(1);
    assertThat(client.get(quiet, key)).isNull();
    assertCode(ResultCode.FILTERED_OUT, () -> client.get(readIf(aIs(2)), key));
    assertCode(ResultCode.FILTERED_OUT, () -> client.exists(readIf(aIs(2)), key));
    assertThat(client.exists(readIf(aIs(1)), key)).isTrue();
  }

  @Test
  void a_filter_on_a_missing_bin_is_unknown_and_filters_out_even_negated() {
    Key key = new Key("test", "funknown", 1);
    client.put(null, key, new Bin("a", 1));
    Exp missing = Exp.eq(Exp.intBin("nope"), Exp.val(1));

    assertCode(ResultCode.FILTERED_OUT, () -> client.get(readIf(missing), key));
    assertCode(ResultCode.FILTERED_OUT, () -> client.get(readIf(Exp.not(missing)), key));
    // or() can still decide: one true argument makes it true.
    assertThat(client.get(readIf(Exp.or(missing, aIs(1))), key)).isNotNull();
  }

  @Test
  void writes_deletes_and_touches_change_only_records_that_pass() {
    Key key = new Key("test", "fwrite", 1);
    client.put(null, key, new Bin("a", 1));

    assertCode(
        ResultCode.FILTERED_OUT, () -> client.put(writeIf(aIs(2), true), key, new Bin("a", 9)));
    assertCode(ResultCode.FILTERED_OUT, () -> client.delete(writeIf(aIs(2), true), key));
    assertCode(ResultCode.FILTERED_OUT, () -> client.touch(writeIf(aIs(2), true), key));
    assertCode(
        ResultCode.FILTERED_OUT,
        () -> client.operate(writeIf(aIs(2), true), key, Operation.put(new Bin("a", 9))));
    assertThat(client.get(null, key).generation).isEqualTo(1);

    client.put(writeIf(aIs(1), true), key, new Bin("a", 3));
    assertThat(client.get(null, key).getInt("a")).isEqualTo(3);
    assertThat(client.delete(writeIf(aIs(3), true), key)).isTrue();
    assertThat(client.exists(null, key)).isFalse();
  }

  @Test
  void a_write_that_creates_the_record_is_not_filtered() {
    Key key = new Key("test", "fcreate", 1);
    client.delete(null, key);

    client.put(writeIf(aIs(42), true), key, new Bin("a", 1));

    assertThat(client.get(null, key).getInt("a")).isEqualTo(1);
  }

  @Test
  void an_ill_typed_or_non_boolean_filter_is_a_parameter_error() {
    Key key = new Key("test", "ftype", 1);
    client.put(null, key, new Bin("a", 1));

    assertCode(
        ResultCode.PARAMETER_ERROR,
        () -> client.get(readIf(Exp.eq(Exp.intBin("a"), Exp.val("1"))), key));
    assertCode(ResultCode.PARAMETER_ERROR, () -> client.get(readIf(Exp.intBin("a")), key));
  }

  @Test
  void a_list_filter_answers_unsupported_feature_and_changes_nothing() {
    Key key = new Key("test", "flist", 1);
    client.put(null, key, new Bin("l", List.of(1, 2)));
    Exp listFilter = Exp.gt(ListExp.size(Exp.listBin("l")), Exp.val(0));

    assertCode(ResultCode.UNSUPPORTED_FEATURE, () -> client.get(readIf(listFilter), key));
    assertCode(ResultCode.UNSUPPORTED_FEATURE, () -> client.delete(writeIf(listFilter, true), key));
    assertThat(client.exists(null, key)).isTrue();
  }

  @Test
  void batch_rows_answer_filtered_out_and_a_row_filter_overrides_the_batch_filter() {
    Key a = new Key("test", "fbatch", "a");
    Key b = new Key("test", "fbatch", "b");
    Key c = new Key("test", "fbatch", "c");
    client.put(null, a, new Bin("a", 1));
    client.put(null, b, new Bin("a", 2));
    client.put(null, c, new Bin("a", 0));
    BatchWritePolicy writeIfOne = new BatchWritePolicy();
    writeIfOne.filterExp = Exp.build(aIs(1));
    BatchDeletePolicy deleteIfZero = new BatchDeletePolicy();
    deleteIfZero.filterExp = Exp.build(aIs(0));
    Operation[] put = Operation.array(Operation.put(new Bin("a", 3)));
    List<BatchRecord> rows =
        List.of(
            new BatchWrite(writeIfOne, a, put),
            new BatchWrite(writeIfOne, b, put),
            new BatchDelete(deleteIfZero, c));
    BatchPolicy batchFilter = new BatchPolicy();
    batchFilter.filterExp = Exp.build(aIs(99)); // would reject all three, but rows have their own

    boolean allOk = client.operate(batchFilter, rows);

    assertThat(allOk).isFalse();
    assertThat(rows.get(0).resultCode).isEqualTo(ResultCode.OK);
    assertThat(rows.get(1).resultCode).isEqualTo(ResultCode.FILTERED_OUT);
    assertThat(rows.get(2).resultCode).isEqualTo(ResultCode.OK);
    Record[] after = client.get(null, new Key[] {a, b, c});
    assertThat(after[0].getInt("a")).isEqualTo(3);
    assertThat(after[1].getInt("a")).isEqualTo(2);
    assertThat(after[2]).isNull();
  }

  @Test
  void a_scan_returns_only_the_records_that_pass() {
    for (int i = 0; i < 10; i++) {
      client.put(null, new Key("test", "fscan", i), new Bin("a", i));
    }
    ScanPolicy policy = new ScanPolicy();
    policy.filterExp = Exp.build(Exp.ge(Exp.intBin("a"), Exp.val(7)));
    List<Long> seen = Collections.synchronizedList(new ArrayList<>());

    client.scanAll(policy, "test", "fscan", (k, r) -> seen.add(r.getLong("a")));

    assertThat(seen).containsExactlyInAnyOrder(7L, 8L, 9L);
  }
}
