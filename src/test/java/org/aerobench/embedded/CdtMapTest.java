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
import com.aerospike.client.cdt.MapOperation;
import com.aerospike.client.cdt.MapOrder;
import com.aerospike.client.cdt.MapPolicy;
import com.aerospike.client.cdt.MapReturnType;
import com.aerospike.client.cdt.MapWriteFlags;
import com.aerospike.client.policy.ClientPolicy;
import java.util.AbstractMap.SimpleEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Map operations through the official client against the embedded server. */
class CdtMapTest {

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
    Key k = new Key("test", "cdtmap", name);
    client.delete(null, k);
    return k;
  }

  /** Scores: Charlie 55, Jim 98, John 76, Harry 82. */
  private static Map<Value, Value> scores() {
    Map<Value, Value> m = new HashMap<>();
    m.put(Value.get("Charlie"), Value.get(55));
    m.put(Value.get("Jim"), Value.get(98));
    m.put(Value.get("John"), Value.get(76));
    m.put(Value.get("Harry"), Value.get(82));
    return m;
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
  void puts_answer_the_size_and_write_flags_refuse_what_they_forbid() {
    Key k = key("flags");
    MapPolicy createOnly = new MapPolicy(MapOrder.UNORDERED, MapWriteFlags.CREATE_ONLY);
    MapPolicy updateOnly = new MapPolicy(MapOrder.UNORDERED, MapWriteFlags.UPDATE_ONLY);

    Record r =
        client.operate(
            null,
            k,
            MapOperation.put(MapPolicy.Default, "m", Value.get(1), Value.get("a")),
            MapOperation.put(createOnly, "m", Value.get(2), Value.get("b")),
            MapOperation.put(updateOnly, "m", Value.get(1), Value.get("c")));

    assertThat(objects(r.getList("m"))).containsExactly(1L, 2L, 2L);
    assertThat(client.get(null, k).getMap("m")).isEqualTo(Map.of(1L, "c", 2L, "b"));
    assertCode(
        24, // ELEMENT_EXISTS
        () ->
            client.operate(null, k, MapOperation.put(createOnly, "m", Value.get(1), Value.get(0))));
    assertCode(
        23, // ELEMENT_NOT_FOUND
        () ->
            client.operate(null, k, MapOperation.put(updateOnly, "m", Value.get(9), Value.get(0))));
  }

  @Test
  void no_fail_without_partial_is_all_or_nothing_and_with_partial_skips_the_refused() {
    Key k = key("partial");
    client.operate(null, k, MapOperation.putItems(MapPolicy.Default, "m", scores()));
    Map<Value, Value> more = Map.of(Value.get("Jim"), Value.get(1), Value.get("Sue"), Value.get(2));
    int flags = MapWriteFlags.CREATE_ONLY | MapWriteFlags.NO_FAIL;

    Record r =
        client.operate(
            null,
            k,
            MapOperation.putItems(new MapPolicy(MapOrder.UNORDERED, flags), "m", more),
            MapOperation.putItems(
                new MapPolicy(MapOrder.UNORDERED, flags | MapWriteFlags.PARTIAL), "m", more),
            MapOperation.getByKey("m", Value.get("Jim"), MapReturnType.VALUE));

    assertThat(objects(r.getList("m"))).containsExactly(4L, 5L, 98L);
  }

  @Test
  void a_key_ordered_map_reads_back_as_a_sorted_map() {
    Key k = key("ordered");
    MapPolicy keyOrdered = new MapPolicy(MapOrder.KEY_ORDERED, MapWriteFlags.DEFAULT);

    client.operate(null, k, MapOperation.putItems(keyOrdered, "m", scores()));

    Map<?, ?> m = client.get(null, k).getMap("m");
    assertThat(m).isInstanceOf(TreeMap.class);
    assertThat(objects(m.keySet())).containsExactly("Charlie", "Harry", "Jim", "John");
  }

  @Test
  void rank_and_value_selectors_follow_the_values() {
    Key k = key("rank");
    client.operate(null, k, MapOperation.putItems(MapPolicy.Default, "m", scores()));

    Record r =
        client.operate(
            null,
            k,
            MapOperation.getByRankRange("m", -2, 2, MapReturnType.KEY),
            MapOperation.getByRankRange("m", 0, 2, MapReturnType.KEY_VALUE),
            MapOperation.getByValueRange("m", Value.get(80), Value.get(99), MapReturnType.COUNT),
            MapOperation.getByKey("m", Value.get("John"), MapReturnType.RANK),
            MapOperation.getByIndex("m", 0, MapReturnType.KEY));

    List<?> results = r.getList("m");
    assertThat(results.get(0)).isEqualTo(List.of("Harry", "Jim"));
    assertThat(results.get(1))
        .isEqualTo(List.of(new SimpleEntry<>("Charlie", 55L), new SimpleEntry<>("John", 76L)));
    assertThat(objects(results.subList(2, 5))).containsExactly(2L, 1L, "Charlie");
  }

  @Test
  void ordered_and_unordered_map_return_types_give_sorted_and_hash_maps() {
    Key k = key("maps");
    client.operate(null, k, MapOperation.putItems(MapPolicy.Default, "m", scores()));

    Record r =
        client.operate(
            null,
            k,
            MapOperation.getByKeyRange(
                "m", Value.get("H"), Value.get("K"), MapReturnType.ORDERED_MAP),
            MapOperation.getByKeyRange(
                "m", Value.get("H"), Value.INFINITY, MapReturnType.UNORDERED_MAP));

    List<?> results = r.getList("m");
    assertThat(results.get(0)).isInstanceOf(TreeMap.class);
    assertThat(objects(((Map<?, ?>) results.get(0)).keySet()))
        .containsExactly("Harry", "Jim", "John");
    assertThat(results.get(1)).isInstanceOf(HashMap.class);
    assertThat((Map<?, ?>) results.get(1)).hasSize(3);
  }

  @Test
  void an_unordered_map_answers_key_selections_as_stored_and_part_index_ranges_by_key() {
    Key k = key("storage");
    for (int key : new int[] {3, 1, 2}) {
      client.operate(
          null, k, MapOperation.put(MapPolicy.Default, "m", Value.get(key), Value.get(0)));
    }

    Record r =
        client.operate(
            null,
            k,
            MapOperation.getByKeyRange("m", Value.get(0), Value.INFINITY, MapReturnType.KEY),
            MapOperation.getByIndexRange("m", 0, 2, MapReturnType.KEY),
            MapOperation.getByIndexRange("m", 0, 3, MapReturnType.KEY),
            MapOperation.getByIndex("m", 0, MapReturnType.KEY));

    assertThat(objects(r.getList("m")))
        .containsExactly(List.of(3L, 1L, 2L), List.of(1L, 2L), List.of(3L, 1L, 2L), 1L);
  }

  @Test
  void increment_creates_a_missing_key_and_removes_answer_what_went() {
    Key k = key("increment");
    client.operate(null, k, MapOperation.putItems(MapPolicy.Default, "m", scores()));

    Record r =
        client.operate(
            null,
            k,
            MapOperation.increment(MapPolicy.Default, "m", Value.get("Jim"), Value.get(-8)),
            MapOperation.increment(MapPolicy.Default, "m", Value.get("Sue"), Value.get(3)),
            MapOperation.removeByKeyList(
                "m", List.of(Value.get("John"), Value.get("Nobody")), MapReturnType.COUNT),
            MapOperation.removeByValue("m", Value.get(55), MapReturnType.KEY),
            MapOperation.size("m"));

    assertThat(objects(r.getList("m"))).containsExactly(90L, 3L, 1L, List.of("Charlie"), 3L);
  }

  @Test
  void relative_index_ranges_start_where_the_key_would_be() {
    Key k = key("relative");
    Map<Value, Value> m = new HashMap<>();
    for (int key : new int[] {0, 4, 5, 9}) {
      m.put(Value.get(key), Value.get(key * 10));
    }
    client.operate(null, k, MapOperation.putItems(MapPolicy.Default, "m", m));

    Record r =
        client.operate(
            null,
            k,
            MapOperation.getByKeyRelativeIndexRange("m", Value.get(5), 0, MapReturnType.KEY),
            MapOperation.getByKeyRelativeIndexRange("m", Value.get(3), -2, 2, MapReturnType.KEY));

    assertThat(objects(r.getList("m"))).containsExactly(List.of(5L, 9L), List.of(0L));
  }

  @Test
  void a_create_context_makes_a_nested_map_that_reads_back() {
    Key k = key("nested");
    client.put(null, k, new Bin("m", Map.of("a", 1L)));

    client.operate(
        null,
        k,
        MapOperation.put(
            MapPolicy.Default,
            "m",
            Value.get("x"),
            Value.get(7),
            CTX.mapKeyCreate(Value.get("inner"), MapOrder.KEY_ORDERED)));
    Record r =
        client.operate(
            null,
            k,
            MapOperation.getByKey(
                "m", Value.get("x"), MapReturnType.VALUE, CTX.mapKey(Value.get("inner"))));

    assertThat(r.getLong("m")).isEqualTo(7L);
    assertThat(client.get(null, k).getMap("m"))
        .isEqualTo(Map.of("a", 1L, "inner", Map.of("x", 7L)));
  }

  @Test
  void a_map_operation_on_a_list_bin_is_a_bin_type_error() {
    Key k = key("type");
    client.put(null, k, new Bin("l", List.of(1L)));

    assertCode(
        ResultCode.BIN_TYPE_ERROR,
        () ->
            client.operate(
                null, k, MapOperation.put(MapPolicy.Default, "l", Value.get(1), Value.get(2))));
  }

  @Test
  void removing_from_a_missing_record_is_key_not_found() {
    Key k = key("missing");

    assertCode(
        ResultCode.KEY_NOT_FOUND_ERROR,
        () ->
            client.operate(
                null, k, MapOperation.removeByKey("m", Value.get("x"), MapReturnType.VALUE)));
  }

  @Test
  void a_map_read_of_a_missing_bin_answers_nothing_for_that_op() {
    Key k = key("nobin");
    client.put(null, k, new Bin("other", 1));

    Record r = client.operate(null, k, MapOperation.size("m"), Operation.get("other"));

    assertThat(r.bins).containsEntry("other", 1L);
    assertThat(r.getValue("m")).isNull();
  }
}
