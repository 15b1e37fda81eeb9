package org.aerobench.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.aerospike.client.AerospikeClient;
import com.aerospike.client.AerospikeException;
import com.aerospike.client.Bin;
import com.aerospike.client.Host;
import com.aerospike.client.Key;
import com.aerospike.client.Operation;
import com.aerospike.client.Record;
import com.aerospike.client.ResultCode;
import com.aerospike.client.Value;
import com.aerospike.client.cdt.CTX;
import com.aerospike.client.cdt.ListOperation;
import com.aerospike.client.cdt.ListOrder;
import com.aerospike.client.cdt.ListPolicy;
import com.aerospike.client.cdt.ListReturnType;
import com.aerospike.client.cdt.ListSortFlags;
import com.aerospike.client.cdt.ListWriteFlags;
import com.aerospike.client.policy.ClientPolicy;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** List operations through the official client against the embedded server. */
class CdtListTest {

  static EmbeddedAerospike server;
  static AerospikeClient client;

  @BeforeAll
  static void start() {
    server = EmbeddedAerospike.start(EmbeddedConfig.defaults());
    ClientPolicy policy = new ClientPolicy();
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

  private static Key key(String name) {
    Key k = new Key("test", "cdtlist", name);
    client.delete(null, k);
    return k;
  }

  private static List<Value> values(Object... vs) {
    return java.util.Arrays.stream(vs).map(Value::get).toList();
  }

  /** The client's wildcard collections as a list AssertJ can match elements against. */
  private static List<Object> objects(java.util.Collection<?> values) {
    return new java.util.ArrayList<>(values);
  }

  private static void assertCode(int code, ThrowingCallable call) {
    assertThatExceptionOfType(AerospikeException.class)
        .isThrownBy(call)
        .satisfies(e -> assertThat(e.getResultCode()).isEqualTo(code));
  }

  @Test
  void append_answers_the_new_size_and_the_list_reads_back_through_get() {
    Key k = key("append");

    Record r =
        client.operate(
            null,
            k,
            ListOperation.append("l", Value.get(5)),
            ListOperation.appendItems("l", values("a", 2.5, true)),
            ListOperation.getRange("l", 1, 2));

    assertThat(objects(r.getList("l"))).containsExactly(1L, 4L, List.of("a", 2.5));
    assertThat(objects(client.get(null, k).getList("l"))).containsExactly(5L, "a", 2.5, true);
  }

  @Test
  void an_ordered_list_keeps_its_values_sorted_and_reads_back_sorted() {
    Key k = key("ordered");
    ListPolicy ordered = new ListPolicy(ListOrder.ORDERED, ListWriteFlags.DEFAULT);

    client.operate(null, k, ListOperation.appendItems(ordered, "l", values(9, 1, 5, 3)));
    Record r =
        client.operate(
            null,
            k,
            ListOperation.append(ordered, "l", Value.get(4)),
            ListOperation.getByRankRange("l", -2, 2, ListReturnType.VALUE),
            ListOperation.getByValue("l", Value.get(4), ListReturnType.INDEX));

    assertThat(objects(r.getList("l"))).containsExactly(5L, List.of(5L, 9L), List.of(2L));
    assertThat(objects(client.get(null, k).getList("l"))).containsExactly(1L, 3L, 4L, 5L, 9L);
  }

  @Test
  void a_wildcard_in_a_value_matches_the_rest_of_a_nested_list() {
    Key k = key("wildcard");
    client.operate(
        null,
        k,
        ListOperation.appendItems(
            "l",
            List.of(
                Value.get(values("John", 55)),
                Value.get(values("Jim", 95)),
                Value.get(values("Joe", 80)))));

    Record r =
        client.operate(
            null,
            k,
            ListOperation.getByValue(
                "l", Value.get(List.of(Value.get("Jim"), Value.WILDCARD)), ListReturnType.VALUE));

    assertThat(objects(r.getList("l"))).containsExactly(List.of("Jim", 95L));
  }

  @Test
  void a_value_range_up_to_infinity_takes_the_largest_values() {
    Key k = key("infinity");
    client.operate(null, k, ListOperation.appendItems("l", values(7, 20, 3, 11)));

    Record r =
        client.operate(
            null,
            k,
            ListOperation.getByValueRange(
                "l", Value.get(10), Value.INFINITY, ListReturnType.VALUE));

    assertThat(objects(r.getList("l"))).containsExactly(20L, 11L);
  }

  @Test
  void inverted_selects_the_complement_and_remove_by_value_takes_every_copy() {
    Key k = key("inverted");
    client.operate(null, k, ListOperation.appendItems("l", values(4, 3, 1, 3, 2)));

    Record r =
        client.operate(
            null,
            k,
            ListOperation.getByIndexRange(
                "l", 1, 2, ListReturnType.VALUE | ListReturnType.INVERTED),
            ListOperation.removeByValue("l", Value.get(3), ListReturnType.INDEX),
            ListOperation.size("l"));

    assertThat(objects(r.getList("l"))).containsExactly(List.of(4L, 3L, 2L), List.of(1L, 3L), 3L);
  }

  @Test
  void add_unique_with_no_fail_and_partial_adds_only_the_new_values() {
    Key k = key("unique");
    int uniqueFlags = ListWriteFlags.ADD_UNIQUE | ListWriteFlags.NO_FAIL;
    ListPolicy partial = new ListPolicy(ListOrder.UNORDERED, uniqueFlags | ListWriteFlags.PARTIAL);
    ListPolicy allOrNothing = new ListPolicy(ListOrder.UNORDERED, uniqueFlags);
    client.operate(null, k, ListOperation.appendItems("l", values(1, 2)));

    Record r =
        client.operate(
            null,
            k,
            ListOperation.appendItems(allOrNothing, "l", values(2, 3)),
            ListOperation.appendItems(partial, "l", values(2, 3)));

    assertThat(objects(r.getList("l"))).containsExactly(2L, 3L);
    assertCode(
        24, // ELEMENT_EXISTS
        () ->
            client.operate(
                null,
                k,
                ListOperation.append(
                    new ListPolicy(ListOrder.UNORDERED, ListWriteFlags.ADD_UNIQUE),
                    "l",
                    Value.get(1))));
  }

  @Test
  void a_context_reaches_a_nested_list_and_create_makes_a_missing_one() {
    Key k = key("nested");
    client.put(null, k, new Bin("l", List.of(List.of(7L, 9L), List.of(1L, 2L, 3L))));

    Record r =
        client.operate(
            null,
            k,
            ListOperation.append("l", Value.get(11), CTX.listIndex(-1)),
            ListOperation.append(
                "l", Value.get(4), CTX.listIndexCreate(2, ListOrder.UNORDERED, false)),
            Operation.get("l"));

    assertThat(objects(r.getList("l")))
        .containsExactly(4L, 1L, List.of(List.of(7L, 9L), List.of(1L, 2L, 3L, 11L), List.of(4L)));
  }

  @Test
  void increment_and_sort_with_drop_duplicates_change_the_list() {
    Key k = key("increment");
    client.operate(null, k, ListOperation.appendItems("l", values(3, 1, 3, 2)));

    Record r =
        client.operate(
            null,
            k,
            ListOperation.increment("l", 1, Value.get(5)),
            ListOperation.sort("l", ListSortFlags.DROP_DUPLICATES),
            Operation.get("l"));

    assertThat(objects(r.getList("l"))).containsExactly(6L, List.of(2L, 3L, 6L));
  }

  @Test
  void an_index_out_of_bounds_fails_the_command_and_changes_nothing() {
    Key k = key("bounds");
    client.operate(null, k, ListOperation.appendItems("l", values(1, 2)));

    assertCode(
        ResultCode.OP_NOT_APPLICABLE,
        () ->
            client.operate(
                null, k, ListOperation.append("l", Value.get(3)), ListOperation.get("l", 5)));
    assertThat(objects(client.get(null, k).getList("l"))).containsExactly(1L, 2L);
  }

  @Test
  void a_list_operation_on_a_string_bin_is_a_bin_type_error() {
    Key k = key("type");
    client.put(null, k, new Bin("s", "text"));

    assertCode(
        ResultCode.BIN_TYPE_ERROR,
        () -> client.operate(null, k, ListOperation.append("s", Value.get(1))));
    assertCode(ResultCode.BIN_TYPE_ERROR, () -> client.operate(null, k, ListOperation.size("s")));
  }

  @Test
  void a_list_command_the_server_does_not_implement_is_unsupported() {
    Key k = key("unsupported");
    client.operate(null, k, ListOperation.appendItems("l", values(1, 2)));
    // [20, VALUE, 1]: the server's single-result GET_BY_VALUE, which clients never send.
    byte[] getByValue = {(byte) 0x93, 20, 7, 1};

    assertCode(
        ResultCode.UNSUPPORTED_FEATURE,
        () ->
            client.operate(
                null, k, new Operation(Operation.Type.CDT_READ, "l", Value.get(getByValue))));
  }
}
