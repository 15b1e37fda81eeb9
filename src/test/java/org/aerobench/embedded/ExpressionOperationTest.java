package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.BatchRead;
import com.aerospike.client.BatchRecord;
import com.aerospike.client.BatchWrite;
import com.aerospike.client.Bin;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.exp.Exp;
import com.aerospike.client.exp.ExpOperation;
import com.aerospike.client.exp.ExpReadFlags;
import com.aerospike.client.exp.ExpWriteFlags;
import com.aerospike.client.exp.Expression;
import com.aerospike.client.exp.ListExp;
import com.aerospike.client.policy.WritePolicy;
import com.aerospike.client.query.RegexFlag;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExpressionOperationTest {

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

  private static Object read(Key key, Exp exp) {
    Record r =
        client.operate(null, key, ExpOperation.read("r", Exp.build(exp), ExpReadFlags.DEFAULT));
    return r.getValue("r");
  }

  private static void assertCode(int code, ThrowingCallable call) {
    assertThatExceptionOfType(AerospikeException.class)
        .isThrownBy(call)
        .satisfies(e -> assertThat(e.getResultCode()).isEqualTo(code));
  }

  @Test
  void an_expression_read_returns_its_result_and_leaves_the_record_unchanged() {
    Key key = new Key("test", "expread", 1);
    client.put(null, key, new Bin("a", 6));

    assertThat(read(key, Exp.mul(Exp.intBin("a"), Exp.val(8)))).isEqualTo(48L);
    Record after = client.get(null, key);
    assertThat(after.generation).isEqualTo(1);
    assertThat(after.bins).containsOnlyKeys("a");
  }

  @Test
  void an_expression_write_stores_its_result_and_later_operations_see_it() {
    Key key = new Key("test", "expwrite", 1);
    client.put(null, key, new Bin("a", 6));
    Expression plus = Exp.build(Exp.add(Exp.intBin("a"), Exp.val(1000)));

    Record r =
        client.operate(
            null,
            key,
            ExpOperation.write("b", plus, ExpWriteFlags.DEFAULT),
            ExpOperation.read("r", Exp.build(Exp.intBin("b")), ExpReadFlags.DEFAULT));

    assertThat(r.getLong("r")).isEqualTo(1006L);
    assertThat(client.get(null, key).getLong("b")).isEqualTo(1006L);
  }

  @Test
  void reading_a_missing_bin_fails_unless_eval_no_fail_which_returns_nil() {
    Key key = new Key("test", "expnofail", 1);
    client.put(null, key, new Bin("a", 1));
    Expression missing = Exp.build(Exp.add(Exp.intBin("nope"), Exp.val(4)));

    assertCode(
        ResultCode.OP_NOT_APPLICABLE,
        () -> client.operate(null, key, ExpOperation.read("r", missing, ExpReadFlags.DEFAULT)));
    Record r =
        client.operate(null, key, ExpOperation.read("r", missing, ExpReadFlags.EVAL_NO_FAIL));
    assertThat(r).isNotNull();
    assertThat(r.getValue("r")).isNull();
  }

  @Test
  void create_only_and_update_only_fail_on_the_bin_unless_policy_no_fail() {
    Key key = new Key("test", "exppolicy", 1);
    client.put(null, key, new Bin("a", 1));
    Expression five = Exp.build(Exp.val(5));

    assertCode(
        ResultCode.BIN_EXISTS_ERROR,
        () -> client.operate(null, key, ExpOperation.write("a", five, ExpWriteFlags.CREATE_ONLY)));
    assertCode(
        ResultCode.BIN_NOT_FOUND,
        () -> client.operate(null, key, ExpOperation.write("b", five, ExpWriteFlags.UPDATE_ONLY)));
    client.operate(
        null,
        key,
        ExpOperation.write("a", five, ExpWriteFlags.CREATE_ONLY | ExpWriteFlags.POLICY_NO_FAIL),
        ExpOperation.write("b", five, ExpWriteFlags.UPDATE_ONLY | ExpWriteFlags.POLICY_NO_FAIL));

    Record r = client.get(null, key);
    assertThat(r.bins).containsOnlyKeys("a");
    assertThat(r.getLong("a")).isEqualTo(1L);
  }

  @Test
  void a_nil_result_deletes_the_bin_only_with_allow_delete() {
    Key key = new Key("test", "expdelete", 1);
    client.put(null, key, new Bin("a", 1), new Bin("b", 2));
    Expression nil = Exp.build(Exp.nil());

    assertCode(
        ResultCode.OP_NOT_APPLICABLE,
        () -> client.operate(null, key, ExpOperation.write("a", nil, ExpWriteFlags.DEFAULT)));
    assertThat(client.get(null, key).bins).containsOnlyKeys("a", "b");
    client.operate(null, key, ExpOperation.write("a", nil, ExpWriteFlags.ALLOW_DELETE));
    assertThat(client.get(null, key).bins).containsOnlyKeys("b");
  }

  @Test
  void an_ill_typed_expression_is_a_parameter_error() {
    Key key = new Key("test", "exptype", 1);
    client.put(null, key, new Bin("a", 1));

    assertCode(ResultCode.PARAMETER_ERROR, () -> read(key, Exp.add(Exp.intBin("a"), Exp.val(1.5))));
    assertCode(ResultCode.PARAMETER_ERROR, () -> read(key, Exp.pow(Exp.val(2), Exp.val(3))));
  }

  @Test
  void a_list_expression_answers_unsupported_feature() {
    Key key = new Key("test", "explist", 1);
    client.put(null, key, new Bin("l", List.of(1, 2, 3)));

    assertCode(ResultCode.UNSUPPORTED_FEATURE, () -> read(key, ListExp.size(Exp.listBin("l"))));
  }

  @Test
  void let_cond_and_arithmetic_follow_the_server() {
    Key key = new Key("test", "explet", 1);
    client.put(null, key, new Bin("a", 7), new Bin("f", 2.5));
    Exp sizeOfA =
        Exp.let(
            Exp.def("x", Exp.mul(Exp.intBin("a"), Exp.val(2))),
            Exp.cond(
                Exp.gt(Exp.var("x"), Exp.val(10)),
                Exp.val("big"),
                Exp.eq(Exp.var("x"), Exp.val(0)),
                Exp.val("zero"),
                Exp.val("small")));

    assertThat(read(key, sizeOfA)).isEqualTo("big");
    assertThat(read(key, Exp.div(Exp.val(100), Exp.val(5), Exp.val(2)))).isEqualTo(10L);
    assertThat(read(key, Exp.mod(Exp.val(-7), Exp.val(3)))).isEqualTo(-1L);
    assertThat(read(key, Exp.toInt(Exp.floatBin("f")))).isEqualTo(2L);
    assertThat(read(key, Exp.pow(Exp.floatBin("f"), Exp.val(2.0)))).isEqualTo(6.25);
    assertThat(read(key, Exp.min(Exp.intBin("a"), Exp.val(3), Exp.val(9)))).isEqualTo(3L);
    assertThat(read(key, Exp.floor(Exp.val(-2.5)))).isEqualTo(-3.0);
    assertCode(ResultCode.OP_NOT_APPLICABLE, () -> read(key, Exp.div(Exp.intBin("a"), Exp.val(0))));
  }

  @Test
  void integer_bit_operations_count_from_the_most_significant_bit() {
    Key key = new Key("test", "expbits", 1);
    client.put(null, key, new Bin("a", 0b1011));

    assertThat(read(key, Exp.count(Exp.intBin("a")))).isEqualTo(3L);
    assertThat(read(key, Exp.lscan(Exp.intBin("a"), Exp.val(true)))).isEqualTo(60L);
    assertThat(read(key, Exp.rscan(Exp.intBin("a"), Exp.val(true)))).isEqualTo(63L);
    assertThat(read(key, Exp.rscan(Exp.val(0), Exp.val(true)))).isEqualTo(-1L);
    assertThat(read(key, Exp.intXor(Exp.intBin("a"), Exp.val(0b0110)))).isEqualTo(0b1101L);
    assertThat(read(key, Exp.rshift(Exp.val(-1), Exp.val(60)))).isEqualTo(15L);
    assertThat(read(key, Exp.arshift(Exp.val(-16), Exp.val(2)))).isEqualTo(-4L);
  }

  @Test
  void metadata_and_key_expressions_describe_the_stored_record() {
    Key key = new Key("test", "expmeta", "k1");
    WritePolicy sendKey = new WritePolicy();
    sendKey.sendKey = true;
    client.put(sendKey, key, new Bin("s", "abcde"));

    assertThat(read(key, Exp.key(Exp.Type.STRING))).isEqualTo("k1");
    assertThat(read(key, Exp.keyExists())).isEqualTo(true);
    assertThat(read(key, Exp.setName())).isEqualTo("expmeta");
    assertThat(read(key, Exp.ttl())).isEqualTo(-1L);
    assertThat(read(key, Exp.deviceSize())).isEqualTo(0L);
    assertThat((Long) read(key, Exp.recordSize())).isPositive();
    assertThat((Long) read(key, Exp.lastUpdate()) / 1_000_000)
        .isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
    assertThat(read(key, Exp.binType("s"))).isEqualTo(3L);
    assertThat(read(key, Exp.binExists("nope"))).isEqualTo(false);
    assertThat(read(key, Exp.regexCompare("^AB.*e$", RegexFlag.ICASE, Exp.stringBin("s"))))
        .isEqualTo(true);
  }

  @Test
  void batch_rows_run_expression_reads_and_writes() {
    Key key = new Key("test", "expbatch", 1);
    client.put(null, key, new Bin("a", 6));
    BatchWrite write =
        new BatchWrite(
            key,
            Operation.array(
                ExpOperation.write(
                    "b",
                    Exp.build(Exp.add(Exp.intBin("a"), Exp.val(1000))),
                    ExpWriteFlags.DEFAULT)));
    client.operate(null, List.<BatchRecord>of(write));
    BatchRead read =
        new BatchRead(
            key,
            Operation.array(
                ExpOperation.read(
                    "r", Exp.build(Exp.mul(Exp.intBin("b"), Exp.val(2))), ExpReadFlags.DEFAULT)));
    client.operate(null, List.<BatchRecord>of(read));

    assertThat(write.resultCode).isEqualTo(ResultCode.OK);
    assertThat(read.resultCode).isEqualTo(ResultCode.OK);
    assertThat(read.record.getLong("r")).isEqualTo(2012L);
  }
}
